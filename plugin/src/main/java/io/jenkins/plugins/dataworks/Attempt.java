package io.jenkins.plugins.dataworks;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationType;
import java.io.Serializable;
import java.util.Locale;

/**
 * The write call a launching step is about to make, persisted with the Pipeline (saveState) before
 * the call is sent. After a controller restart it tells the resumed step what may have happened
 * while nobody listened: a create whose answer was lost is looked up by its name (the engine's
 * {@code MigrationLauncher.find}), a start is asked again of the engine, which never starts a
 * migration twice. Values only: no secret, no live object.
 */
final class Attempt implements Serializable {

    private static final long serialVersionUID = 1L;

    enum Action {
        CREATE,
        START
    }

    private final Action action;
    private final MigrationType type;
    private final long projectId;
    private final String name;
    /** 0 until the create call answered. */
    private final long migrationId;

    private Attempt(Action action, MigrationType type, long projectId, String name, long migrationId) {
        this.action = action;
        this.type = type;
        this.projectId = projectId;
        this.name = name;
        this.migrationId = migrationId;
    }

    static Attempt creating(MigrationType type, long projectId, String name) {
        return new Attempt(Action.CREATE, type, projectId, name, 0);
    }

    static Attempt starting(MigrationRef ref) {
        return new Attempt(Action.START, null, ref.projectId(), null, ref.migrationId());
    }

    /** The create call answered (or its migration was found): the id is known. */
    Attempt created(long id) {
        return new Attempt(action, type, projectId, name, id);
    }

    Action action() {
        return action;
    }

    MigrationType type() {
        return type;
    }

    long projectId() {
        return projectId;
    }

    String name() {
        return name;
    }

    /** Whether the create is known to have happened (its migration id is known). */
    boolean isCreated() {
        return action == Action.CREATE && migrationId > 0;
    }

    MigrationRef ref() {
        return new MigrationRef(projectId, migrationId);
    }

    /** "creating the export migration 'x' in workspace 1" / "starting migration 2 in workspace 1", for the log. */
    String describe() {
        return action == Action.CREATE
                ? Messages.Attempt_creating(typeName(type), name, projectId)
                : Messages.Attempt_starting(migrationId, projectId);
    }

    static String typeName(MigrationType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Attempt[" + action + " " + type + " " + projectId + "/" + name + "/" + migrationId + "]";
    }
}
