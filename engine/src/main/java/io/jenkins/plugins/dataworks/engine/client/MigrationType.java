package io.jenkins.plugins.dataworks.engine.client;

/** Which way a migration moves workspace content: out as a package, or in from one. */
public enum MigrationType {
    EXPORT,
    IMPORT
}
