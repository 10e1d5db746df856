package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.ratelimit.Sleeper;
import io.jenkins.plugins.dataworks.engine.wait.ScheduledExecutorScheduler;
import io.jenkins.plugins.dataworks.engine.wait.Scheduler;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.random.RandomGenerator;

/**
 * The time source and threads of one wait. The command line uses real time and one daemon thread;
 * tests substitute a virtual-time runtime so that hours of polling take milliseconds.
 */
public interface WaitRuntime extends AutoCloseable {

    Clock clock();

    Scheduler scheduler();

    Executor pollExecutor();

    /**
     * Pauses between the retries of a create, a start or an upload, on the calling thread (an
     * interrupt, Ctrl-C, ends them); tests move their virtual clock instead of sleeping.
     */
    default Sleeper sleeper() {
        return Sleeper.SYSTEM;
    }

    /** Spreads polls (jitter); tests pin it to make schedules exact. */
    default RandomGenerator random() {
        return new SplittableRandom();
    }

    @Override
    void close();

    /** Real time, one daemon thread that both schedules and polls (a CLI waits for one migration). */
    static WaitRuntime system() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "dataworks-wait");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return new SystemRuntime(executor);
    }

    /** The production runtime. */
    record SystemRuntime(ScheduledExecutorService executor) implements WaitRuntime {

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public Scheduler scheduler() {
            return new ScheduledExecutorScheduler(executor);
        }

        @Override
        public Executor pollExecutor() {
            return executor;
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
