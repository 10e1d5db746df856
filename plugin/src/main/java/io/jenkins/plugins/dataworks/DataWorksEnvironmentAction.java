package io.jenkins.plugins.dataworks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;

/**
 * Gives the build steps after a freestyle wait the result as environment variables. Only values
 * (status, name, package path and hash, RequestId): never a URL or a secret. When a build waits
 * for several migrations, the last one wins, as later actions override earlier ones.
 */
public final class DataWorksEnvironmentAction extends InvisibleAction implements EnvironmentContributingAction {

    public static final String STATUS = "DATAWORKS_MIGRATION_STATUS";
    public static final String NAME = "DATAWORKS_MIGRATION_NAME";
    public static final String PACKAGE = "DATAWORKS_MIGRATION_PACKAGE";
    public static final String SHA256 = "DATAWORKS_MIGRATION_SHA256";
    public static final String REQUEST_ID = "DATAWORKS_MIGRATION_REQUEST_ID";

    private final String status;
    private final String name;
    private final String packageFile;
    private final String sha256;
    private final String requestId;

    DataWorksEnvironmentAction(GateResult result) {
        this.status = result.status();
        this.name = result.name();
        this.packageFile = result.packageFile();
        this.sha256 = result.packageSha256();
        this.requestId = result.requestId();
    }

    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        put(env, STATUS, status);
        put(env, NAME, name);
        put(env, PACKAGE, packageFile);
        put(env, SHA256, sha256);
        put(env, REQUEST_ID, requestId);
    }

    private static void put(EnvVars env, String key, String value) {
        if (value != null) {
            env.put(key, value);
        }
    }
}
