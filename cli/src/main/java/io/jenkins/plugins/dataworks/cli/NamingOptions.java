package io.jenkins.plugins.dataworks.cli;

import picocli.CommandLine.Option;

/** The name and description of a migration to create; the engine's specs check them. */
final class NamingOptions {

    @Option(names = "--name", paramLabel = "NAME",
            description = "Name of the new migration, unique in the workspace: it is also how a retry finds the migration"
                    + " an earlier, interrupted attempt created instead of creating a second one. Required.")
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "Description of the new migration.")
    String description;

    /** @param demo the name used with --emulator when --name is not given; nullable */
    String name(String demo) {
        // An empty --name is passed on as it is, so the engine's check words the error.
        return name == null && demo != null ? demo : name;
    }
}
