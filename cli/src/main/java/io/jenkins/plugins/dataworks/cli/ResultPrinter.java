package io.jenkins.plugins.dataworks.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The only writer of stdout: one JSON object with --output json (so {@code jq} can read it), a
 * short human summary otherwise. Values come from {@link GateResult#toMap()}, which holds no secret.
 */
final class ResultPrinter {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final PrintWriter out;
    private final boolean json;

    ResultPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void print(GateResult result) {
        if (json) {
            printJson(result.toMap());
            return;
        }
        out.println(result.result() + ": " + result.message());
        if (result.packageFile() != null) {
            out.println("package: " + result.packageFile() + " (" + result.packageSize() + " bytes, sha256 "
                    + result.packageSha256() + ")");
        }
        out.flush();
    }

    void printJson(Map<String, ?> values) {
        out.println(GSON.toJson(values));
        out.flush();
    }

    /** Prints text lines (text mode only; JSON callers use {@link #printJson}). */
    void printText(String text) {
        out.println(text);
        out.flush();
    }

    boolean json() {
        return json;
    }
}
