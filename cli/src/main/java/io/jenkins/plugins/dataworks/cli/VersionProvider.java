package io.jenkins.plugins.dataworks.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (written by the shade plugin); "development" when run from classes. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = RootCommand.class.getPackage().getImplementationVersion();
        return new String[] {"dataworks-migration " + (version == null ? "(development build)" : version)};
    }
}
