package io.jenkins.plugins.dataworks.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run of some benchmarks ({@code --only}) keeps of the report it rewrites: the summary rows
 * and sections of the benchmarks it did not run. Each section ends with the commit and date it was
 * measured on ({@link #provenance}), so a report pieced together from several runs says of every
 * figure where it comes from; one benchmark can be measured again without measuring all of them.
 */
record EarlierReport(List<String> ran, List<String> summaryRows, List<String> sections) {

    static final EarlierReport NONE = new EarlierReport(List.of(), List.of(), List.of());

    /** The last line of a section: which commit, on which date. */
    private static final Pattern PROVENANCE = Pattern.compile("\nMeasured on commit .+ \\(.+\\)\\.\\s*$");
    /** The sentence of a partial run (BenchmarkSuite.render): which benchmarks it measured. */
    private static final Pattern PARTIAL = Pattern.compile("This run measured only benchmark\\(s\\) ([^;]+);");
    /** Reports written before sections carried their own provenance said this of all kept ones. */
    private static final Pattern KEPT_BEFORE =
            Pattern.compile("the others are kept from the earlier report, measured on commit (.+?) \\((.+?)\\)\\.");

    static EarlierReport read(Path report, List<String> ran) throws IOException {
        if (!Files.isRegularFile(report)) {
            return new EarlierReport(ran, List.of(), List.of());
        }
        String text = Files.readString(report, StandardCharsets.UTF_8);
        Matcher partial = PARTIAL.matcher(text);
        List<String> measuredThen = partial.find() ? List.of(partial.group(1).split(",\\s*")) : null;
        Matcher keptBefore = KEPT_BEFORE.matcher(text);
        boolean hasKeptBefore = keptBefore.find();
        List<String> rows = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        String commit = "unknown";
        String date = "unknown";
        String[] parts = text.split("\n(?=## )");
        for (String part : parts) {
            if (part.startsWith("## Machine")) {
                commit = cell(part, "commit", commit);
                date = cell(part, "date (UTC)", date);
            }
        }
        for (String part : parts) {
            if (part.startsWith("## Summary")) {
                for (String line : part.lines().toList()) {
                    if (line.startsWith("| ") && !line.startsWith("| benchmark ") && !keptBy(ran, idOf(line.substring(2)))) {
                        rows.add(line);
                    }
                }
            } else if (part.startsWith("## ") && Character.isDigit(part.charAt(3))) {
                String id = idOf(part.substring(3));
                if (keptBy(ran, id)) {
                    continue;
                }
                String section = part.stripTrailing();
                if (!PROVENANCE.matcher(section).find()) {
                    // Measured by the run whose machine table this is, unless that run was partial and kept it.
                    boolean keptThen = measuredThen != null && !keptBy(measuredThen, id) && hasKeptBefore;
                    section = section + "\n\n" + provenance(keptThen ? keptBefore.group(1) : commit,
                            keptThen ? keptBefore.group(2) : date);
                }
                sections.add(section + "\n\n");
            }
        }
        return new EarlierReport(ran, rows, sections);
    }

    static String provenance(String commit, Object date) {
        return "Measured on commit " + commit + " (" + date + ").";
    }

    /** "3a" of "3a. Download ..." or "## 3a. Download ...". */
    static String idOf(String titleOrRow) {
        String t = titleOrRow.startsWith("## ") ? titleOrRow.substring(3) : titleOrRow;
        int dot = t.indexOf('.');
        return dot < 0 ? t : t.substring(0, dot);
    }

    /** True when the run measured the benchmark ("3" also stands for 3a and 3b). */
    private static boolean keptBy(List<String> ran, String id) {
        return ran.contains(id) || (!id.isEmpty() && ran.contains(id.substring(0, 1)));
    }

    private static String cell(String table, String what, String otherwise) {
        for (String line : table.lines().toList()) {
            if (line.startsWith("| " + what + " |")) {
                String[] cells = line.split("\\|");
                return cells.length > 2 ? cells[2].strip() : otherwise;
            }
        }
        return otherwise;
    }
}
