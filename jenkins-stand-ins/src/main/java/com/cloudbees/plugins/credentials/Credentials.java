/*
 * Stand-in for com.cloudbees.plugins.credentials.Credentials: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/Credentials.java (HEAD of 2026-08).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

// Upstream also declares getScope() and forRun(Run); the plugin uses neither.
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
    @NonNull
    @Override
    CredentialsDescriptor getDescriptor();
}
