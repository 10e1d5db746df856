package io.jenkins.plugins.dataworks.emulator.state;

import io.jenkins.plugins.dataworks.emulator.oss.PackageSource;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The live state of one migration. All mutation is synchronized on the instance. */
public final class MigrationState {

    /** What one look at the migration saw. */
    public record View(String status, Instant gmtModified, long pollsAnswered) {
    }

    /**
     * What CreateExportMigration / CreateImportMigration were told, beyond the spec (all nullable).
     *
     * @param failedTask for an import: the GetMigrationProcess task that fails (UploadPackage,
     *     ParsePackage) when the timeline reaches IMPORT_ERROR; null: the default story
     */
    public record Details(String packageType, String description, String packageFile, String failedTask) {
        public static final Details NONE = new Details(null, null, null, null);
    }

    private final MigrationSpec spec;
    private final PackageSource pkg;
    private final Instant gmtCreate;
    private final Details details;
    private boolean started;
    private int starts;
    private Instant origin;
    private long polls;
    private String override;
    private String lastStatus;
    private Instant gmtModified;

    public MigrationState(MigrationSpec spec, PackageSource pkg, Instant now) {
        this(spec, pkg, now, Details.NONE);
    }

    public MigrationState(MigrationSpec spec, PackageSource pkg, Instant now, Details details) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.details = Objects.requireNonNull(details, "details");
        this.pkg = pkg;
        this.gmtCreate = spec.gmtCreate() != null ? spec.gmtCreate() : now;
        this.started = !spec.waitsForStart();
        this.origin = now;
        this.lastStatus = spec.timeline().initialStatus();
        this.gmtModified = gmtCreate;
    }

    public MigrationSpec spec() {
        return spec;
    }

    public PackageSource pkg() {
        return pkg;
    }

    public Instant gmtCreate() {
        return gmtCreate;
    }

    public Details details() {
        return details;
    }

    /** Whether the timeline runs (from the start, or since StartMigration). */
    public synchronized boolean started() {
        return started;
    }

    /** A public snapshot, without counting a poll. */
    public MigrationInfo info(Instant now) {
        View view = peek(now);
        return new MigrationInfo(spec.id(), spec.projectId(), spec.name(), spec.type(), view.status(), started(),
                view.pollsAnswered(), gmtCreate, view.gmtModified(), spec.createUser(), details.packageType(),
                details.description(), details.packageFile(), details.failedTask(), starts());
    }

    /** A GetMigrationSummary answer: the status after the polls answered so far, then counts this poll. */
    public synchronized View poll(Instant now) {
        View view = peek(now);
        polls++;
        return view;
    }

    /** The current status without counting a poll. */
    public synchronized View peek(Instant now) {
        String status = currentStatus(now);
        if (!status.equals(lastStatus)) {
            lastStatus = status;
            gmtModified = now;
        }
        return new View(status, gmtModified, polls);
    }

    /**
     * StartMigration: starts the timeline if it waits for a start and has not started, or, with
     * {@code again}, also one that was started before (from the start of its timeline). Nothing
     * starts while a status is forced.
     *
     * @return whether this call started it
     */
    public synchronized boolean start(Instant now, boolean again) {
        if ((started && !again) || override != null) {
            return false;
        }
        started = true;
        origin = now;
        polls = 0;
        starts++;
        return true;
    }

    /** How many StartMigration calls started it (more than one only under {@code SecondStart.RUN_AGAIN}). */
    public synchronized int starts() {
        return starts;
    }

    /** Forces a status from now on (e.g. REVOKED, or any unknown string); null resumes the timeline. */
    public synchronized void overrideStatus(String status) {
        override = status;
    }

    private String currentStatus(Instant now) {
        if (override != null) {
            return override;
        }
        if (!started) {
            return spec.timeline().initialStatus();
        }
        Duration elapsed = Duration.between(origin, now);
        return spec.timeline().statusAt(polls, elapsed.isNegative() ? Duration.ZERO : elapsed);
    }
}
