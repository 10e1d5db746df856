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
import io.jenkins.plugins.dataworks.engine.error.AuthenticationException;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.ErrorClassifier;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import io.jenkins.plugins.dataworks.engine.ratelimit.Sleeper;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates and starts migrations without ever making one twice, whatever the service does with a
 * call whose answer was lost. Each write call goes out once on the wire (the client's transport never
 * repeats it); whether to try once more is decided here, after looking:
 * <ul>
 *   <li>A failure the service reports before acting (throttling, a connection that was never made)
 *       is retried, at most {@code retries} times, with backoff through the {@link Sleeper}.</li>
 *   <li>After a Create call that may have taken effect (a read timeout, a connection lost after
 *       sending, a 5xx, an unreadable answer: see {@link ErrorClassifier#mayHaveTakenEffect}), the
 *       migration is looked up by its name, which DataWorks keeps unique per workspace
 *       (ListMigrations of the type, exact name). Found: it is used ({@link Launched#foundByName()}).
 *       Not found: the call is made once more. When the budget is spent, the error says how to check
 *       by hand.</li>
 *   <li>A Create call refused with a client error is followed by one lookup of the name among
 *       migrations of both types: a migration of that name exists, so the name is taken (a one-line
 *       error, never a recovery); none does, so the refusal is reported as it is. Which error code
 *       DataWorks gives a taken name is not documented, so no code is relied on.</li>
 *   <li>{@link #start} reads the status first and sends StartMigration only to a migration that
 *       waits for its start (INIT, EDITING): what DataWorks does with a second StartMigration is not
 *       documented (it may answer false, refuse, or run the migration again). After an answer of
 *       false, an ambiguous failure or a refusal, the status decides again: started means it was
 *       started (by the lost call, an earlier run or someone else) and is reported with
 *       {@link Started#startedNow()} false; still waiting after an ambiguous failure, it is started
 *       once more; still waiting after false or a refusal is an error.</li>
 * </ul>
 * {@link #requireFreeName} and {@link #createImport} look the name up before anything is created or
 * uploaded. Why look up by name rather than pass a client token: the 2020-05-18 API has no
 * idempotency token for these calls, and the name is the one key the service itself keeps unique.
 * Every retry is reported to the {@link RetryNotice.Listener} before it is made.
 *
 * <p>The client passed in is the caller's rate-limited one: every call here counts against the
 * same limit and budget as polls, and each result reports the calls it made.
 */
public final class MigrationLauncher {

    /** Retries of a transient failure of one step, and recoveries of an ambiguous one. */
    public static final int DEFAULT_RETRIES = 3;
    static final int PAGE_SIZE = 100;
    /** ListMigrations pages looked at per type: the API's maximum PageNumber, 10,000 migrations, newest first. */
    static final int MAX_PAGES = 100;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final DataWorksClient client;
    private final Sleeper sleeper;
    private final int retries;
    private final RetryNotice.Listener listener;
    /**
     * Whether any call of this launcher reached DataWorks (an answer, or an error with a RequestId).
     * Until one has, a host that does not resolve is the region, endpoint, VPC or proxy setting, not
     * a DNS hiccup.
     */
    private volatile boolean reached;

    public MigrationLauncher(DataWorksClient client) {
        this(client, Sleeper.SYSTEM, DEFAULT_RETRIES);
    }

    public MigrationLauncher(DataWorksClient client, Sleeper sleeper, int retries) {
        this(client, sleeper, retries, RetryNotice.Listener.NONE);
    }

    /**
     * @param sleeper waits between retries; tests pass one that advances a clock
     * @param retries retries of a transient failure per step, and fresh attempts after an ambiguous
     *     one or an expired upload grant; 0 for none
     * @param listener told of each retry before it is made, for the log
     */
    public MigrationLauncher(DataWorksClient client, Sleeper sleeper, int retries, RetryNotice.Listener listener) {
        this.client = Objects.requireNonNull(client, "client");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.listener = Objects.requireNonNull(listener, "listener");
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
     * Refuses a name that a migration of either type in the workspace already has: one lookup
     * (ListMigrations of both types), before anything is created or uploaded. Whether DataWorks keeps
     * names unique across export and import migrations is not documented; taken by either is the safe
     * reading.
     *
     * @return the calls made
     * @throws ApiException naming the workspace, when the name is taken
     */
    public int requireFreeName(long projectId, String name) {
        Objects.requireNonNull(name, "name");
        Calls calls = new Calls();
        requireFreeName(projectId, name.strip(), calls);
        return calls.count;
    }

    private void requireFreeName(long projectId, String name, Calls calls) {
        Optional<Found> taken = findAnyType(projectId, name, calls);
        if (taken.isPresent()) {
            throw ErrorClassifier.nameTaken(name, projectId, new ApiException("name taken",
                    ErrorClassifier.NAME_DUPLICATED, taken.get().requestId(), null));
        }
    }

    /**
     * Refuses a name a migration in the workspace already has (before uploading anything), uploads
     * the package through {@code transfer} under a fresh AuthorizeFileUpload grant, then
     * creates the import, or finds the one an earlier attempt with the same name created. The
     * transfer retries transient failures itself ({@link PackageTransfer#upload}); an expired grant is
     * replaced by a fresh one and the upload made again, at most {@code retries} times.
     */
    public Launched createImport(ImportSpec spec, PackageTransfer transfer) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(transfer, "transfer");
        Calls calls = new Calls();
        // A taken name would only be refused after the upload, leaving the package orphaned in the
        // upload bucket: one lookup first is cheaper than an upload of a large package.
        requireFreeName(spec.projectId(), spec.name(), calls);
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
        return find(projectId, type, name.strip(), new Calls()).map(Found::launched);
    }

    /**
     * Starts the migration, if it waits for its start: the status is read first (one
     * GetMigrationSummary), and a migration started before is left alone and reported with its
     * status, without a StartMigration call. One the service refuses to start while it still waits
     * for a start is an error.
     */
    public Started start(MigrationRef ref) {
        Objects.requireNonNull(ref, "ref");
        Calls calls = new Calls();
        MigrationSummary before = summary(ref, calls);
        if (!waitsForStart(before.status())) {
            return new Started(ref, false, before.rawStatus(), calls.count);
        }
        String what = "StartMigration for " + ref;
        int transientFailures = 0;
        int ambiguous = 0;
        while (true) {
            boolean startedNow;
            try {
                calls.count++;
                startedNow = call(what, () -> client.startMigration(ref));
            } catch (DataWorksException e) {
                if (isUnreachableSetting(e)) {
                    throw e;
                }
                if (ErrorClassifier.mayHaveTakenEffect(e)) {
                    // The service may have started it: its status decides.
                    MigrationSummary summary = summary(ref, calls);
                    if (!waitsForStart(summary.status())) {
                        return new Started(ref, false, summary.rawStatus(), calls.count);
                    }
                    if (ambiguous++ >= retries) {
                        throw new ApiException(what + " got no answer " + ambiguous
                                + " times (last failure: " + codeOf(e) + ") and it is still " + summary.rawStatus()
                                + ": check the network, then start it again." + requestIdText(e.requestId()),
                                e.errorCode(), e.requestId(), e.getCause());
                    }
                    listener.retrying(new RetryNotice(what, "got no answer (" + codeOf(e) + ") and it is still "
                            + summary.rawStatus(), Duration.ZERO, ambiguous + 1, retries + 1));
                    continue;
                }
                if (e instanceof TransientApiException && transientFailures < retries) {
                    backoff(++transientFailures, what, e);
                    continue;
                }
                if (e instanceof ApiException || e instanceof AuthenticationException) {
                    // Refused, perhaps because someone started it since the status was read: the status decides.
                    MigrationSummary summary = summary(ref, calls);
                    if (!waitsForStart(summary.status())) {
                        return new Started(ref, false, summary.rawStatus(), calls.count);
                    }
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
        String what = action + " of '" + name + "' in workspace " + projectId;
        int transientFailures = 0;
        int ambiguous = 0;
        DataWorksException lastAmbiguous = null;
        while (true) {
            try {
                calls.count++;
                MigrationRef ref = call(what, call);
                return new Launched(ref, name, type, false, calls.count);
            } catch (DataWorksException e) {
                if (isUnreachableSetting(e)) {
                    throw e;
                }
                if (e instanceof ApiException) {
                    if (lastAmbiguous != null) {
                        // A lost attempt may have created it after all, and the listing had not shown it yet.
                        Optional<Found> found = find(projectId, type, name, calls);
                        if (found.isPresent()) {
                            return found.get().launched();
                        }
                        if (ErrorClassifier.isNameTaken(e)) {
                            throw cannotTell(action, name, projectId, type, lastAmbiguous,
                                    "the service says the name is taken but ListMigrations does not show it");
                        }
                        throw e;
                    }
                    // A refusal: whether it is a taken name is decided by a lookup, not by the error code.
                    Optional<Found> holder = findAnyType(projectId, name, calls);
                    if (holder.isPresent()) {
                        throw ErrorClassifier.nameTaken(name, projectId, e);
                    }
                    throw e;
                }
                if (ErrorClassifier.mayHaveTakenEffect(e)) {
                    lastAmbiguous = e;
                    Optional<Found> found = find(projectId, type, name, calls);
                    if (found.isPresent()) {
                        return found.get().launched();
                    }
                    if (ambiguous++ >= retries) {
                        throw cannotTell(action, name, projectId, type, e, "no attempt got an answer");
                    }
                    listener.retrying(new RetryNotice(what, "got no answer (" + codeOf(e)
                            + ") and ListMigrations does not show it", Duration.ZERO, ambiguous + 1, retries + 1));
                    continue; // not created: create once more
                }
                if (e instanceof TransientApiException && transientFailures < retries) {
                    backoff(++transientFailures, what, e);
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
                + " whether workspace " + projectId + " has an " + type.name().toLowerCase(Locale.ROOT) + " migration named '" + name
                + "'; use it, or delete it before running again." + requestIdText(last.requestId()),
                last.errorCode(), last.requestId(), last.getCause());
    }

    private static String codeOf(DataWorksException e) {
        return e.errorCode() == null ? e.getClass().getSimpleName() : e.errorCode();
    }

    /** A migration found by its name, and the RequestId of the listing that showed it. */
    private record Found(Launched launched, String requestId) {}

    private Optional<Found> find(long projectId, MigrationType type, String name, Calls calls) {
        for (int page = 1; page <= MAX_PAGES; page++) {
            int number = page;
            MigrationPage listing = retrying("ListMigrations of " + type + " migrations in workspace " + projectId,
                    calls, () -> client.listMigrations(projectId, type, number, PAGE_SIZE));
            for (MigrationListing m : listing.migrations()) {
                if (m.type() == type && name.equals(m.name())) {
                    return Optional.of(new Found(new Launched(m.ref(), name, type, true, calls.count), listing.requestId()));
                }
            }
            if (!listing.hasMore()) {
                break;
            }
        }
        return Optional.empty();
    }

    /** ListMigrations takes one type per call: exports first, then imports. */
    private Optional<Found> findAnyType(long projectId, String name, Calls calls) {
        Optional<Found> export = find(projectId, MigrationType.EXPORT, name, calls);
        return export.isPresent() ? export : find(projectId, MigrationType.IMPORT, name, calls);
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
                return call(what, call);
            } catch (TransientApiException e) {
                if (failures >= retries) {
                    throw e;
                }
                backoff(++failures, what, e);
            }
        }
    }

    /**
     * Makes one call. A host that does not resolve before any call of this launcher reached DataWorks
     * ends the operation at once with what to check: no retry fixes a wrong region, endpoint, VPC or
     * proxy. Once a call got through, it is transient as classified, and retried.
     */
    private <T> T call(String what, Supplier<T> call) {
        try {
            T answer = call.get();
            reached = true;
            return answer;
        } catch (DataWorksException e) {
            if (e.requestId() != null) {
                reached = true;
            }
            Optional<String> host = reached ? Optional.empty() : ErrorClassifier.unresolvedHost(e);
            if (host.isPresent()) {
                throw new ApiException(UserText.of(what + " failed: SDK.ServerUnreachable: unknown host "
                                + host.get() + ", and no call has reached DataWorks, so retrying will not help; ",
                        ErrorClassifier.unresolvedHostFix()),
                        e.errorCode(), null, e.getCause());
            }
            throw e;
        }
    }

    /** What {@link #call} made of a host that never resolved: nothing reached DataWorks, nothing to look up. */
    private static boolean isUnreachableSetting(DataWorksException e) {
        // The classifier makes SDK.ServerUnreachable transient; only call() turns it into a refusal.
        return e instanceof ApiException && "SDK.ServerUnreachable".equals(e.errorCode());
    }

    private void backoff(int failures, String what, DataWorksException failure) {
        Duration pause = Duration.ofSeconds(
                Math.min(MAX_BACKOFF.toSeconds(), FIRST_BACKOFF.toSeconds() << Math.min(failures - 1, 10)));
        String code = codeOf(failure);
        String reason = code.startsWith("Throttling") ? "throttled (" + code + ")" : "failed (" + code + ")";
        listener.retrying(new RetryNotice(what, reason, pause, failures + 1, retries + 1));
        try {
            sleeper.sleep(pause);
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
