package io.jenkins.plugins.dataworks;

import hudson.FilePath;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.PermalinkProjectAction;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import jenkins.model.Jenkins;
import jenkins.util.VirtualFile;
import org.springframework.security.core.Authentication;

/**
 * Where the package of {@code createDataWorksImport} is, as the user wrote it: a path in the
 * workspace ({@code packageFile}), or an archived artifact of a build ({@code artifact}, from
 * {@code fromJob}, default this job, build {@code fromBuild}, default its last successful one).
 * Serializable and secret-free: persisted with the Pipeline program.
 */
final class PackageSource implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FROM_BUILD_DEFAULT = "lastSuccessfulBuild";

    private final String packageFile;
    private final String fromJob;
    private final String fromBuild;
    private final String artifact;

    PackageSource(String packageFile, String fromJob, String fromBuild, String artifact) {
        this.packageFile = Util.fixEmptyAndTrim(packageFile);
        this.fromJob = Util.fixEmptyAndTrim(fromJob);
        this.fromBuild = Util.fixEmptyAndTrim(fromBuild);
        this.artifact = Util.fixEmptyAndTrim(artifact);
    }

    /** Exactly one source, and build selectors only with an artifact. No I/O. */
    void validate() {
        String file = Setting.PACKAGE_FILE.engineName();
        if (packageFile == null && artifact == null) {
            throw new InvalidInputException(file, Messages.Package_none());
        }
        if (packageFile != null && artifact != null) {
            throw new InvalidInputException(file, Messages.Package_both());
        }
        if (packageFile != null && (fromJob != null || fromBuild != null)) {
            throw new InvalidInputException(
                    fromJob != null ? "fromJob" : "fromBuild", Messages.Package_selectorWithoutArtifact());
        }
    }

    /** The package located, ready for the engine's check and upload. */
    record Located(FilePath file, boolean onController, Path temporary) {}

    /**
     * Finds the package: in the workspace (null outside {@code node {}}), or among the artifacts of
     * the selected build, which the running build's authentication must be allowed to read (the
     * job, and its artifacts). An artifact the artifact manager keeps elsewhere than in a local file
     * is copied into a private temporary file on the controller first.
     */
    Located locate(Run<?, ?> run, FilePath workspace) throws IOException, InterruptedException {
        if (packageFile != null) {
            if (workspace == null) {
                throw new InvalidInputException(
                        Setting.PACKAGE_FILE.engineName(), Messages.Package_noWorkspace(packageFile));
            }
            return new Located(workspace.child(packageFile), false, null);
        }
        Run<?, ?> build = build(run);
        VirtualFile vf = build.getArtifactManager().root().child(artifact);
        if (!vf.isFile()) {
            throw new InvalidInputException(
                    "artifact", Messages.Package_noArtifact(artifact, build.getFullDisplayName()));
        }
        URI uri = vf.toURI();
        if ("file".equals(uri.getScheme())) {
            return new Located(new FilePath(new File(uri)), true, null);
        }
        Path temp = Files.createTempFile("dataworks-import", ".zip");
        try (InputStream in = vf.open()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return new Located(new FilePath(temp.toFile()), true, temp);
    }

    /** The selected build, as the running build's authentication sees it; never one it may not read. */
    private Run<?, ?> build(Run<?, ?> run) {
        Job<?, ?> current = run.getParent();
        Authentication auth = current instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
        try (ACLContext ignored = ACL.as2(auth)) {
            Job<?, ?> job = fromJob == null ? current : Jenkins.get().getItem(fromJob, current.getParent(), Job.class);
            if (job == null || !job.hasPermission(Item.READ)) {
                throw new InvalidInputException("fromJob", Messages.Package_noJob(fromJob));
            }
            String selector = fromBuild == null ? FROM_BUILD_DEFAULT : fromBuild;
            Run<?, ?> build;
            if (selector.chars().allMatch(Character::isDigit)) {
                build = job.getBuildByNumber(Integer.parseInt(selector));
            } else {
                PermalinkProjectAction.Permalink link = job.getPermalinks().get(selector);
                build = link == null ? null : link.resolve(job);
            }
            if (build == null) {
                throw new InvalidInputException("fromBuild", Messages.Package_noBuild(selector, job.getFullName()));
            }
            if (!build.hasPermission(Run.ARTIFACTS)) {
                throw new InvalidInputException(
                        "artifact", Messages.Package_artifactsDenied(build.getFullDisplayName()));
            }
            return build;
        }
    }

    /** How the log names the source. */
    String describe() {
        return packageFile != null
                ? packageFile
                : Messages.Package_describeArtifact(
                        artifact,
                        // a job named from the root ("/folder/job", as a promotion names its own) as Jenkins shows it
                        fromJob == null ? "this job" : fromJob.replaceFirst("^/", ""),
                        fromBuild == null ? FROM_BUILD_DEFAULT : fromBuild);
    }
}
