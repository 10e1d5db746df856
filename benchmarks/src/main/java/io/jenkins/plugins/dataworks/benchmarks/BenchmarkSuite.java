package io.jenkins.plugins.dataworks.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every benchmark, prints their tables and writes docs/performance.md. Each benchmark
 * measures a baseline in the same run and reports ratios, since absolute times differ between
 * machines. A benchmark that cannot run is reported as "not measured" with the reason, and the
 * others still run.
 *
 * <p>Usage: {@code java -jar benchmarks.jar --out docs/performance.md --cli-jar cli/target/dataworks-migration.jar
 * [--plugin-reports plugin/target/surefire-reports] [--commit SHA] [--only 1,2,3a,3b,4,5,6,7] [--waits 1000]
 * [--builds 1000]}
 */
public final class BenchmarkSuite {

    /** Builds one section; adds its line(s) to the summary. */
    @FunctionalInterface
    interface Bench {
        Section run(Options options, List<Summary> summary, Measured measured) throws Exception;
    }

    /** Figures one benchmark hands to a later one. */
    static final class Measured {
        double curlGbps = Double.NaN;
    }

    record Options(Path out, Path cliJar, Path pluginReports, String commit, Set<String> only, int waits,
            int controllerBuilds) {

        static Options parse(String[] args) {
            Path out = Path.of("docs/performance.md");
            Path cli = Path.of("cli/target/dataworks-migration.jar");
            Path pluginReports = Path.of("plugin/target/surefire-reports");
            String commit = "unknown";
            Set<String> only = new LinkedHashSet<>(List.of("1", "2", "3", "4", "5", "6", "7"));
            int waits = 1000;
            int controllerBuilds = 1000;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--out" -> { out = Path.of(value); i++; }
                    case "--cli-jar" -> { cli = Path.of(value); i++; }
                    case "--plugin-reports" -> { pluginReports = Path.of(value); i++; }
                    case "--commit" -> { commit = value; i++; }
                    case "--only" -> { only = new LinkedHashSet<>(List.of(value.split(","))); i++; }
                    case "--waits" -> { waits = Integer.parseInt(value); i++; }
                    case "--builds" -> { controllerBuilds = Integer.parseInt(value); i++; }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use --out FILE --cli-jar JAR --plugin-reports DIR --commit SHA --only 1,2,3,4,5,6,7 --waits N --builds N");
                }
            }
            return new Options(out, cli, pluginReports, commit, only, waits, controllerBuilds);
        }
    }

    private record Entry(String id, String title, Bench bench) {}

    private BenchmarkSuite() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Machine machine = Machine.current();
        String loadBefore = Machine.loadAverage();
        List<Entry> entries = List.of(
                new Entry("1", ConcurrentWaitsSection.TITLE, (o, s, m) -> ConcurrentWaitsSection.build(o, s)),
                new Entry("2", PollBudgetSection.TITLE, (o, s, m) -> PollBudgetSection.build(s)),
                new Entry("3a", DownloadSection.TITLE, (o, s, m) -> DownloadSection.build(s, m)),
                new Entry("3b", HashSection.TITLE, (o, s, m) -> HashSection.build(s, m.curlGbps)),
                new Entry("4", PollCostSection.TITLE, (o, s, m) -> PollCostSection.build(s)),
                new Entry("5", CliStartupSection.TITLE, (o, s, m) -> CliStartupSection.build(o, s)),
                new Entry("6", PluginTestsSection.TITLE, (o, s, m) -> PluginTestsSection.build(o, s)),
                new Entry("7", ControllerScaleSection.TITLE, (o, s, m) -> ControllerScaleSection.build(o, s)));

        List<Summary> summary = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        Measured measured = new Measured();
        long started = System.nanoTime();
        for (Entry e : entries) {
            if (!selected(options, e.id())) {
                continue;
            }
            System.out.println(">> " + e.title());
            long t0 = System.nanoTime();
            Section section;
            try {
                section = e.bench().run(options, summary, measured);
            } catch (Exception | LinkageError ex) {
                String reason = ex.getClass().getSimpleName() + ": " + String.valueOf(ex.getMessage()).lines().findFirst().orElse("");
                ex.printStackTrace();
                section = Section.notMeasured(e.title(), reason);
                summary.add(Summary.notMeasured(e.title(), reason));
            }
            System.out.println(section.plain());
            System.out.println("   (" + Stats.seconds((System.nanoTime() - t0) / 1e9) + ")");
            sections.add(section);
        }
        double total = (System.nanoTime() - started) / 1e9;
        String load = "load average (1, 5, 15 min) " + loadBefore + " at the start, " + Machine.loadAverage() + " at the end";
        List<String> ran = entries.stream().map(Entry::id).filter(id -> selected(options, id)).toList();
        EarlierReport earlier = ran.size() == entries.size() ? EarlierReport.NONE : EarlierReport.read(options.out(), ran);
        String report = render(machine, options, summary, sections, total, load, earlier);
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), report, StandardCharsets.UTF_8);
        Table summaryTable = summaryTable(summary);
        System.out.println("== Summary ==");
        System.out.println(summaryTable.plain());
        System.out.println("Wrote " + options.out() + " (" + Stats.seconds(total) + " in all)");
    }

    /** "3" selects 3a and 3b. */
    private static boolean selected(Options options, String id) {
        return options.only().contains(id) || options.only().contains(id.substring(0, 1));
    }

    private static Table summaryTable(List<Summary> summary) {
        Table t = new Table("benchmark", "ours", "baseline (same run)", "ratio", "target", "result");
        for (Summary s : summary) {
            t.row(s.benchmark(), s.ours(), s.baseline(), s.ratio(), s.target(), s.met());
        }
        return t;
    }

    static String render(Machine machine, Options options, List<Summary> summary, List<Section> sections, double seconds,
            String load, EarlierReport earlier) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Performance\n\n");
        out.append("<!-- Generated by benchmarks/run.sh (BenchmarkSuite); edit the generator, not this file. -->\n\n");
        out.append("What the engine costs in threads, heap, API calls, bandwidth and start-up time, each figure next to "
                + "a baseline measured in the same run on the same machine. Absolute times vary between machines; "
                + "the ratios are what to compare. Where a target is missed, the section says by how much and why.\n\n");
        out.append("## How to reproduce\n\n");
        out.append("```\nbenchmarks/run.sh\n```\n\n");
        out.append("It builds what it needs (`./mvnw -q -Pbench -pl benchmarks -am package -Dmaven.test.skip=true`: the engine, the emulator, the command line and this module, without compiling tests), runs every "
                + "benchmark (" + (earlier.sections().isEmpty() ? "about " + Math.round(Math.ceil(seconds / 60)) + " min here" : "minutes")
                + "), prints the tables and rewrites this file. "
                + "`benchmarks/run.sh --only 2,3b` runs a subset (1, 2, 3a, 3b, 4, 5, 6, 7); see benchmarks/README.md. The benchmarks are not part of `./mvnw verify`: they live "
                + "in the `bench` profile. Benchmark 6 reads the Surefire reports of the plugin's tests that the last "
                + "`./mvnw verify` left in plugin/target; benchmark 7 runs the plugin's `ControllerScaleBenchmarkTest` "
                + "through Maven (profile `controller-benchmark`), under strace.\n\n");
        out.append("## Machine\n\n").append(machine.table(options.commit()).row("load", load).markdown()).append('\n');
        out.append("A load average above the core count means other processes competed for the CPU during the run; "
                + "every benchmark measures its baseline in the same minutes, so the ratios suffer less than the "
                + "absolute figures, but they are noisier.\n\n");
        if (!earlier.sections().isEmpty()) {
            out.append("This run measured only benchmark(s) " + String.join(", ", earlier.ran()) + "; the other "
                    + "sections are kept from earlier runs, and each section ends with the commit it was measured on."
                    + "\n\n");
        }
        out.append("## Summary\n\n");
        Table table = summaryTable(summary);
        String rows = earlier.summaryRows().isEmpty() ? table.markdown()
                : table.markdown().stripTrailing() + "\n" + String.join("\n", earlier.summaryRows()) + "\n";
        out.append(sortedRows(rows)).append('\n');
        List<String> parts = new ArrayList<>();
        for (Section s : sections) {
            parts.add(s.markdown().stripTrailing() + "\n\n" + EarlierReport.provenance(options.commit(), machine.date())
                    + "\n\n");
        }
        parts.addAll(earlier.sections());
        parts.sort(Comparator.comparing(EarlierReport::idOf));
        parts.forEach(out::append);
        return out.toString().replaceAll("\n{3,}", "\n\n");
    }

    /** The summary table with its rows in benchmark order (the header and separator first). */
    private static String sortedRows(String table) {
        List<String> lines = new ArrayList<>(table.lines().toList());
        List<String> body = new ArrayList<>(lines.subList(2, lines.size()));
        body.sort(Comparator.comparing(l -> EarlierReport.idOf(l.substring(1).strip())));
        return lines.get(0) + "\n" + lines.get(1) + "\n" + String.join("\n", body) + "\n";
    }
}
