/*
 * Stand-in for com.cloudbees.plugins.credentials.impl.BaseStandardCredentials: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/impl/BaseStandardCredentials.java (HEAD of 2026-08).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

// Upstream extends BaseCredentials (scope and descriptor); the plugin only reads credentials.
public abstract class BaseStandardCredentials implements StandardCredentials {
    public BaseStandardCredentials(@CheckForNull String id, @CheckForNull String description) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    @Override
    public String getDescription() {
        throw new UnsupportedOperationException("stand-in");
    }

    // Declared by upstream's BaseCredentials.
    @NonNull
    @Override
    public CredentialsDescriptor getDescriptor() {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    @Override
    public String getId() {
        throw new UnsupportedOperationException("stand-in");
    }
}
