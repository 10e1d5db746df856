package io.jenkins.plugins.dataworks;

import java.io.Serializable;
import java.util.Date;

/** One line of the timeline on the build page: a status and when the wait first saw it. */
public final class StatusChange implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String status;
    private final long seenAt;
    private final long elapsedMillis;

    public StatusChange(String status, long seenAt, long elapsedMillis) {
        this.status = status;
        this.seenAt = seenAt;
        this.elapsedMillis = elapsedMillis;
    }

    public String getStatus() {
        return status;
    }

    public long getSeenAt() {
        return seenAt;
    }

    public Date getSeenAtDate() {
        return new Date(seenAt);
    }

    public long getElapsedMillis() {
        return elapsedMillis;
    }
}
