/*
 * Stand-in for org.kohsuke.stapler.AncestorInPath: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/AncestorInPath.java (HEAD of 2026-08).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// Upstream's @InjectedParameter(HandlerImpl.class) only matters to Stapler's request dispatch at run time.
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface AncestorInPath {
}
