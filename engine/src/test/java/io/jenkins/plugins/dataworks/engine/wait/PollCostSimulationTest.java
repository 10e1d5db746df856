package io.jenkins.plugins.dataworks.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * What the default policy costs, in GetMigrationSummary calls, for short, typical and very long
 * migrations, simulated with a fake client, a manual scheduler and a controllable clock. Jitter
 * is pinned at its lowest and highest draw, at its middle and drawn from a seeded generator, so
 * the bounds hold for any draw.
 */
class PollCostSimulationTest {

    private static final MigrationRef REF = new MigrationRef(42, 7);

    /** Calls made and how long after the migration finished the wait noticed it. */
    record Run(Result result, int calls, Duration noticedAfter, List<Duration> delays) {}

    static Run simulate(Duration migrationTakes, WaitPolicy policy, RandomGenerator random) {
        TestClock clock = new TestClock();
        Instant finishesAt = clock.instant().plus(migrationTakes);
        ManualScheduler scheduler = new ManualScheduler(clock);
        ScriptedClient client = new ScriptedClient(clock,
                c -> ScriptedClient.Answer.status(c.at().isBefore(finishesAt) ? "EXPORTING" : "EXPORT_SUCCESS"));
        WaitHandle handle = new MigrationWaiter(client, scheduler, Runnable::run, clock, random)
                .start(REF, policy, WaitListener.NONE);
        scheduler.runUntilIdle(100_000);
        WaitOutcome outcome = handle.outcome().join();
        Instant lastCall = client.calls().get(client.callCount() - 1).at();
        return new Run(outcome.result(), client.callCount(), Duration.between(finishesAt, lastCall),
                scheduler.requestedDelays());
    }

    private static List<RandomGenerator> draws() {
        return List.of(FixedRandom.LOWEST, FixedRandom.MIDDLE, FixedRandom.HIGHEST, new Random(20250106));
    }

    @Test
    void fiveMinuteMigrationIsNoticedQuicklyAndCheaply() {
        Run middle = simulate(Duration.ofMinutes(5), WaitPolicy.defaults(), FixedRandom.MIDDLE);
        // Polls at 0, 15, 37.5, 71.25, 121.9, 197.8, 311.7 s.
        assertThat(middle.calls()).isEqualTo(7);
        assertThat(middle.noticedAfter()).isEqualTo(Duration.ofMillis(11_720));

        for (RandomGenerator random : draws()) {
            Run run = simulate(Duration.ofMinutes(5), WaitPolicy.defaults(), random);
            assertThat(run.result()).isEqualTo(Result.SUCCESS);
            assertThat(run.calls()).as(random.toString()).isBetween(6, 8);
            // Never later than the interval in force then (114 s, +-10 %).
            assertThat(run.noticedAfter()).as(random.toString()).isLessThan(Duration.ofSeconds(126));
        }
    }

    @Test
    void oneHourMigrationCostsAboutThirtyCalls() {
        assertThat(simulate(Duration.ofHours(1), WaitPolicy.defaults(), FixedRandom.MIDDLE).calls()).isEqualTo(29);
        for (RandomGenerator random : draws()) {
            Run run = simulate(Duration.ofHours(1), WaitPolicy.defaults(), random);
            assertThat(run.result()).isEqualTo(Result.SUCCESS);
            assertThat(run.calls()).as(random.toString()).isBetween(27, 32);
            assertThat(run.noticedAfter()).as(random.toString()).isLessThanOrEqualTo(Duration.ofSeconds(165));
        }
    }

    @Test
    void sixHourMigrationTimesOutAtTheDefaultDeadlineAndFinishesWithALongerOne() {
        for (RandomGenerator random : draws()) {
            Run capped = simulate(Duration.ofHours(6), WaitPolicy.defaults(), random);
            assertThat(capped.result()).isEqualTo(Result.TIMED_OUT);
            assertThat(capped.calls()).as(random.toString()).isBetween(48, 60);

            Run patient = simulate(Duration.ofHours(6), WaitPolicy.builder().timeout(Duration.ofHours(7)).build(), random);
            assertThat(patient.result()).isEqualTo(Result.SUCCESS);
            assertThat(patient.calls()).as(random.toString()).isBetween(136, 166);

            Run thrifty = simulate(Duration.ofHours(6),
                    WaitPolicy.builder().timeout(Duration.ofHours(7)).maxInterval(Duration.ofMinutes(5)).build(), random);
            assertThat(thrifty.result()).isEqualTo(Result.SUCCESS);
            assertThat(thrifty.calls()).as(random.toString()).isBetween(70, 90);
        }
    }

