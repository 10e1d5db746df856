package io.jenkins.plugins.dataworks.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollBudgetBenchmarkTest {

    private final List<PollBudgetBenchmark.Row> rows = PollBudgetBenchmark.run();

    private PollBudgetBenchmark.Row row(String strategyPrefix, Duration migration) {
        return rows.stream().filter(r -> r.strategy().startsWith(strategyPrefix) && r.migration().equals(migration))
                .findFirst().orElseThrow();
    }

    @Test
    void aFixedLoopPollsOncePerIntervalUntilItSeesTheEnd() {
        PollBudgetBenchmark.Row shell = row("fixed 30 s", Duration.ofHours(1));
        for (int seed = 0; seed < PollBudgetBenchmark.SEEDS; seed++) {
            long endMs = Duration.ofHours(1).plus(PollBudgetBenchmark.offset(seed)).toMillis();
            long polls = (endMs + 29_999) / 30_000 + 1; // the poll at 0, then one per 30 s up to the first at or after the end
            assertThat(shell.calls()[seed]).isEqualTo(polls);
            assertThat(shell.delaySeconds()[seed]).isBetween(0.0, 30.0);
        }
    }

    @Test
    void theEngineSeesEveryMigrationEndWithinTheIntervalBeforeIt() {
        for (Duration d : PollBudgetBenchmark.DURATIONS) {
            PollBudgetBenchmark.Row engine = row("engine", d);
            for (int seed = 0; seed < PollBudgetBenchmark.SEEDS; seed++) {
                assertThat(engine.delaySeconds()[seed]).isGreaterThanOrEqualTo(0.0)
                        .isLessThanOrEqualTo(engine.gapSeconds()[seed]);
            }
        }
    }

    @Test
    void longerMigrationsNeverCostTheEngineFewerCalls() {
        double five = Stats.mean(row("engine", Duration.ofMinutes(5)).calls());
        double hour = Stats.mean(row("engine", Duration.ofHours(1)).calls());
        double six = Stats.mean(row("engine", Duration.ofHours(6)).calls());
        assertThat(five).isLessThan(hour);
        assertThat(hour).isLessThan(six);
    }
}
