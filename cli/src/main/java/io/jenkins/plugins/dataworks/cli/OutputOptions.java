package io.jenkins.plugins.dataworks.cli;

import picocli.CommandLine.Option;

/** What goes to stdout and how chatty stderr is. */
final class OutputOptions {

    enum Format { TEXT, JSON }

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
            description = "text (default): a short summary for people; json: one JSON object, and nothing else, on stdout.")
    Format format = Format.TEXT;

    @Option(names = {"-q", "--quiet"},
            description = "Print only errors and failures on stderr: no status lines, heartbeats, hints or progress.")
    boolean quiet;

    boolean json() {
        return format == Format.JSON;
    }
}
