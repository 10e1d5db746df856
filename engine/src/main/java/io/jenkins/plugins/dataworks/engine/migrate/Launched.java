package io.jenkins.plugins.dataworks.engine.migrate;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationType;
import java.io.Serializable;

/**
 * A migration that exists and is not yet known to be started.
 *
 * @param foundByName true when an earlier attempt (a call whose answer was lost, a run interrupted by
 *     a restart) had created it and it was found by its unique name instead of created again
 * @param apiCalls calls made, against the caller's budget
 */
public record Launched(MigrationRef ref, String name, MigrationType type, boolean foundByName, int apiCalls)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
