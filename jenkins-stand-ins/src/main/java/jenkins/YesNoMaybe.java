/*
 * Stand-in for jenkins.YesNoMaybe: jenkinsci/jenkins core/src/main/java/jenkins/YesNoMaybe.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package jenkins;

public enum YesNoMaybe {
    YES,
    NO,
    MAYBE
}
