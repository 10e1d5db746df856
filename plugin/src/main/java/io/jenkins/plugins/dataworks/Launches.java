package io.jenkins.plugins.dataworks;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationType;
import io.jenkins.plugins.dataworks.engine.migrate.Launched;
import io.jenkins.plugins.dataworks.engine.migrate.MigrationLauncher;
import io.jenkins.plugins.dataworks.engine.migrate.Started;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creating and starting a migration across restarts, for every launching step: persist the attempt,
 * make the call through the engine's {@link MigrationLauncher}, log one line. Whether a migration
 * exists, was found by its name or had been started before is the engine's answer; this only
 * decides which of its calls to make from what was persisted.
 */
final class Launches {

    private Launches() {}

    /**
     * Creates the migration, or, when {@code previous} says a create was in flight when the
     * controller went down, finds the one it made by its name and creates one only if there is none.
     */
    static Launched create(
            MigrationLauncher launcher,
            LaunchingExecution.Calls calls,
            Attempt previous,
            MigrationType type,
            long projectId,
            String name,
            Supplier<Launched> create)
            throws IOException, InterruptedException {
        Attempt attempt = Attempt.creating(type, projectId, name);
        if (previous != null && previous.action() == Attempt.Action.CREATE) {
            if (previous.isCreated()) {
                calls.log(Messages.Launch_created(
                        Attempt.typeName(type), previous.ref().migrationId(), name, projectId));
                return new Launched(previous.ref(), name, type, false, 0);
            }
            Optional<Launched> found = launcher.find(projectId, type, name);
            if (found.isPresent()) {
                return created(calls, attempt, found.get());
            }
        }
        calls.persist(attempt);
        calls.log(Messages.Launch_creating(Attempt.typeName(type), name, projectId));
        return created(calls, attempt, create.get());
    }

    private static Launched created(LaunchingExecution.Calls calls, Attempt attempt, Launched launched)
            throws IOException, InterruptedException {
        calls.persist(attempt.created(launched.ref().migrationId()));
        MigrationRef ref = launched.ref();
        String type = Attempt.typeName(launched.type());
        calls.log(
                launched.foundByName()
                        ? Messages.Launch_found(type, ref.migrationId(), launched.name(), ref.projectId())
                        : Messages.Launch_created(type, ref.migrationId(), launched.name(), ref.projectId()));
        return launched;
    }

    /**
     * Starts the migration. The attempt is persisted first, and after a restart the engine is simply
     * asked again: it never starts a migration twice, and says so (startedNow false, with the status).
     */
    static Started start(MigrationLauncher launcher, LaunchingExecution.Calls calls, MigrationRef ref, Attempt previous)
            throws IOException, InterruptedException {
        Attempt attempt = Attempt.starting(ref);
        if (previous == null || previous.action() != Attempt.Action.START) {
            calls.persist(attempt);
        }
        calls.log(Messages.Launch_starting(ref.migrationId(), ref.projectId()));
        Started started = launcher.start(ref);
        calls.log(
                started.startedNow()
                        ? Messages.Launch_started(ref.migrationId(), ref.projectId())
                        : Messages.Launch_alreadyStarted(ref.migrationId(), ref.projectId(), started.status()));
        return started;
    }

    /** What {@code startDataWorksMigration} returns: plain values a script can read. */
    static Map<String, Object> toMap(Started started) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("projectId", started.ref().projectId());
        m.put("migrationId", started.ref().migrationId());
        m.put("startedNow", started.startedNow());
        if (started.status() != null) {
            m.put("status", started.status());
        }
        m.put("apiCalls", started.apiCalls());
        return m;
    }
}
