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
 * and sections of the benchmarks it did not run, and the commit and date they were measured on.
 * So one benchmark can be measured again without measuring all of them again.
 */
record EarlierReport(List<String> ran, List<String> summaryRows, List<String> sections, String commit, String date) {

    static final EarlierReport NONE = new EarlierReport(List.of(), List.of(), List.of(), "", "");

    static EarlierReport read(Path report, List<String> ran) throws IOException {
        if (!Files.isRegularFile(report)) {
            return new EarlierReport(ran, List.of(), List.of(), "", "");
        }
        String text = Files.readString(report, StandardCharsets.UTF_8);
        List<String> rows = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        String commit = "unknown";
        String date = "unknown";
        // Sections an earlier partial run kept still date from the run that measured them.
        Matcher kept = KEPT.matcher(text);
        boolean keptBefore = kept.find();
        String[] parts = text.split("\n(?=## )");
        for (String part : parts) {
            if (part.startsWith("## Machine")) {
                commit = cell(part, "commit", commit);
                date = cell(part, "date (UTC)", date);
            } else if (part.startsWith("## Summary")) {
                for (String line : part.lines().toList()) {
                    if (line.startsWith("| ") && !line.startsWith("| benchmark ") && !keptBy(ran, idOf(line.substring(2)))) {
                        rows.add(line);
                    }
                }
            } else if (part.startsWith("## ") && Character.isDigit(part.charAt(3))
                    && !keptBy(ran, idOf(part.substring(3)))) {
                sections.add(part.stripTrailing() + "\n\n");
            }
        }
        if (keptBefore) {
            commit = kept.group(1);
            date = kept.group(2);
        }
        return new EarlierReport(ran, rows, sections, commit, date);
    }

    /** The sentence a partial run writes (BenchmarkSuite.render) about the sections it kept. */
    private static final Pattern KEPT =
            Pattern.compile("the others are kept from the earlier report, measured on commit (.+?) \\((.+?)\\)\\.");

    /** "3a" of "3a. Download ..." or "## 3a. Download ...". */
    static String idOf(String titleOrRow) {
        String t = titleOrRow.startsWith("## ") ? titleOrRow.substring(3) : titleOrRow;
        int dot = t.indexOf('.');
        return dot < 0 ? t : t.substring(0, dot);
    }

    /** True when this run measured the benchmark again ("3" also stands for 3a and 3b). */
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
