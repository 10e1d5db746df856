package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_OK;
import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static io.jenkins.plugins.dataworks.TestScenarios.STUCK;
import static io.jenkins.plugins.dataworks.TestScenarios.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The plugin's pages in a real browser: a JenkinsRule Jenkins against the emulator, driven by
 * headless Chromium through {@code src/test/browser/screenshots.mjs} (Playwright). The script fails
 * on any JavaScript console error, page error or HTTP error status, and saves one PNG per page.
 *
 * <p>Needs Node.js 20+ and Chromium, so it runs only with {@code -Pbrowser} (which runs {@code npm
 * ci} first); see {@code src/test/browser/README.md}. System properties: {@code
 * dataworks.screenshots.dir} (where the PNGs go; the profile's default is {@code
 * target/screenshots}) and {@code dataworks.chromium} (default {@code /usr/bin/chromium}).
 */
@Tag("browser")
@WithJenkins
class BrowserScreenshotsTest {

    /** Seconds the whole browser session may take: page loads, a Test connection, nine screenshots. */
    private static final long SCRIPT_TIMEOUT_SECONDS = 900;

    private static final List<String> SCREENSHOTS = List.of(
            "build-summary.png",
            "snippet-generator.png",
            "freestyle-builder.png",
            "global-configuration.png",
            "promotion-console.png",
            "declarative-build.png",
            "aborted-wait.png",
            "folder-credentials.png",
            "promotion-build.png");

    /** Pictures of at least 300 by 300 pixels; the one exception, a build page showing less, is here. */
    private static final int MIN_SIZE = 300;

