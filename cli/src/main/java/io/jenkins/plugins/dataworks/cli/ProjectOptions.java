package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.input.IdInput;
import picocli.CommandLine.Option;

/** Which workspace a new migration goes into, for the commands that create one (no migration id yet). */
final class ProjectOptions {

    @Option(names = "--project-id", paramLabel = "ID",
            description = "DataWorks workspace ID (ProjectId), as shown on the console's Workspace page. Required (default with --emulator: the demo's).")
    String projectId;

    /** @param demo the emulator's workspace when --emulator is on and no id is given; nullable */
    long projectId(Long demo) {
        if (projectId == null && demo != null) {
            return demo;
        }
        if (projectId == null) {
            throw new UsageException("--project-id is missing: give the DataWorks workspace ID, e.g. --project-id 12345");
        }
        return IdInput.parse("--project-id", projectId, "DataWorks workspace ID");
    }
}