    @Test
    void everyDelayIsWithinTenPercentOfTheCappedInterval() {
        for (RandomGenerator random : draws()) {
            Run run = simulate(Duration.ofHours(1), WaitPolicy.defaults(), random);
            Duration interval = Duration.ofSeconds(15);
            for (Duration delay : run.delays().subList(1, run.delays().size())) { // the first is the immediate poll
                assertThat(delay.toMillis()).as(random.toString())
                        .isBetween(Math.round(interval.toMillis() * 0.9), Math.round(interval.toMillis() * 1.1));
                interval = Backoff.grow(interval, 1.5, Duration.ofSeconds(150));
            }
        }
    }

    @Test
    void statusChangeDoesNotResetTheInterval() {
        TestClock clock = new TestClock();
        Instant t0 = clock.instant();
        ManualScheduler scheduler = new ManualScheduler(clock);
        ScriptedClient client = new ScriptedClient(clock, c -> {
            Duration at = Duration.between(t0, c.at());
            return ScriptedClient.Answer.status(at.compareTo(Duration.ofMinutes(10)) < 0 ? "INIT"
                    : at.compareTo(Duration.ofMinutes(20)) < 0 ? "EXPORTING" : "EXPORT_SUCCESS");
        });
        new MigrationWaiter(client, scheduler, Runnable::run, clock, FixedRandom.MIDDLE)
                .start(REF, WaitPolicy.defaults(), WaitListener.NONE);
        scheduler.runUntilIdle(1_000);

        List<Duration> delays = scheduler.requestedDelays();
        assertThat(delays.subList(7, delays.size())).as("after the ramp-up, the cap throughout, changes or not")
                .containsOnly(Duration.ofSeconds(150));
        // INIT until 10 min, EXPORTING until 20 min: polls at 0, 15, 37.5, 71.3, 121.9, 197.8, 311.7 s, then every 150 s.
        assertThat(client.callCount()).isEqualTo(13);
    }

    @Test
    void printTheNumbersForTheRecord() {
        record Case(String label, Duration takes, WaitPolicy policy) {}
        List<Case> cases = List.of(
                new Case("5m, defaults", Duration.ofMinutes(5), WaitPolicy.defaults()),
                new Case("1h, defaults", Duration.ofHours(1), WaitPolicy.defaults()),
                new Case("6h, defaults (2h deadline)", Duration.ofHours(6), WaitPolicy.defaults()),
                new Case("6h, timeout 7h", Duration.ofHours(6), WaitPolicy.builder().timeout(Duration.ofHours(7)).build()),
                new Case("6h, timeout 7h, maxInterval 5m", Duration.ofHours(6),
                        WaitPolicy.builder().timeout(Duration.ofHours(7)).maxInterval(Duration.ofMinutes(5)).build()));
        StringBuilder table = new StringBuilder(String.format("%-32s %-8s %-10s %5s  %s%n", "migration", "jitter",
                "result", "calls", "noticed after"));
        for (Case c : cases) {
            for (FixedRandom random : List.of(FixedRandom.LOWEST, FixedRandom.MIDDLE, FixedRandom.HIGHEST)) {
                Run run = simulate(c.takes(), c.policy(), random);
                String draw = random.value() == 0.0 ? "lowest" : random.value() == 0.5 ? "middle" : "highest";
                table.append(String.format("%-32s %-8s %-10s %5d  %s%n", c.label(), draw, run.result(), run.calls(),
                        run.result() == Result.SUCCESS ? Messages.human(run.noticedAfter()) : "-"));
                assertThat(run.calls()).isPositive();
            }
        }
        System.out.print(table);
    }
}
