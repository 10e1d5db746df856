package io.jenkins.plugins.dataworks.benchmarks;

import io.jenkins.plugins.dataworks.emulator.MutableClock;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.wait.MigrationWaiter;
import io.jenkins.plugins.dataworks.engine.wait.WaitHandle;
import io.jenkins.plugins.dataworks.engine.wait.WaitListener;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome;
import io.jenkins.plugins.dataworks.engine.wait.WaitPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Benchmark 2: API calls per wait and detection delay, on virtual time. The engine's own
 * MigrationWaiter runs with the default WaitPolicy (timeout raised so a 6 h migration fits) against
 * a simulated migration; three common schedules are the baselines. Every seed moves the end of the
 * migration by a uniform [0, 30 s) and, for the engine, seeds the jitter.
 */
final class PollBudgetBenchmark {

    static final List<Duration> DURATIONS = List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(6));
    static final int SEEDS = 20;

    /** A poll schedule: the next interval from the previous one (null before the first gap). */
    interface Schedule {
        Duration next(Duration previous);
    }

    record Strategy(String name, Schedule schedule) {}

    static final List<Strategy> BASELINES = List.of(
            new Strategy("fixed 1 s", prev -> Duration.ofSeconds(1)),
            new Strategy("fixed 30 s (shell loop)", prev -> Duration.ofSeconds(30)),
            new Strategy("waitUntil (250 ms x1.2, cap 15 s)", prev -> prev == null ? Duration.ofMillis(250)
                    : min(Duration.ofMillis(Math.round(prev.toMillis() * 1.2)), Duration.ofSeconds(15))));

    /** Calls, detection delay and the interval at detection, each over the seeds. */
    record Row(String strategy, Duration migration, double[] calls, double[] delaySeconds, double[] gapSeconds) {}

    static List<Row> run() {
        List<Row> rows = new ArrayList<>();
        for (Duration d : DURATIONS) {
            rows.add(engine(d));
            for (Strategy s : BASELINES) {
                rows.add(baseline(s, d));
            }
        }
        return rows;
    }

    static WaitPolicy policy() {
        return WaitPolicy.defaults().toBuilder().timeout(Duration.ofHours(8)).build();
    }

    private static Row engine(Duration migration) {
        double[] calls = new double[SEEDS];
        double[] delay = new double[SEEDS];
        double[] gap = new double[SEEDS];
        for (int seed = 0; seed < SEEDS; seed++) {
            MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
            Instant finishes = clock.instant().plus(migration).plus(offset(seed));
            SimulatedMigration sim = new SimulatedMigration(clock, finishes);
            VirtualScheduler scheduler = new VirtualScheduler(clock);
            MigrationWaiter waiter = new MigrationWaiter(sim, scheduler, Runnable::run, clock, new SplittableRandom(seed));
            WaitHandle handle = waiter.start(new MigrationRef(1, 1), policy(), WaitListener.NONE);
            scheduler.runUntil(() -> handle.outcome().isDone(), clock.instant().plus(Duration.ofHours(9)));
            WaitOutcome outcome = handle.outcome().getNow(null);
            if (outcome == null || outcome.result() != WaitOutcome.Result.SUCCESS || sim.detectionDelay() == null) {
                throw new IllegalStateException("engine wait for a " + migration + " migration did not succeed: "
                        + (outcome == null ? "no outcome" : outcome.result() + " " + outcome.message()));
            }
            calls[seed] = sim.calls();
            delay[seed] = sim.detectionDelay().toMillis() / 1000.0;
            gap[seed] = sim.gapAtDetection().toMillis() / 1000.0;
        }
        return new Row("engine default WaitPolicy", migration, calls, delay, gap);
    }

    private static Row baseline(Strategy strategy, Duration migration) {
        double[] calls = new double[SEEDS];
        double[] delay = new double[SEEDS];
        double[] gap = new double[SEEDS];
        for (int seed = 0; seed < SEEDS; seed++) {
            long finishesMs = migration.plus(offset(seed)).toMillis();
            long t = 0;
            int n = 1;
            Duration interval = null;
            while (t < finishesMs) {
                interval = strategy.schedule().next(interval);
                t += interval.toMillis();
                n++;
            }
            calls[seed] = n;
            delay[seed] = (t - finishesMs) / 1000.0;
            gap[seed] = interval == null ? 0 : interval.toMillis() / 1000.0;
        }
        return new Row(strategy.name(), migration, calls, delay, gap);
    }

    /** The same offsets for every strategy, so they face the same migrations. */
    static Duration offset(int seed) {
        return Duration.ofMillis(new SplittableRandom(1000 + seed).nextLong(30_000));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
