package io.jenkins.plugins.dataworks.emulator.scenario;

import io.jenkins.plugins.dataworks.emulator.oss.PackageSource;
import java.time.Instant;
import java.util.Objects;

/**
 * A migration the scenario starts with (or a template for ones CreateExportMigration makes).
 *
 * @param waitsForStart when true the migration shows the timeline's initial status until
 *     StartMigration is called, and the timeline's polls and time count from that call
 * @param pkg the export package served at the DownloadUrl once the status is EXPORT_SUCCESS
 *     (null: no DownloadUrl)
 * @param crcHeader whether downloads carry x-oss-hash-crc64ecma (some OSS objects have none)
 * @param gmtCreate creation time; null means "the scenario clock when the emulator starts"
 */
public record MigrationSpec(
        long id,
        long projectId,
        String name,
        MigrationType type,
        Timeline timeline,
        boolean waitsForStart,
        PackageSource pkg,
        boolean crcHeader,
        String createUser,
        Instant gmtCreate) {

    public enum MigrationType { EXPORT, IMPORT }

    public MigrationSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(createUser, "createUser");
    }

    /** An export that runs from the start: INIT, EXPORTING after 1 poll, EXPORT_SUCCESS after 3, with a 256 KiB generated package. */
    public static MigrationSpec export(long id, long projectId, String name) {
        return new MigrationSpec(id, projectId, name, MigrationType.EXPORT, Timeline.export(1, 3), false,
                PackageSource.generated(256 * 1024, id), true, "1000000000000001", null);
    }

    /** An import that runs from the start: INIT, IMPORTING after 1 poll, IMPORT_SUCCESS after 3; no package. */
    public static MigrationSpec importing(long id, long projectId, String name) {
        return new MigrationSpec(id, projectId, name, MigrationType.IMPORT,
                Timeline.startingAt("INIT").thenAfterPolls(1, "IMPORTING").thenAfterPolls(3, "IMPORT_SUCCESS"),
                false, null, true, "1000000000000001", null);
    }

    public MigrationSpec timeline(Timeline newTimeline) {
        return new MigrationSpec(id, projectId, name, type, newTimeline, waitsForStart, pkg, crcHeader, createUser, gmtCreate);
    }

    public MigrationSpec waitsForStart(boolean waits) {
        return new MigrationSpec(id, projectId, name, type, timeline, waits, pkg, crcHeader, createUser, gmtCreate);
    }

    public MigrationSpec pkg(PackageSource newPackage) {
        return new MigrationSpec(id, projectId, name, type, timeline, waitsForStart, newPackage, crcHeader, createUser, gmtCreate);
    }

    public MigrationSpec crcHeader(boolean send) {
        return new MigrationSpec(id, projectId, name, type, timeline, waitsForStart, pkg, send, createUser, gmtCreate);
    }

    public MigrationSpec createUser(String user) {
        return new MigrationSpec(id, projectId, name, type, timeline, waitsForStart, pkg, crcHeader, user, gmtCreate);
    }

    public MigrationSpec gmtCreate(Instant created) {
        return new MigrationSpec(id, projectId, name, type, timeline, waitsForStart, pkg, crcHeader, createUser, created);
    }

    public MigrationSpec id(long newId) {
        return new MigrationSpec(newId, projectId, name, type, timeline, waitsForStart, pkg, crcHeader, createUser, gmtCreate);
    }
}
