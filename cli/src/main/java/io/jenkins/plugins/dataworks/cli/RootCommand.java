package io.jenkins.plugins.dataworks.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dataworks-migration}: only dispatches to its subcommands. */
@Command(name = "dataworks-migration", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Create, start and wait for Alibaba Cloud DataWorks migrations, fail on their error states, download export packages and promote them into another workspace.",
            "Try it: dataworks-migration wait --emulator --download-dir target/demo"})
final class RootCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is missing: use export, import, start, wait, summary, download, process or promote");
    }
}
