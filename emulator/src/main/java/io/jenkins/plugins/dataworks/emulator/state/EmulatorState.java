package io.jenkins.plugins.dataworks.emulator.state;

import io.jenkins.plugins.dataworks.emulator.oss.PackageSource;
import io.jenkins.plugins.dataworks.emulator.scenario.AccessKey;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.emulator.scenario.UploadFault;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All mutable state of one emulator instance (no static state anywhere): credentials, STS sessions,
 * migrations, uploaded objects, fault queues and the call log. Internal API shared by the RPC and OSS
 * handlers.
 */
public final class EmulatorState {

    /** How far a Timestamp may be from the signature clock, either way. */
    public static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(15);

    private final Scenario scenario;
    private final Clock scenarioClock;
    private final Clock signatureClock;
    private final Map<String, AccessKey> keys = new ConcurrentHashMap<>();
    private final Map<String, StsSession> sessions = new ConcurrentHashMap<>();
    private final Map<Long, MigrationState> migrations = new ConcurrentHashMap<>();
    private final Set<Long> projects = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextId;
    private final FaultQueue<Fault> rpcFaults = new FaultQueue<>(Fault::times);
    private final FaultQueue<DownloadFault> downloadFaults = new FaultQueue<>(DownloadFault::times);
    private final FaultQueue<UploadFault> uploadFaults = new FaultQueue<>(UploadFault::times);
    private final UploadStore uploads = new UploadStore();
    private final NonceCache nonces = new NonceCache(TIMESTAMP_TOLERANCE.multipliedBy(2));
    private final CallLog log = new CallLog();

    public EmulatorState(Scenario scenario, Clock scenarioClock, Clock signatureClock) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.scenarioClock = Objects.requireNonNull(scenarioClock, "scenarioClock");
        this.signatureClock = Objects.requireNonNull(signatureClock, "signatureClock");
        scenario.accessKeys().forEach(k -> keys.put(k.id(), k));
        projects.addAll(scenario.projects());
        long maxId = scenario.firstCreatedId() - 1;
        for (MigrationSpec m : scenario.migrations()) {
            migrations.put(m.id(), new MigrationState(m, m.pkg(), scenarioClock.instant()));
            maxId = Math.max(maxId, m.id());
        }
        nextId = new AtomicLong(maxId + 1);
        scenario.faults().forEach(rpcFaults::add);
        scenario.downloadFaults().forEach(downloadFaults::add);
        scenario.uploadFaults().forEach(uploadFaults::add);
    }

    public Scenario scenario() {
        return scenario;
    }

    public Clock scenarioClock() {
        return scenarioClock;
    }

    public Clock signatureClock() {
        return signatureClock;
    }

    public Optional<AccessKey> accessKey(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    public void addAccessKey(AccessKey key) {
        keys.put(key.id(), key);
    }

    public Optional<StsSession> session(String accessKeyId) {
        return Optional.ofNullable(sessions.get(accessKeyId));
    }

    public void addSession(StsSession session) {
        sessions.put(session.accessKeyId(), session);
    }

    public boolean projectExists(long projectId) {
        return projects.contains(projectId);
    }

    public Optional<MigrationState> migration(long id) {
        return Optional.ofNullable(migrations.get(id));
    }

    public void addMigration(MigrationSpec spec) {
        projects.add(spec.projectId());
        MigrationState previous = migrations.putIfAbsent(spec.id(),
                new MigrationState(spec, spec.pkg(), scenarioClock.instant()));
        if (previous != null) {
            throw new IllegalArgumentException("migration " + spec.id() + " already exists");
        }
        nextId.accumulateAndGet(spec.id() + 1, Math::max);
    }

    /** Every migration, newest first (creation time, then id). */
    public List<MigrationState> migrations() {
        return migrations.values().stream()
                .sorted(Comparator.comparing(MigrationState::gmtCreate).thenComparingLong(m -> m.spec().id()).reversed())
                .toList();
    }

    public Optional<MigrationState> createExport(long projectId, String name, String createUser) {
        return createExport(projectId, name, createUser, null);
    }

    private boolean nameTaken(long projectId, String name) {
        return migrations.values().stream()
                .anyMatch(m -> m.spec().projectId() == projectId && m.spec().name().equals(name));
    }

    /**
     * CreateExportMigration: a new migration from the scenario's template, or empty if the name is
     * already used in the workspace (by an export or an import). Synchronized so two concurrent
     * creations cannot share a name.
     */
    public synchronized Optional<MigrationState> createExport(long projectId, String name, String createUser,
            String description) {
        if (nameTaken(projectId, name)) {
            return Optional.empty();
        }
        long id = nextId.getAndIncrement();
        MigrationSpec template = scenario.createdExport();
        PackageSource pkg = template.pkg() != null ? template.pkg() : PackageSource.generated(256 * 1024, id);
        MigrationSpec spec = new MigrationSpec(id, projectId, name, MigrationSpec.MigrationType.EXPORT,
                template.timeline(), template.waitsForStart(), pkg, template.crcHeader(), createUser,
                scenarioClock.instant());
        MigrationState state = new MigrationState(spec, pkg, scenarioClock.instant(),
                new MigrationState.Details(null, description, null, null));
        migrations.put(id, state);
        return Optional.of(state);
    }

    /**
     * CreateImportMigration: a new import from the scenario's template, or empty if the name is
     * already used in the workspace. {@code failedTask} null means the import succeeds; otherwise
     * its timeline ends in IMPORT_ERROR instead of IMPORT_SUCCESS and that task shows FAILURE.
     */
    public synchronized Optional<MigrationState> createImport(long projectId, String name, String createUser,
            MigrationState.Details details) {
        if (nameTaken(projectId, name)) {
            return Optional.empty();
        }
        long id = nextId.getAndIncrement();
        MigrationSpec template = scenario.createdImport();
        var timeline = details.failedTask() == null ? template.timeline()
                : template.timeline().replacing("IMPORT_SUCCESS", "IMPORT_ERROR");
        MigrationSpec spec = new MigrationSpec(id, projectId, name, MigrationSpec.MigrationType.IMPORT, timeline,
                template.waitsForStart(), null, template.crcHeader(), createUser, scenarioClock.instant());
        MigrationState state = new MigrationState(spec, null, scenarioClock.instant(), details);
        migrations.put(id, state);
        return Optional.of(state);
    }

    /**
     * The export package (of any export, scenario-made or created) whose bytes have this length and
     * CRC-64, if any: how an import recognises a package this emulator served. Sizes are compared
     * first, so a large package is hashed only when an upload of its exact size arrives.
     */
    public Optional<PackageSource> exportPackageMatching(long size, long crc64) {
        return migrations.values().stream()
                .filter(m -> m.spec().type() == MigrationSpec.MigrationType.EXPORT && m.pkg() != null)
                .map(MigrationState::pkg)
                .filter(p -> p.size() == size && p.crc64() == crc64)
                .findFirst();
    }

    public FaultQueue<Fault> rpcFaults() {
        return rpcFaults;
    }

    public FaultQueue<DownloadFault> downloadFaults() {
        return downloadFaults;
    }

    public FaultQueue<UploadFault> uploadFaults() {
        return uploadFaults;
    }

    public UploadStore uploads() {
        return uploads;
    }

    public NonceCache nonces() {
        return nonces;
    }

    public CallLog log() {
        return log;
    }
}
