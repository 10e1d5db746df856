package io.jenkins.plugins.dataworks.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.dataworks.engine.auth.SecretValue;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.text.Vocabulary;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks ExportSpec and ImportSpec make before any call, and what an UploadGrant shows. */
class MigrationSpecsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''       | name is missing: give the migration a name that is unique in the workspace
            '   '    | name is missing: give the migration a name that is unique in the workspace
            'a\tb'   | name contains a control character: use printable characters only
            """)
    void badNames(String name, String message) {
        assertThat(refused(() -> ExportSpec.full(1, name))).isEqualTo(message);
        assertThat(refused(() -> ImportSpec.of(1, name))).isEqualTo(message);
    }

    @Test
    void aNameLongerThanTheServiceAcceptsIsRefused() {
        assertThat(refused(() -> ExportSpec.full(1, "x".repeat(129))))
                .isEqualTo("name is 129 characters long: use at most 128");
        assertThat(ExportSpec.full(1, "x".repeat(128)).name()).hasSize(128);
    }

    @Test
    void incrementalSinceGoesWithIncrementalOnly() {
        assertThat(refused(() -> new ExportSpec(1, "a", ExportSpec.ExportMode.INCREMENTAL, null,
                ExportSpec.ObjectStatus.SUBMITTED, null)))
                .isEqualTo("incrementalSince is missing: an exportMode=INCREMENTAL export needs the time to export changes since");
        assertThat(refused(() -> new ExportSpec(1, "a", ExportSpec.ExportMode.FULL, Instant.EPOCH,
                ExportSpec.ObjectStatus.SUBMITTED, null)))
                .isEqualTo("incrementalSince only applies to exportMode=INCREMENTAL: remove it or choose that mode");
    }

    @Test
    void theWorkspaceIsCheckedAsEverywhereElse() {
        assertThat(refused(() -> ExportSpec.full(0, "a"))).startsWith("projectId must be a positive DataWorks workspace ID");
        assertThat(refused(() -> ImportSpec.of(-3, "a"))).startsWith("projectId must be a positive DataWorks workspace ID");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {odps_first: odps_prod        | calculateEngineMap is not valid JSON: write an object such as {"odps_first": "odps_prod"}
            ["odps_first"]                | calculateEngineMap is an array, not a JSON object: write one such as {"odps_first": "odps_prod"}
            {"odps_first": 3}             | calculateEngineMap maps 'odps_first' to a number: every value must be a string
            """)
    void malformedEngineMaps(String json, String message) {
        assertThat(refused(() -> new ImportSpec(1, "a", ImportSpec.PackageType.DATAWORKS_MODEL, json, null, null, null, null)))
                .isEqualTo(message);
    }

    @Test
    void everyMapIsNamedByItsOwnField() {
        assertThat(refused(() -> new ImportSpec(1, "a", ImportSpec.PackageType.DATAWORKS_MODEL, null, "[]", null, null, null)))
                .startsWith("resourceGroupMap is an array");
        assertThat(refused(() -> new ImportSpec(1, "a", ImportSpec.PackageType.DATAWORKS_MODEL, null, null, "\"x\"", null, null)))
                .startsWith("workspaceMap is a string");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"resourceAutoCommit": "yes"} | commitRule sets 'resourceAutoCommit' to a string: use true or false
            {"autoCommit": true}          | commitRule has the unknown key 'autoCommit': use fileAutoCommit, fileAutoDeploy, functionAutoCommit, functionAutoDeploy, ignoreLock, resourceAutoCommit, resourceAutoDeploy, tableAutoCommitToDev, tableAutoCommitToProd
            true                          | commitRule is a boolean, not a JSON object: write one such as {"resourceAutoCommit": true}
            """)
    void malformedCommitRules(String json, String message) {
        assertThat(refused(() -> new ImportSpec(1, "a", ImportSpec.PackageType.DATAWORKS_MODEL, null, null, null, json, null)))
                .isEqualTo(message);
    }

    @Test
    void wellFormedJsonIsKeptAsWritten() {
        ImportSpec spec = new ImportSpec(1, "a", ImportSpec.PackageType.DATAWORKS_V3, " {\"odps_dev\": \"odps_prod\"} ",
                "{}", null, "{\"fileAutoCommit\": true, \"ignoreLock\": false}", " ");
        assertThat(spec.calculateEngineMap()).isEqualTo("{\"odps_dev\": \"odps_prod\"}");
        assertThat(spec.resourceGroupMap()).isEqualTo("{}");
        assertThat(spec.workspaceMap()).isNull();
        assertThat(spec.commitRule()).isEqualTo("{\"fileAutoCommit\": true, \"ignoreLock\": false}");
        assertThat(spec.description()).isNull();
    }

    @Test
    void anUploadGrantNeverShowsItsPolicyOrSignature() {
        UploadGrant grant = new UploadGrant("oss-key-id", "bucket", "oss-cn-shanghai.aliyuncs.com", "dataworks/import/p.zip",
                SecretValue.of("EncodedPolicy", "cG9saWN5LXNlY3JldA=="), SecretValue.of("Signature", "c2lnbmF0dXJl"), false, "RID");

        assertThat(grant.toString()).doesNotContain("cG9saWN5LXNlY3JldA==").doesNotContain("c2lnbmF0dXJl");
        assertThat(grant.pathStyle()).isFalse();
        assertThat(grant.packageFile()).isEqualTo("http://bucket.oss-cn-shanghai.aliyuncs.com/dataworks/import/p.zip");
    }

    @Test
    void aBaseUrlEndpointIsPathStyle() {
        UploadGrant grant = new UploadGrant("id", "bucket", "http://127.0.0.1:8080/", "k/p.zip",
                SecretValue.of("EncodedPolicy", "p"), SecretValue.of("Signature", "s"), false, null);

        assertThat(grant.pathStyle()).isTrue();
        assertThat(grant.packageFile()).isEqualTo("http://127.0.0.1:8080/bucket/k/p.zip");
    }

    @Test
    void openPlatformIsReachedWhereTheDataWorksEndpointSays() {
        assertThat(Endpoint.region("cn-shanghai").openPlatform().uri()).hasToString("https://openplatform.aliyuncs.com");
        assertThat(Endpoint.vpc("cn-hangzhou").openPlatform().uri()).hasToString("https://openplatform.aliyuncs.com");
        Endpoint emulator = Endpoint.override("cn-shanghai", "http://127.0.0.1:8080");
        assertThat(emulator.openPlatform()).isEqualTo(emulator);
    }

    private static String refused(Runnable construction) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, construction::run);
        assertThat(e).as("refused").isNotNull();
        return e.text().render(Vocabulary.ENGINE);
    }
}
