package io.jenkins.plugins.dataworks.engine.migrate;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.ExportSpec;
import io.jenkins.plugins.dataworks.engine.client.ImportSpec;
import io.jenkins.plugins.dataworks.engine.client.MigrationListing;
import io.jenkins.plugins.dataworks.engine.client.MigrationPage;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationStatus;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.client.MigrationType;
import io.jenkins.plugins.dataworks.engine.client.UploadGrant;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.ErrorClassifier;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import io.jenkins.plugins.dataworks.engine.ratelimit.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates and starts migrations without ever making one twice. The write calls are not retried
 * blindly; what happens after a failure depends on whether the service can have acted
 * ({@link ErrorClassifier#mayHaveTakenEffect}):
 * <ul>
 *   <li>A failure the service reports before acting (throttling) is retried, at most
 *       {@code retries} times, with backoff through the {@link Sleeper}. Other refusals (any other 4xx,
 *       authentication, quota) are thrown as they are.</li>
 *   <li>After a Create call that may have taken effect (a read timeout, a connection lost after
 *       sending, a 5xx, an unreadable answer, SignatureNonceUsed: see
 *       {@link ErrorClassifier#mayHaveTakenEffect}), the migration is looked up by its name, which
 *       DataWorks keeps unique per workspace (ListMigrations of the type, newest first, exact name).
 *       Found: it is used ({@link Launched#foundByName()}). Not found: the call is made once more; if
 *       the service then says the name is taken, the earlier attempt did create it after all and it is
 *       looked up again. When the budget is spent, the error says how to check by hand.</li>
 *   <li>A Create call that the service refuses because the name exists, on the first attempt, is the
 *       user's choice of name: a one-line error, never a recovery.</li>
 *   <li>StartMigration answering false, or failing ambiguously, is followed by one
 *       GetMigrationSummary: a migration past INIT/EDITING was started (by the lost call, an earlier
 *       run or someone else) and is reported as it is ({@link Started#startedNow()} false); one still
 *       in INIT after an ambiguous failure is started once more; one still in INIT after the service
 *       answered false is an error.</li>
 * </ul>
 * Why look up by name rather than pass a client token: the 2020-05-18 API has no idempotency token
 * for these calls, and the name is the one key the service itself keeps unique.
 *
 * <p>The client passed in is the caller's rate-limited one: every call here counts against the
 * same limit and budget as polls, and each result reports the calls it made.
 */
public final class MigrationLauncher {

    /** Retries of a transient failure of one step, and recoveries of an ambiguous one. */
    public static final int DEFAULT_RETRIES = 3;
    static final int PAGE_SIZE = 100;
    /** ListMigrations pages looked at by {@link #find}: 2000 migrations of the type, newest first. */
    static final int MAX_PAGES = 20;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final DataWorksClient client;
    private final Sleeper sleeper;
    private final int retries;

    public MigrationLauncher(DataWorksClient client) {
        this(client, Sleeper.SYSTEM, DEFAULT_RETRIES);
    }

    /**
     * @param sleeper waits between retries; tests pass one that advances a clock
     * @param retries retries of a transient failure per step, and fresh attempts after an ambiguous
     *     one or an expired upload grant; 0 for none
     */
    public MigrationLauncher(DataWorksClient client, Sleeper sleeper, int retries) {
        this.client = Objects.requireNonNull(client, "client");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more: " + retries);
        }
        this.retries = retries;
    }

    /** Creates the export, or finds the one an earlier attempt with the same name created. */
    public Launched createExport(ExportSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Calls calls = new Calls();
        return create(MigrationType.EXPORT, spec.projectId(), spec.name(), "CreateExportMigration",
                () -> client.createExportMigration(spec), calls);
    }

    /**
     * Uploads the package through {@code transfer} under a fresh AuthorizeFileUpload grant, then
     * creates the import, or finds the one an earlier attempt with the same name created. The
     * transfer retries transient failures itself ({@link PackageTransfer#upload}); an expired grant is
     * replaced by a fresh one and the upload made again, at most {@code retries} times.
     */
    public Launched createImport(ImportSpec spec, PackageTransfer transfer) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(transfer, "transfer");
        Calls calls = new Calls();
        UploadGrant grant = authorize(calls);
        for (int fresh = 0; ; fresh++) {
            try {
                transfer.upload(grant);
                break;
            } catch (DataWorksException e) {
                if (!ErrorClassifier.needsFreshUploadGrant(e) || fresh >= retries) {
                    throw e;
                }
                grant = authorize(calls);
            }
        }
        String packageFile = grant.packageFile();
        return create(MigrationType.IMPORT, spec.projectId(), spec.name(), "CreateImportMigration",
                () -> client.createImportMigration(spec, packageFile), calls);
    }

    /** The migration of this type and name in the workspace, if there is one (ListMigrations). */
    public Optional<Launched> find(long projectId, MigrationType type, String name) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        return find(projectId, type, name.strip(), new Calls());
    }

    /**
     * Starts the migration. One that was started before is left alone and reported with its status;
     * one the service refuses to start while it still waits for a start is an error.
     */
    public Started start(MigrationRef ref) {
        Objects.requireNonNull(ref, "ref");
        Calls calls = new Calls();
        int transientFailures = 0;
        int ambiguous = 0;
        while (true) {
            boolean startedNow;
            try {
                calls.count++;
                startedNow = client.startMigration(ref);
            } catch (DataWorksException e) {
                if (ErrorClassifier.mayHaveTakenEffect(e)) {
                    // The service may have started it: its status decides.
                    MigrationSummary summary = summary(ref, calls);
                    if (!waitsForStart(summary.status())) {
                        return new Started(ref, false, summary.rawStatus(), calls.count);
                    }
                    if (ambiguous++ >= retries) {
                        throw new ApiException("StartMigration for " + ref + " got no answer " + ambiguous
                                + " times (last failure: " + codeOf(e) + ") and it is still " + summary.rawStatus()
                                + ": check the network, then start it again." + requestIdText(e.requestId()),
                                e.errorCode(), e.requestId(), e.getCause());
                    }
                    continue;
                }
                if (e instanceof TransientApiException && transientFailures < retries) {
                    backoff(++transientFailures, "StartMigration for " + ref);
                    continue;
                }
                throw e;
            }
            if (startedNow) {
                return new Started(ref, true, null, calls.count);
            }
            MigrationSummary summary = summary(ref, calls);
            if (waitsForStart(summary.status())) {
                throw new ApiException("DataWorks did not start " + ref + " (status " + summary.rawStatus()
                        + "): StartMigration answered false; check the migration in the DataWorks console"
                        + " (its package, its settings) and start it again." + requestIdText(summary.requestId()),
                        "NotStarted", summary.requestId(), null);
            }
            return new Started(ref, false, summary.rawStatus(), calls.count);
        }
    }

    /** INIT and EDITING: created, not started. Anything else (UNKNOWN included) means it was started. */
    private static boolean waitsForStart(MigrationStatus status) {
        return status == MigrationStatus.INIT || status == MigrationStatus.EDITING;
    }

    private Launched create(MigrationType type, long projectId, String name, String action,
            Supplier<MigrationRef> call, Calls calls) {
        int transientFailures = 0;
        int ambiguous = 0;
        DataWorksException lastAmbiguous = null;
        while (true) {
            try {
                calls.count++;
                MigrationRef ref = call.get();
                return new Launched(ref, name, type, false, calls.count);
            } catch (DataWorksException e) {
                if (ErrorClassifier.isNameTaken(e)) {
                    if (lastAmbiguous == null) {
                        throw ErrorClassifier.nameTaken(name, projectId, e);
                    }
                    // The lost attempt did create it, and the listing had not shown it yet: look again.
                    Optional<Launched> found = find(projectId, type, name, calls);
                    if (found.isPresent()) {
                        return found.get();
                    }
                    throw cannotTell(action, name, projectId, type, lastAmbiguous,
                            "the service says the name is taken but ListMigrations does not show it");
                }
                if (ErrorClassifier.mayHaveTakenEffect(e)) {
                    lastAmbiguous = e;
                    Optional<Launched> found = find(projectId, type, name, calls);
                    if (found.isPresent()) {
                        return found.get();
                    }
                    if (ambiguous++ >= retries) {
                        throw cannotTell(action, name, projectId, type, e, "no attempt got an answer");
                    }
                    continue; // not created: create once more
                }
                if (e instanceof TransientApiException && transientFailures < retries) {
                    backoff(++transientFailures, action + " of '" + name + "'");
                    continue;
                }
                throw e;
            }
        }
    }

    /** The one-line error when it cannot be told whether the migration exists. */
    private static ApiException cannotTell(String action, String name, long projectId, MigrationType type,
            DataWorksException last, String why) {
        return new ApiException(action + " of '" + name + "' in workspace " + projectId + " may have taken effect ("
                + why + "; last failure: " + codeOf(last) + "): check with ListMigrations or in the DataWorks console"
                + " whether workspace " + projectId + " has a " + type + " migration named '" + name
                + "'; use it, or delete it before running again." + requestIdText(last.requestId()),
                last.errorCode(), last.requestId(), last.getCause());
    }

    private static String codeOf(DataWorksException e) {
        return e.errorCode() == null ? e.getClass().getSimpleName() : e.errorCode();
    }

    private Optional<Launched> find(long projectId, MigrationType type, String name, Calls calls) {
        for (int page = 1; page <= MAX_PAGES; page++) {
            int number = page;
            MigrationPage listing = retrying("ListMigrations of " + type + " migrations in workspace " + projectId,
                    calls, () -> client.listMigrations(projectId, type, number, PAGE_SIZE));
            for (MigrationListing m : listing.migrations()) {
                if (m.type() == type && name.equals(m.name())) {
                    return Optional.of(new Launched(m.ref(), name, type, true, calls.count));
                }
            }
            if (!listing.hasMore()) {
                break;
            }
        }
        return Optional.empty();
    }

    private UploadGrant authorize(Calls calls) {
        // A grant is no write: asking again after any transient failure cannot do harm.
        return retrying("AuthorizeFileUpload", calls, client::authorizeFileUpload);
    }

    private MigrationSummary summary(MigrationRef ref, Calls calls) {
        return retrying("GetMigrationSummary for " + ref, calls, () -> client.getMigrationSummary(ref));
    }

    /** A read (or harmless) call, retried on any transient failure. */
    private <T> T retrying(String what, Calls calls, Supplier<T> call) {
        int failures = 0;
        while (true) {
            try {
                calls.count++;
                return call.get();
            } catch (TransientApiException e) {
                if (failures >= retries) {
                    throw e;
                }
                backoff(++failures, what);
            }
        }
    }

    private void backoff(int failures, String what) {
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), FIRST_BACKOFF.toSeconds() << Math.min(failures - 1, 10));
        try {
            sleeper.sleep(Duration.ofSeconds(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(what + " cancelled: the thread was interrupted.", "Cancelled", null, null);
        }
    }

    private static String requestIdText(String requestId) {
        return requestId == null ? "" : " RequestId: " + requestId;
    }

    /** Calls made by one operation, against the caller's budget. */
    private static final class Calls {
        int count;
    }
}
