/*
 * Stand-in for org.kohsuke.stapler.StaplerRequest2: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java (HEAD of 2026-08).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

// Upstream declares many request helpers; the plugin uses none of them.
public interface StaplerRequest2 extends HttpServletRequest {
}
