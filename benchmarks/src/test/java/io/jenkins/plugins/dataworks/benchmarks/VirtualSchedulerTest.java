package io.jenkins.plugins.dataworks.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.emulator.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    private final MutableClock clock = MutableClock.at(t0);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsTasksInDueOrderAndMovesTheClockToEach() {
        scheduler.schedule(() -> ran.add("b@" + Duration.between(t0, clock.instant()).toSeconds()), Duration.ofSeconds(20));
        scheduler.schedule(() -> ran.add("a@" + Duration.between(t0, clock.instant()).toSeconds()), Duration.ofSeconds(5));
        scheduler.schedule(() -> ran.add("c@" + Duration.between(t0, clock.instant()).toSeconds()), Duration.ofSeconds(20));

        boolean done = scheduler.runUntil(() -> ran.size() == 3, t0.plus(Duration.ofHours(1)));

        assertThat(done).isTrue();
        assertThat(ran).containsExactly("a@5", "b@20", "c@20");
    }

    @Test
    void skipsCancelledTasksAndStopsAtTheLimit() {
        scheduler.schedule(() -> ran.add("cancelled"), Duration.ofSeconds(1)).cancel();
        scheduler.schedule(() -> ran.add("late"), Duration.ofHours(2));

        boolean done = scheduler.runUntil(() -> !ran.isEmpty(), t0.plus(Duration.ofHours(1)));

        assertThat(done).isFalse();
        assertThat(ran).isEmpty();
    }
}
