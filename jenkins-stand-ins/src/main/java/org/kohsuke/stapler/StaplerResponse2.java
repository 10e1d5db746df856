/*
 * Stand-in for org.kohsuke.stapler.StaplerResponse2: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerResponse2.java (HEAD of 2026-08).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

// Upstream declares many response helpers; the plugin uses none of them.
public interface StaplerResponse2 extends HttpServletResponse {
}
