package io.jenkins.plugins.dataworks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;

/** What the snippet generator writes, and that the global configuration keeps what it is given. */
class SnippetAndConfigurationTest {

    @RegisterExtension
    static final SharedJenkins JENKINS = new SharedJenkins();

    @Test
    void theSnippetShowsOnlyWhatDiffersFromTheDefaults(JenkinsRule r) throws Exception {
        SnippetizerTester st = new SnippetizerTester(r);
        WaitForDataWorksMigrationStep minimal = new WaitForDataWorksMigrationStep(12345, 1234, "dataworks-prod");
        st.assertRoundTrip(
                minimal,
                "waitForDataWorksMigration credentialsId: 'dataworks-prod', migrationId: 1234, projectId: 12345");

        WaitForDataWorksMigrationStep withDefaultsSpelledOut =
                new WaitForDataWorksMigrationStep(12345, 1234, "dataworks-prod");
        withDefaultsSpelledOut.setPartialSuccess("FAILURE");
        withDefaultsSpelledOut.setDownload("AUTO");
        withDefaultsSpelledOut.setFailOnError(true);
        st.assertRoundTrip(
                withDefaultsSpelledOut,
                "waitForDataWorksMigration credentialsId: 'dataworks-prod', migrationId: 1234, projectId: 12345");

        WaitForDataWorksMigrationStep full = new WaitForDataWorksMigrationStep(12345, 1234, "dataworks-prod");
        full.setRegion("cn-shanghai");
        full.setTimeout("3h");
        full.setPollInterval("1m");
        full.setPartialSuccess("UNSTABLE");
        full.setDownload("NEVER");
        full.setArtifactName("release.zip");
        full.setFailOnError(false);
        full.setQuiet(true);
        full.setVpc(true);
        st.assertRoundTrip(
                full,
                "waitForDataWorksMigration artifactName: 'release.zip', credentialsId: 'dataworks-prod', "
                        + "download: 'NEVER', failOnError: false, migrationId: 1234, partialSuccess: 'UNSTABLE', "
                        + "pollInterval: '1m', projectId: 12345, quiet: true, region: 'cn-shanghai', timeout: '3h', vpc: true");
    }

    @Test
    void theLaunchingStepsSnippetsShowOnlyWhatDiffersFromTheDefaults(JenkinsRule r) throws Exception {
        SnippetizerTester st = new SnippetizerTester(r);
        CreateDataWorksExportStep export = new CreateDataWorksExportStep(12345, "release-1", "dataworks-dev");
        export.setExportMode("FULL");
        export.setObjectStatus("SUBMITTED");
        st.assertRoundTrip(
                export, "createDataWorksExport credentialsId: 'dataworks-dev', name: 'release-1', projectId: 12345");
        export.setExportMode("INCREMENTAL");
        export.setIncrementalSince("2026-03-01T00:00:00Z");
        export.setObjectStatus("DEPLOYED");
        export.setRegion("cn-shanghai");
        st.assertRoundTrip(
                export,
                "createDataWorksExport credentialsId: 'dataworks-dev', exportMode: 'INCREMENTAL', "
                        + "incrementalSince: '2026-03-01T00:00:00Z', name: 'release-1', objectStatus: 'DEPLOYED', "
                        + "projectId: 12345, region: 'cn-shanghai'");

        st.assertRoundTrip(
                new StartDataWorksMigrationStep(12345, 1234, "dataworks-dev"),
                "startDataWorksMigration credentialsId: 'dataworks-dev', migrationId: 1234, projectId: 12345");

        CreateDataWorksImportStep imports = new CreateDataWorksImportStep(67890, "release-1", "dataworks-prod");
        imports.setPackageFile("release.zip");
        imports.setPackageType("DATAWORKS_MODEL");
        st.assertRoundTrip(
                imports,
                "createDataWorksImport credentialsId: 'dataworks-prod', name: 'release-1', "
                        + "packageFile: 'release.zip', projectId: 67890");
        imports.setPackageFile(null);
        imports.setArtifact("release.zip");
        imports.setFromJob("dev-export");
        imports.setCommitRule("{\"resourceAutoCommit\": true}");
        imports.setMaxUploadBytes(1000);
        st.assertRoundTrip(
                imports,
                "createDataWorksImport artifact: 'release.zip', commitRule: '{\"resourceAutoCommit\": true}', "
                        + "credentialsId: 'dataworks-prod', fromJob: 'dev-export', maxUploadBytes: 1000, "
                        + "name: 'release-1', projectId: 67890");

        PromoteDataWorksMigrationStep promote =
                new PromoteDataWorksMigrationStep(12345, 67890, "release-1", "dataworks");
        promote.setFailOnError(true);
        promote.setPartialSuccess("FAILURE");
        st.assertRoundTrip(
                promote,
                "promoteDataWorksMigration credentialsId: 'dataworks', name: 'release-1', projectId: 12345, "
                        + "targetProjectId: 67890");
        promote.setTimeout("3h");
        promote.setArtifactName("release.zip");
        promote.setFailOnError(false);
        st.assertRoundTrip(
                promote,
                "promoteDataWorksMigration artifactName: 'release.zip', credentialsId: 'dataworks', failOnError: false, "
                        + "name: 'release-1', projectId: 12345, targetProjectId: 67890, timeout: '3h'");
    }

    @Test
    void theGlobalConfigurationSurvivesAFormRoundTrip(JenkinsRule r) throws Exception {
        DataWorksGlobalConfiguration c = DataWorksGlobalConfiguration.get();
        c.setDefaultRegion("cn-hangzhou");
        c.setDefaultEndpoint("https://dataworks-gateway.example.internal:8443");
        c.setAllowedEndpoints("https://dataworks.example.internal\nhttp://127.0.0.1:8080");
        c.setAllowedDownloadHosts("oss-accelerate.example.internal");
        c.setDefaultPollInterval("45s");
        c.setDefaultMaxPollInterval("5m");
        c.setRateLimit(3.5);
        r.configRoundtrip();
        DataWorksGlobalConfiguration after = DataWorksGlobalConfiguration.get();
        assertEquals("cn-hangzhou", after.getDefaultRegion());
        assertEquals("https://dataworks-gateway.example.internal:8443", after.getDefaultEndpoint());
        assertEquals("https://dataworks.example.internal\nhttp://127.0.0.1:8080", after.getAllowedEndpoints());
        assertEquals("oss-accelerate.example.internal", after.getAllowedDownloadHosts());
        assertEquals("45s", after.getDefaultPollInterval());
        assertEquals("5m", after.getDefaultMaxPollInterval());
        assertEquals(3.5, after.rateLimitPerSecond());
    }
}
