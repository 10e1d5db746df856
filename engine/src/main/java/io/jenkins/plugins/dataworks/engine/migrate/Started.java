package io.jenkins.plugins.dataworks.engine.migrate;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import java.io.Serializable;

/**
 * The outcome of starting a migration.
 *
 * @param startedNow false when it had been started before (by an earlier attempt or by someone
 *     else) and was left alone
 * @param status the status seen when it was not started now; null otherwise
 * @param apiCalls calls made, against the caller's budget
 */
public record Started(MigrationRef ref, boolean startedNow, String status, int apiCalls) implements Serializable {

    private static final long serialVersionUID = 1L;
}
