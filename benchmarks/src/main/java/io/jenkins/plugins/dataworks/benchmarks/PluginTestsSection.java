package io.jenkins.plugins.dataworks.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * Benchmark 6: the wall time of the plugin's tests in a real Jenkins (JenkinsRule, JenkinsSession,
 * RealJenkins and InjectedTest), read from the Surefire reports of the last {@code ./mvnw verify}
 * rather than run again: they take minutes, and the build that produced them is the one users and
 * CI wait for. Surefire runs the classes one after another in one forked JVM, so their times add up
 * to the suite's wall time, less the fork's start-up.
 */
final class PluginTestsSection {

    static final String TITLE = "6. The plugin's tests in a real Jenkins";

    private static final double TARGET_SECONDS = 600;

    private record Suite(String name, int tests, int failedOrSkipped, double seconds) {}

    private PluginTestsSection() {}

    static Section build(BenchmarkSuite.Options options, List<Summary> summary) throws Exception {
        Path dir = options.pluginReports();
        List<Suite> suites = new ArrayList<>();
        FileTime newest = null;
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                    suites.add(read(f));
                    FileTime t = Files.getLastModifiedTime(f);
                    newest = newest == null || t.compareTo(newest) > 0 ? t : newest;
                }
            }
        }
        if (suites.isEmpty()) {
            throw new IOException("no Surefire reports in " + dir + ": run ./mvnw verify first");
        }
        suites.sort(Comparator.comparingDouble(Suite::seconds).reversed());
        double total = suites.stream().mapToDouble(Suite::seconds).sum();
        int tests = suites.stream().mapToInt(Suite::tests).sum();
        int notPassed = suites.stream().mapToInt(Suite::failedOrSkipped).sum();
        Table t = new Table("test class", "tests", "seconds", "seconds per test");
        for (Suite s : suites) {
            t.row(s.name(), Integer.toString(s.tests()), Stats.f(s.seconds(), 1),
                    Stats.f(s.seconds() / Math.max(1, s.tests()), 1));
        }
        t.row("**all**", Integer.toString(tests), Stats.f(total, 1), Stats.f(total / Math.max(1, tests), 1));
        boolean met = total < TARGET_SECONDS && notPassed == 0;
        summary.add(new Summary("6. Plugin tests in a real Jenkins", Stats.seconds(total) + " (" + tests + " tests)",
                "-", "-", "< 10 min", met ? "met" : "missed"));
        return new Section(TITLE)
                .text("Every test of `plugin/` as the last `./mvnw verify` ran it (Surefire reports of " + newest
                        + ", " + dir + "), on this machine. A test with @WithJenkins starts a Jenkins of its own "
                        + "(a fresh JENKINS_HOME and the plugins of the test classpath), so start-up is most of a short "
                        + "test; the classes that register SharedJenkins start one Jenkins for all their tests and put "
                        + "it back to its fresh state after each (running builds, items, agents, users, credentials, "
                        + "security, proxy, the plugin's global configuration and runtime), checked before the next "
                        + "test. Restart tests start one Jenkins per session. Each test's jobs, credentials, global "
                        + "configuration and emulator must not leak into the next.")
                .table(t)
                .verdict("all plugin tests under 10 minutes on 2 cores", met, Stats.seconds(total) + " for " + tests
                        + " tests" + (notPassed == 0 ? "" : ", " + notPassed + " failed or skipped"));
    }

    private static Suite read(Path report) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element suite = factory.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
        String name = suite.getAttribute("name");
        String simple = name.substring(name.lastIndexOf('.') + 1);
        int failed = Integer.parseInt(suite.getAttribute("failures")) + Integer.parseInt(suite.getAttribute("errors"))
                + Integer.parseInt(suite.getAttribute("skipped"));
        return new Suite(simple, Integer.parseInt(suite.getAttribute("tests")), failed,
                Double.parseDouble(suite.getAttribute("time").replace(",", "")));
    }
}
