package io.jenkins.plugins.dataworks.emulator.state;

import io.jenkins.plugins.dataworks.emulator.oss.PackageSource;
import io.jenkins.plugins.dataworks.emulator.scenario.AccessKey;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All mutable state of one emulator instance (no static state anywhere): credentials, STS sessions,
 * migrations, fault queues and the call log. Internal API shared by the RPC and OSS handlers.
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

    /**
     * CreateExportMigration: a new migration from the scenario's template, or empty if the name is
     * already used in the workspace. Synchronized so two concurrent creations cannot share a name.
     */
    public synchronized Optional<MigrationState> createExport(long projectId, String name, String createUser) {
        boolean taken = migrations.values().stream()
                .anyMatch(m -> m.spec().projectId() == projectId && m.spec().name().equals(name));
        if (taken) {
            return Optional.empty();
        }
        long id = nextId.getAndIncrement();
        MigrationSpec template = scenario.createdExport();
        PackageSource pkg = template.pkg() != null ? template.pkg() : PackageSource.generated(256 * 1024, id);
        MigrationSpec spec = new MigrationSpec(id, projectId, name, MigrationSpec.MigrationType.EXPORT,
                template.timeline(), template.waitsForStart(), pkg, template.crcHeader(), createUser,
                scenarioClock.instant());
        MigrationState state = new MigrationState(spec, pkg, scenarioClock.instant());
        migrations.put(id, state);
        return Optional.of(state);
    }

    public FaultQueue<Fault> rpcFaults() {
        return rpcFaults;
    }

    public FaultQueue<DownloadFault> downloadFaults() {
        return downloadFaults;
    }

    public NonceCache nonces() {
        return nonces;
    }

    public CallLog log() {
        return log;
    }
}
