package io.jenkins.plugins.dataworks.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark's part of the report: what was measured and how, the tables, and a verdict
 * against its target. A benchmark that could not run still produces a section that says why.
 */
final class Section {

    private final String title;
    private final List<Object> parts = new ArrayList<>();
    private final List<String> verdicts = new ArrayList<>();

    Section(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    Section text(String paragraph) {
        parts.add(paragraph.strip());
        return this;
    }

    Section table(Table table) {
        parts.add(table);
        return this;
    }

    /** A target and whether it was met, with the measured figure; a miss says by how much and why. */
    Section verdict(String target, boolean met, String detail) {
        verdicts.add((met ? "**met**" : "**missed**") + ": " + target + " (" + detail + ")");
        return this;
    }

    static Section notMeasured(String title, String reason) {
        return new Section(title).text("Not measured (" + reason.strip() + ").");
    }

    String markdown() {
        StringBuilder out = new StringBuilder("## ").append(title).append("\n\n");
        for (Object part : parts) {
            out.append(part instanceof Table t ? t.markdown() : part.toString()).append("\n\n");
        }
        if (!verdicts.isEmpty()) {
            out.append("Targets:\n\n");
            for (String v : verdicts) {
                out.append("- ").append(v).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    String plain() {
        StringBuilder out = new StringBuilder("== ").append(title).append(" ==\n");
        for (Object part : parts) {
            if (part instanceof Table t) {
                out.append(t.plain());
            }
        }
        for (String v : verdicts) {
            out.append("  ").append(v.replace("**", "")).append('\n');
        }
        if (parts.stream().noneMatch(p -> p instanceof Table)) {
            parts.forEach(p -> out.append(p).append('\n'));
        }
        return out.toString();
    }
}
