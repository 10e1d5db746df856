package io.jenkins.plugins.dataworks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dataworks.credentials.CredentialsResolver;
import io.jenkins.plugins.dataworks.engine.auth.CredentialsSource;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.migrate.MigrationLauncher;
import io.jenkins.plugins.dataworks.engine.redact.Redaction;
import io.jenkins.plugins.dataworks.runtime.DataWorksRuntime;
import io.jenkins.plugins.dataworks.runtime.RateLimitedClient;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The running step of {@code createDataWorksExport}, {@code startDataWorksMigration} and
 * {@code createDataWorksImport}: a few blocking calls, made on the runtime's call pool (never the
 * CPS VM thread), each write call preceded by persisting what it attempts ({@link Attempt}), so that
 * a controller restart neither loses a migration nor makes one twice. {@link #start()} checks the
 * input without any I/O and returns false; the step completes once, from the pool.
 *
 * <p>After a restart {@link #onResume()} runs the step again with the persisted attempt, and the
 * subclass asks the engine what became of it. A failure during the shutdown itself (an interrupted
 * call) does not complete the step: it resumes after the restart instead. Credentials and clients
 * live only in local variables of the pool thread.
 */
abstract class LaunchingExecution extends StepExecution {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(LaunchingExecution.class.getName());

    private final Connection connection;
    private volatile Attempt attempt;

    private transient volatile Future<?> calls;
    private transient volatile AtomicBoolean completed = new AtomicBoolean();

    LaunchingExecution(StepContext context, Connection connection) {
        super(context);
        this.connection = connection;
    }

    /** Checks the step's input, without I/O. Throws the engine's InvalidInputException naming the parameter. */
    abstract void validate(DataWorksGlobalConfiguration config);

    /** What {@link #launch} returns when the step goes on without a thread (a wait) and completes later. */
    static final Object CONTINUES = new Object();

    /**
     * Makes the calls, on a pool thread; {@code previous} is the attempt persisted before a restart,
     * or null on the first run. Returns the step's result, or {@link #CONTINUES}.
     */
    abstract Object launch(MigrationLauncher launcher, Calls calls, Attempt previous)
            throws IOException, InterruptedException;

    @Override
    public boolean start() throws Exception {
        try {
            connection.validate(DataWorksGlobalConfiguration.get());
            validate(DataWorksGlobalConfiguration.get());
        } catch (InvalidInputException e) {
            throw new AbortException(FrontEndNames.PIPELINE.message(e));
        }
        submit();
        return false;
    }

    @Override
    public void onResume() {
        if (completed.get()) {
            return;
        }
        resume();
    }

    /** After a restart: by default makes the calls again with the persisted attempt. */
    void resume() {
        Attempt a = attempt;
        if (a != null) {
            try {
                getContext().get(TaskListener.class).getLogger().println(Messages.Launch_resuming(a.describe()));
            } catch (IOException | InterruptedException e) {
                LOGGER.log(Level.FINE, "no log to say we resume", e);
            }
        }
        submit();
    }

    /** Runs {@link #launch} on the call pool with the attempt persisted now. */
    final void submit() {
        Attempt previous = attempt;
        calls = DataWorksRuntime.get().callExecutor().submit(() -> run(previous));
        if (completed.get()) {
            calls.cancel(true); // stop() ran meanwhile and may have missed the future
        }
    }

    private void run(Attempt previous) {
        DataWorksRuntime runtime = DataWorksRuntime.get();
        try {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            DataWorksGlobalConfiguration config = DataWorksGlobalConfiguration.get();
            CredentialsSource credentials = CredentialsResolver.forRun(connection.credentialsId(), run);
            try (RateLimitedClient client = runtime.openRateLimitedClient(
                    credentials, connection.clientSettings(config), config.rateLimitPerSecond())) {
                // Each retry is one line in the build log: a pause or a second attempt is never silent.
                MigrationLauncher launcher =
                        runtime.launcher(client, notice -> listener.getLogger().println(notice.line()));
                Object result = launch(launcher, new Calls(run, listener, client), previous);
                if (result != CONTINUES) {
                    succeed(result);
                }
            }
        } catch (DataWorksException e) {
            if (runtime.isShuttingDown()) {
                LOGGER.log(Level.FINE, "Jenkins is shutting down; the DataWorks step resumes after the restart");
            } else {
                launchFailed(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(runtime, e);
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.FINE, "DataWorks step failed", e);
            fail(runtime, new AbortException(Redaction.text(String.valueOf(e.getMessage()))));
        }
    }

    private void fail(DataWorksRuntime runtime, Throwable cause) {
        if (runtime.isShuttingDown()) {
            // Most likely a call the shutdown broke off: the step resumes after the restart instead.
            LOGGER.log(Level.FINE, "Jenkins is shutting down; the DataWorks step resumes after the restart");
            return;
        }
        failed(cause);
    }

    /** An engine error of the calls: by default the step fails with its one line, in the Pipeline's words. */
    void launchFailed(DataWorksException e) {
        failed(new AbortException(FrontEndNames.PIPELINE.message(e)));
    }

    /** Whether the step has ended (completed, or stopped). */
    final boolean isCompleted() {
        return completed.get();
    }

    /** Completes the step with its result, once. */
    final void succeed(Object result) {
        if (completed.compareAndSet(false, true)) {
            getContext().onSuccess(result);
        }
    }

    /** Fails the step, once. */
    final void failed(Throwable cause) {
        if (completed.compareAndSet(false, true)) {
            getContext().onFailure(cause);
        }
    }

    /** The attempt persisted last; null before the first write call of a stage. */
    final Attempt currentAttempt() {
        return attempt;
    }

    /** Forgets the attempt of a finished stage, so the next stage's calls do not read it as their own. */
    final void clearAttempt() {
        attempt = null;
    }

    /** Stops whatever the subclass runs besides the calls (a wait); called once by {@link #stop}. */
    void cancelWork() {}

    /** Marks the step ended first, so that a call still running cannot complete it a second time. */
    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        boolean first = completed.compareAndSet(false, true);
        Future<?> f = calls;
        if (f != null) {
            f.cancel(true);
        }
        cancelWork();
        Attempt a = attempt;
        if (first) {
            if (a != null && !a.isCreated()) {
                getContext().get(TaskListener.class).getLogger().println(Messages.Launch_stopped(a.describe()));
            }
            getContext().onFailure(cause);
        }
    }

    @Override
    public String getStatus() {
        Attempt a = attempt;
        return a == null ? "checking the DataWorks connection" : a.describe();
    }

    /** Protected, not private: serialization calls a superclass's readResolve only when subclasses inherit it. */
    protected Object readResolve() {
        readResolved();
        completed = new AtomicBoolean();
        return this;
    }

    /** Rebuilds a subclass's transient state after a restart. */
    void readResolved() {}

    /** What {@link #launch} may use: the run, its log, the client, and persisting an attempt. */
    final class Calls {

        private final Run<?, ?> run;
        private final TaskListener listener;
        private final RateLimitedClient client;

        Calls(Run<?, ?> run, TaskListener listener, RateLimitedClient client) {
            this.run = run;
            this.listener = listener;
            this.client = client;
        }

        Run<?, ?> run() {
            return run;
        }

        void log(String line) {
            listener.getLogger().println(line);
        }

        TaskListener listener() {
            return listener;
        }

        RateLimitedClient client() {
            return client;
        }

        StepContext context() {
            return getContext();
        }

        /** Persists the execution as it is now (a subclass's new phase) and returns once it is on disk. */
        void persistPhase() throws IOException, InterruptedException {
            try {
                getContext().saveState().get();
            } catch (ExecutionException e) {
                throw new IOException("could not save the Pipeline", e.getCause());
            }
        }

        /**
         * Persists what is about to be attempted and returns once it is on disk: only then may the
         * write call go out, so a restart always finds it.
         */
        void persist(Attempt next) throws IOException, InterruptedException {
            attempt = next;
            try {
                getContext().saveState().get();
            } catch (ExecutionException e) {
                throw new IOException("could not save the Pipeline before " + next.describe(), e.getCause());
            }
        }
    }
}
