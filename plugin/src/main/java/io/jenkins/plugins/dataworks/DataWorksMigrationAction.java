package io.jenkins.plugins.dataworks;

import hudson.Functions;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;
import io.jenkins.plugins.dataworks.engine.input.DurationInput;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * One wait as the build page shows it (summary.jelly): the migration, its status, the timeline of
 * status changes and the archived package. A build that waits for several migrations has one
 * action per wait. Holds no secret: no credentials, no download URL, only ids, statuses, times,
 * a RequestId, and the package's name, size and SHA-256.
 */
public final class DataWorksMigrationAction implements RunAction2 {

    private static final Logger LOGGER = Logger.getLogger(DataWorksMigrationAction.class.getName());

    private final String id;
    private final long projectId;
    private final long migrationId;
    private String name;
    private String status;
    private String result;
    private String message;
    private String requestId;
    private String artifactName;
    private long packageSize = -1;
    private String sha256;
    private List<StatusChange> timeline = new ArrayList<>();

    private transient Run<?, ?> run;

    public DataWorksMigrationAction(long projectId, long migrationId) {
        this.id = UUID.randomUUID().toString();
        this.projectId = projectId;
        this.migrationId = migrationId;
    }

    /** Finds the action a resumed wait created before the restart. */
    public static DataWorksMigrationAction find(Run<?, ?> run, String id) {
        for (DataWorksMigrationAction a : run.getActions(DataWorksMigrationAction.class)) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        return null;
    }

    @Override
    public synchronized void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public synchronized void onLoad(Run<?, ?> r) {
        this.run = r;
        if (timeline == null) {
            timeline = new ArrayList<>();
        }
    }

    public synchronized void statusChanged(
            String newStatus, String migrationName, long at, long elapsedMillis, String lastRequestId) {
        this.status = newStatus;
        if (migrationName != null) {
            this.name = migrationName;
        }
        this.requestId = lastRequestId;
        timeline.add(new StatusChange(newStatus, at, elapsedMillis));
        // Not saved here: the build page reads this object; the wait's host saves the run with its
        // state (a snapshot worth persisting), and finished() saves the end.
    }

    public synchronized void finished(GateResult gate) {
        this.result = gate.result().name();
        this.status = gate.status() != null ? gate.status() : status;
        this.name = gate.name() != null ? gate.name() : name;
        this.message = gate.message();
        this.requestId = gate.requestId() != null ? gate.requestId() : requestId;
        if (gate.packageFile() != null) {
            this.artifactName = gate.packageFile();
            this.packageSize = gate.packageSize();
            this.sha256 = gate.packageSha256();
        }
        save();
    }

    private void save() {
        if (run == null) {
            return;
        }
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "could not save " + run, e);
        }
    }

    public String getId() {
        return id;
    }

    public long getProjectId() {
        return projectId;
    }

    public long getMigrationId() {
        return migrationId;
    }

    public synchronized String getName() {
        return name;
    }

    public synchronized String getStatus() {
        return status;
    }

    /** SUCCESS, UNSTABLE, FAILED, TIMED_OUT, ERROR, CANCELLED; null while waiting. */
    public synchronized String getResult() {
        return result;
    }

    /** The result as the build page shows it: a wait the build's abort cancelled in Jenkins' word, ABORTED. */
    public synchronized String getResultText() {
        return "CANCELLED".equals(result) ? Messages.Abort_result() : result;
    }

    public synchronized String getMessage() {
        return message;
    }

    public synchronized String getRequestId() {
        return requestId;
    }

    public synchronized String getArtifactName() {
        return artifactName;
    }

    public synchronized long getPackageSize() {
        return packageSize;
    }

    public synchronized String getPackageSizeText() {
        return packageSize < 0 ? null : Functions.humanReadableByteSize(packageSize);
    }

    public synchronized String getSha256() {
        return sha256;
    }

    public synchronized List<StatusChange> getTimeline() {
        return Collections.unmodifiableList(new ArrayList<>(timeline));
    }

    public String elapsedText(StatusChange change) {
        return DurationInput.human(Duration.ofMillis(change.getElapsedMillis())); // as the build log says it
    }

    /** Where the archived package is, relative to the Jenkins root; null when nothing was archived. */
    public synchronized String getArtifactUrl() {
        if (run == null || artifactName == null) {
            return null;
        }
        return run.getUrl() + "artifact/" + Util.rawEncode(artifactName);
    }

    /** A status symbol of Jenkins core, by how the wait ended. */
    public synchronized String getIconSymbol() {
        if (result == null) {
            return "symbol-status-nobuilt";
        }
        return switch (result) {
            case "SUCCESS" -> "symbol-status-blue";
            case "UNSTABLE" -> "symbol-status-yellow";
            case "CANCELLED" -> "symbol-status-aborted";
            default -> "symbol-status-red";
        };
    }

    public synchronized Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.Action_displayName(projectId, migrationId);
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
