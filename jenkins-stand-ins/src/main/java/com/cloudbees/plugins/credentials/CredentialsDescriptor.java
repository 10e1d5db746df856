/*
 * Stand-in for com.cloudbees.plugins.credentials.CredentialsDescriptor: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsDescriptor.java (HEAD of 2026-08).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;

// Upstream also implements org.jenkins.ui.icon.IconSpec.
public abstract class CredentialsDescriptor extends Descriptor<Credentials> {
    protected CredentialsDescriptor() {
    }
}
