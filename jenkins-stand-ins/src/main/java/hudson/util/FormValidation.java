/*
 * Stand-in for hudson.util.FormValidation: jenkinsci/jenkins core/src/main/java/hudson/util/FormValidation.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

public abstract class FormValidation extends IOException implements HttpResponse {
    private FormValidation() {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("stand-in");
    }

    public abstract String renderHtml();
}
