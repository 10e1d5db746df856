package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.wait.MigrationWaiter;
import io.jenkins.plugins.dataworks.engine.wait.WaitHandle;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome;
import io.jenkins.plugins.dataworks.engine.wait.WaitPolicy;
import java.util.concurrent.ExecutionException;

/** One engine wait on the command's runtime, cancelled by Ctrl-C: what wait and promote share. */
final class MigrationWait {

    private MigrationWait() {}

    static WaitOutcome await(CliContext ctx, DataWorksClient client, WaitRuntime runtime, MigrationRef ref,
            WaitPolicy policy, StatusReporter reporter) {
        MigrationWaiter waiter = new MigrationWaiter(client, runtime.scheduler(), runtime.pollExecutor(),
                runtime.clock(), runtime.random());
        WaitHandle handle = waiter.start(ref, policy, reporter);
        ctx.cancellation().onCancel(handle::cancel);
        try {
            return handle.outcome().get();
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
            return handle.outcome().join();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the wait ended abnormally", e.getCause());
        } finally {
            ctx.cancellation().clear();
        }
    }
}
