/*
 * Stand-in for org.kohsuke.stapler.HttpResponse: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/HttpResponse.java (HEAD of 2026-08).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import java.io.IOException;

public interface HttpResponse {
    void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException, ServletException;
}