    /**
     * The Declarative run's build page: the heading and one wait that ended at its first poll (one
     * status row, no package), 283 pixels high in docs/images. 200 still needs the heading and the
     * block's title, status table and RequestId; an empty or failed crop is far less.
     */
    private static final Map<String, Integer> MIN_HEIGHT = Map.of("declarative-build.png", 200);

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.scenario());

    @Test
    void thePluginsPagesRenderWithoutErrorsInChromium(JenkinsRule r) throws Exception {
        DataWorksTestEnvironment env = DataWorksTestEnvironment.install(r, dataworks.emulator(), dataworks.clock());
        DataWorksGlobalConfiguration config = DataWorksGlobalConfiguration.get();
        config.setDefaultPollInterval("30s");
        config.setDefaultMaxPollInterval("5m");
        config.setAllowedEndpoints("https://dataworks-vpc.example.internal\n" + dataworks.endpoint());

        // A finished gate: the export succeeded and its package is archived.
        WorkflowJob gate = r.createProject(WorkflowJob.class, "release-gate");
        gate.setDefinition(new CpsFlowDefinition(
                "waitForDataWorksMigration " + env.target(PROJECT, EXPORT_OK) + ", artifactName: 'release.zip'\n",
                true));
        WorkflowRun build =
                r.assertBuildStatusSuccess(env.drive(gate.scheduleBuild2(0).waitForStart()));
        assertTrue(build.getArtifactManager().root().child("release.zip").isFile());

        // A finished promotion: export, wait, download, import, wait, in one step.
        WorkflowJob promotion = r.createProject(WorkflowJob.class, "release-promotion");
        promotion.setDefinition(new CpsFlowDefinition(
                "def p = promoteDataWorksMigration projectId: " + PROJECT + ", targetProjectId: " + TARGET
                        + ", name: \"release-${env.BUILD_NUMBER}\", artifactName: 'release.zip', "
                        + env.connection() + "\n"
                        + "echo \"${p.result}: export ${p.export.migrationId}, import ${p.import.migrationId}\"\n",
                true));
        WorkflowRun promoted =
                r.assertBuildStatusSuccess(env.drive(promotion.scheduleBuild2(0).waitForStart()));

        // A Declarative Pipeline whose stage waits.
        WorkflowJob declarative = r.createProject(WorkflowJob.class, "release-declarative");
        declarative.setDefinition(new CpsFlowDefinition(
                "pipeline {\n  agent none\n  stages {\n    stage('Wait for the export') {\n      steps {\n"
                        + "        waitForDataWorksMigration " + env.target(PROJECT, EXPORT_OK)
                        + ", download: 'NEVER'\n"
                        + "      }\n    }\n  }\n}\n",
                true));
        WorkflowRun declared = r.assertBuildStatusSuccess(
                env.drive(declarative.scheduleBuild2(0).waitForStart()));

        // A wait aborted while the migration goes on.
        WorkflowJob stuck = r.createProject(WorkflowJob.class, "stuck-export");
        stuck.setDefinition(new CpsFlowDefinition("waitForDataWorksMigration " + env.target(PROJECT, STUCK), true));
        WorkflowRun aborted = stuck.scheduleBuild2(0).waitForStart();
        env.driveUntilCalls(STUCK, 2);
        r.waitForMessage("EXPORTING", aborted);
        env.scheduler.awaitPending(1);
        aborted.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(aborted));

        // A folder keeping the team's AccessKey in its own credentials store.
        Folder team = r.jenkins.createProject(Folder.class, "team");
        CredentialsStore folderStore = null;
        for (CredentialsStore store : CredentialsProvider.lookupStores(team)) {
            if (store.getContext() == team) {
                folderStore = store;
            }
        }
        assertTrue(folderStore != null, "the folder has a credentials store");
        folderStore.addCredentials(
                Domain.global(),
                new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        "dataworks-team",
                        "the team's DataWorks AccessKey",
                        DataWorksTestEnvironment.ACCESS_KEY_ID,
                        DataWorksTestEnvironment.ACCESS_KEY_SECRET));

        // A freestyle job with the builder configured.
        FreeStyleProject freestyle = r.createFreeStyleProject("nightly-export");
        DataWorksMigrationBuilder builder =
                new DataWorksMigrationBuilder(PROJECT, EXPORT_OK, DataWorksTestEnvironment.CREDENTIALS_ID);
        builder.setRegion("cn-shanghai");
        builder.setEndpoint(dataworks.endpoint().toString());
        builder.setTimeout("2h");
        builder.setPartialSuccess("UNSTABLE");
        builder.setArtifactName("release.zip");
        freestyle.getBuildersList().add(builder);

        Path plugin = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path browser = plugin.resolve("src/test/browser");
        Path out = Path.of(System.getProperty(
                        "dataworks.screenshots.dir",
                        plugin.resolve("target/screenshots").toString()))
                .toAbsolutePath();
        String chromium = System.getProperty("dataworks.chromium", "/usr/bin/chromium");
        assertTrue(
                Files.isDirectory(browser.resolve("node_modules/playwright-core")),
                "run `npm ci` in " + browser + " first (the browser profile does: ./mvnw -pl plugin verify -Pbrowser)");
        assertTrue(Files.isExecutable(Path.of(chromium)), chromium + " is missing: apt-get install -y chromium");
        Files.createDirectories(out);
        for (String png : SCREENSHOTS) {
            Files.deleteIfExists(out.resolve(png));
        }

        List<String> command = List.of(
                "node",
                "screenshots.mjs",
                "--jenkins",
                r.getURL().toString(),
                "--build",
                build.getUrl(),
                "--pipeline-job",
                gate.getUrl(),
                "--freestyle-job",
                freestyle.getUrl(),
                "--promotion-build",
                promoted.getUrl(),
                "--declarative-build",
                declared.getUrl(),
                "--aborted-build",
                aborted.getUrl(),
                "--folder",
                team.getUrl(),
                "--out",
                out.toString(),
                "--chromium",
                chromium);
        Path log = plugin.resolve("target/browser-screenshots.log");
        Files.createDirectories(log.getParent());
        Process node = new ProcessBuilder(command)
                .directory(browser.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = node.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("screenshots.mjs did not end within " + SCRIPT_TIMEOUT_SECONDS + "s:\n" + read(log));
        }
        String output = read(log);
        System.out.println(output);
        assertEquals(0, node.exitValue(), "screenshots.mjs failed:\n" + output);
        for (String png : SCREENSHOTS) {
            Path file = out.resolve(png);
            assertTrue(Files.isRegularFile(file), file + " was not written:\n" + output);
            assertTrue(Files.size(file) > 10_000, file + " is suspiciously small: " + Files.size(file) + " bytes");
            assertPng(file, MIN_HEIGHT.getOrDefault(png, MIN_SIZE));
        }
    }

    /**
     * A PNG at least {@link #MIN_SIZE} pixels wide and {@code minHeight} high: its signature, then the
     * IHDR chunk's width and height.
     */
    private static void assertPng(Path file, int minHeight) throws IOException {
        byte[] head = new byte[24];
        try (var in = Files.newInputStream(file)) {
            assertEquals(24, in.readNBytes(head, 0, 24), file + " is too short");
        }
        assertEquals(
                "\u0089PNG\r\n\u001a\nIHDR",
                new String(head, 0, 8, StandardCharsets.ISO_8859_1)
                        + new String(head, 12, 4, StandardCharsets.ISO_8859_1),
                file + " is not a PNG");
        ByteBuffer size = ByteBuffer.wrap(head, 16, 8);
        int width = size.getInt();
        int height = size.getInt();
        assertTrue(
                width >= MIN_SIZE && height >= minHeight,
                file + " is only " + width + "x" + height + ", not at least " + MIN_SIZE + "x" + minHeight);
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
    }
}
