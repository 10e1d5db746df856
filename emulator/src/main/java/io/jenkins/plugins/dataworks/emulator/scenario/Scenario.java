package io.jenkins.plugins.dataworks.emulator.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the emulator starts with: who may call, which workspaces and migrations exist, how
 * migrations created by CreateExportMigration and CreateImportMigration behave, and which faults to inject. Immutable; build
 * with {@link #builder()}, or read a JSON file with {@link ScenarioFile}.
 *
 * @param roles role ARNs AssumeRole accepts; empty means any well-formed ARN
 * @param createdExport template for migrations created by CreateExportMigration: its timeline,
 *     waitsForStart, crcHeader and package (null package: 256 KiB generated from the new id) are used
 * @param createdImport template for migrations created by CreateImportMigration: its timeline and
 *     waitsForStart are used; an import whose package is missing or matches no export package gets
 *     the same timeline with IMPORT_SUCCESS replaced by IMPORT_ERROR
 * @param firstCreatedId the id CreateExportMigration and CreateImportMigration hand out first (then +1 each)
 * @param downloadUrlTtl lifetime of each minted DownloadUrl, in scenario-clock time
 * @param bucket the OSS bucket name in DownloadUrls, and the one AuthorizeFileUpload hands out
 * @param uploadFaults faults of OSS PostObject uploads
 * @param maxUploadBytes the upper bound of content-length-range in the policies AuthorizeFileUpload issues
 * @param checkNonces whether a reused SignatureNonce is refused (SignatureNonceUsed), as Alibaba's gateway
 *     does; false plays a server (or a proxy in front of it) without that replay check
 * @param secondStart what StartMigration does with a migration that was started before
 * @param duplicateNameCode the error code (HTTP 400) of a Create call whose name is taken; the public
 *     reference names none
 */
public record Scenario(
        List<AccessKey> accessKeys,
        Set<Long> projects,
        List<MigrationSpec> migrations,
        List<Fault> faults,
        List<DownloadFault> downloadFaults,
        Set<String> roles,
        MigrationSpec createdExport,
        long firstCreatedId,
        Duration downloadUrlTtl,
        String bucket,
        String accountId,
        MigrationSpec createdImport,
        List<UploadFault> uploadFaults,
        long maxUploadBytes,
        boolean checkNonces,
        SecondStart secondStart,
        String duplicateNameCode) {

    public static final String DEFAULT_ACCOUNT_ID = "1000000000000001";
    /** 1 GiB: the default cap of an uploaded import package. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 1L << 30;
    /** The emulator's choice of code for a taken name: Alibaba's reference lists none. */
    public static final String DEFAULT_DUPLICATE_NAME_CODE = "Invalid.Migration.NameDuplicated";

    public Scenario {
        accessKeys = List.copyOf(accessKeys);
        migrations = List.copyOf(migrations);
        faults = List.copyOf(faults);
        downloadFaults = List.copyOf(downloadFaults);
        uploadFaults = List.copyOf(uploadFaults);
        Objects.requireNonNull(createdImport, "createdImport");
        Objects.requireNonNull(secondStart, "secondStart");
        if (duplicateNameCode == null || duplicateNameCode.isBlank()) {
            throw new IllegalArgumentException("duplicateNameCode must not be empty");
        }
        if (maxUploadBytes < 1) {
            throw new IllegalArgumentException("maxUploadBytes must be >= 1");
        }
        roles = Set.copyOf(roles);
        Set<Long> allProjects = new LinkedHashSet<>(projects);
        migrations.forEach(m -> allProjects.add(m.projectId()));
        projects = Set.copyOf(allProjects);
        Objects.requireNonNull(createdExport, "createdExport");
        Objects.requireNonNull(downloadUrlTtl, "downloadUrlTtl");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(accountId, "accountId");
        if (downloadUrlTtl.isNegative() || downloadUrlTtl.isZero()) {
            throw new IllegalArgumentException("downloadUrlTtl must be positive");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (MigrationSpec m : migrations) {
            if (!ids.add(m.id())) {
                throw new IllegalArgumentException("duplicate migration id " + m.id());
            }
        }
        Set<String> keyIds = new LinkedHashSet<>();
        for (AccessKey k : accessKeys) {
            if (!keyIds.add(k.id())) {
                throw new IllegalArgumentException("duplicate AccessKey id " + k.id());
            }
        }
    }

    /** The template CreateExportMigration uses unless the scenario says otherwise. */
    public static MigrationSpec defaultCreatedExport() {
        return MigrationSpec.export(0, 0, "template")
                .timeline(Timeline.startingAt("INIT").thenAfterPolls(0, "EXPORTING").thenAfterPolls(3, "EXPORT_SUCCESS"))
                .waitsForStart(true)
                .pkg(null);
    }

    /**
     * The template CreateImportMigration uses unless the scenario says otherwise: waits for
     * StartMigration, then IMPORTING at once and IMPORT_SUCCESS (or IMPORT_ERROR) after 3 polls.
     */
    public static MigrationSpec defaultCreatedImport() {
        return MigrationSpec.importing(0, 0, "template")
                .timeline(Timeline.startingAt("INIT").thenAfterPolls(0, "IMPORTING").thenAfterPolls(3, "IMPORT_SUCCESS"))
                .waitsForStart(true);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this scenario, to derive variants. */
    public Builder toBuilder() {
        return new Builder().addAll(this).createdExport(createdExport).firstCreatedId(firstCreatedId)
                .downloadUrlTtl(downloadUrlTtl).bucket(bucket).accountId(accountId).createdImport(createdImport)
                .maxUploadBytes(maxUploadBytes).checkNonces(checkNonces).secondStart(secondStart)
                .duplicateNameCode(duplicateNameCode);
    }

    /** Mutable, not thread-safe builder. */
    public static final class Builder {
        private final List<AccessKey> accessKeys = new ArrayList<>();
        private final Set<Long> projects = new LinkedHashSet<>();
        private final List<MigrationSpec> migrations = new ArrayList<>();
        private final List<Fault> faults = new ArrayList<>();
        private final List<DownloadFault> downloadFaults = new ArrayList<>();
        private final Set<String> roles = new LinkedHashSet<>();
        private final List<UploadFault> uploadFaults = new ArrayList<>();
        private MigrationSpec createdExport = defaultCreatedExport();
        private MigrationSpec createdImport = defaultCreatedImport();
        private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
        private long firstCreatedId = 30001;
        private Duration downloadUrlTtl = Duration.ofHours(1);
        private String bucket = "dataworks-emulator-export";
        private String accountId = DEFAULT_ACCOUNT_ID;
        private boolean checkNonces = true;
        private SecondStart secondStart = SecondStart.ANSWER_FALSE;
        private String duplicateNameCode = DEFAULT_DUPLICATE_NAME_CODE;

        private Builder() {
        }

        public Builder accessKey(String id, String secret) {
            return accessKey(AccessKey.of(id, secret));
        }

        public Builder accessKey(AccessKey key) {
            accessKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        public Builder project(long projectId) {
            projects.add(projectId);
            return this;
        }

        public Builder migration(MigrationSpec migration) {
            migrations.add(Objects.requireNonNull(migration, "migration"));
            return this;
        }

        public Builder fault(Fault fault) {
            faults.add(Objects.requireNonNull(fault, "fault"));
            return this;
        }

        public Builder downloadFault(DownloadFault fault) {
            downloadFaults.add(Objects.requireNonNull(fault, "fault"));
            return this;
        }

        public Builder role(String roleArn) {
            roles.add(Objects.requireNonNull(roleArn, "roleArn"));
            return this;
        }

        public Builder createdExport(MigrationSpec template) {
            createdExport = Objects.requireNonNull(template, "template");
            return this;
        }

        /** Template for CreateImportMigration (its timeline and waitsForStart; see {@link Scenario}). */
        public Builder createdImport(MigrationSpec template) {
            createdImport = Objects.requireNonNull(template, "template");
            return this;
        }

        public Builder uploadFault(UploadFault fault) {
            uploadFaults.add(Objects.requireNonNull(fault, "fault"));
            return this;
        }

        /** Upper bound of content-length-range in upload policies (default 1 GiB). */
        public Builder maxUploadBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxUploadBytes must be >= 1");
            }
            maxUploadBytes = bytes;
            return this;
        }

        public Builder firstCreatedId(long id) {
            firstCreatedId = id;
            return this;
        }

        public Builder downloadUrlTtl(Duration ttl) {
            downloadUrlTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        public Builder bucket(String name) {
            bucket = Objects.requireNonNull(name, "bucket");
            return this;
        }

        public Builder accountId(String id) {
            accountId = Objects.requireNonNull(id, "accountId");
            return this;
        }

        /**
         * Whether a reused SignatureNonce is refused (default true). False plays a server without the
         * replay check, which performs a request the transport sent twice twice.
         */
        public Builder checkNonces(boolean check) {
            checkNonces = check;
            return this;
        }

        /** What StartMigration does with a migration that was started before (default {@link SecondStart#ANSWER_FALSE}). */
        public Builder secondStart(SecondStart behaviour) {
            secondStart = Objects.requireNonNull(behaviour, "secondStart");
            return this;
        }

        /** The error code of a Create call whose name is taken (default {@value Scenario#DEFAULT_DUPLICATE_NAME_CODE}). */
        public Builder duplicateNameCode(String code) {
            duplicateNameCode = Objects.requireNonNull(code, "duplicateNameCode");
            return this;
        }

        /** Adds the keys, projects, migrations, faults (RPC, download, upload) and roles of another scenario. */
        public Builder addAll(Scenario other) {
            accessKeys.addAll(other.accessKeys());
            projects.addAll(other.projects());
            migrations.addAll(other.migrations());
            faults.addAll(other.faults());
            downloadFaults.addAll(other.downloadFaults());
            uploadFaults.addAll(other.uploadFaults());
            roles.addAll(other.roles());
            return this;
        }

        public Scenario build() {
            return new Scenario(accessKeys, projects, migrations, faults, downloadFaults, roles, createdExport,
                    firstCreatedId, downloadUrlTtl, bucket, accountId, createdImport, uploadFaults, maxUploadBytes,
                    checkNonces, secondStart, duplicateNameCode);
        }
    }
}
