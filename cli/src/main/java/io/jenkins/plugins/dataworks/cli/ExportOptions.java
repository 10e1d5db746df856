package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.ExportSpec;
import io.jenkins.plugins.dataworks.engine.client.ExportSpec.ExportMode;
import io.jenkins.plugins.dataworks.engine.client.ExportSpec.ObjectStatus;
import io.jenkins.plugins.dataworks.engine.input.InstantInput;
import picocli.CommandLine.Option;

/** What an export takes from the workspace; {@link ExportSpec} checks the combination. */
final class ExportOptions {

    @Option(names = "--export-mode", paramLabel = "full|incremental", defaultValue = "full",
            description = "full (default): every object; incremental: only what changed since --incremental-since.")
    ExportMode exportMode = ExportMode.FULL;

    @Option(names = "--incremental-since", paramLabel = "TIME",
            description = "With --export-mode incremental: export changes since this time, an ISO-8601 instant"
                    + " (2024-05-01T00:00:00Z, 2024-05-01T08:00:00+08:00) or epoch milliseconds.")
    String incrementalSince;

    @Option(names = "--object-status", paramLabel = "saved|submitted|deployed", defaultValue = "submitted",
            description = "Which version of each object goes into the package. Default: submitted (deployed exists only"
                    + " in standard-mode workspaces).")
    ObjectStatus objectStatus = ObjectStatus.SUBMITTED;

    /** The checked spec; throws the engine's InvalidInputException, worded in options, on bad input. */
    ExportSpec spec(long projectId, String name, String description) {
        return new ExportSpec(projectId, name, exportMode, incrementalSince == null ? null : InstantInput.parse(incrementalSince),
                objectStatus, description);
    }
}
