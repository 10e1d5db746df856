package io.jenkins.plugins.dataworks.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static DoubleSupplier fixed(FixedRandom r) {
        return r::nextDouble;
    }

    @Test
    void pollDelayStaysInTheBandCentredOnTheInterval() {
        assertThat(Backoff.pollDelay(MINUTE, 0.2, fixed(FixedRandom.LOWEST))).isEqualTo(Duration.ofSeconds(54));
        assertThat(Backoff.pollDelay(MINUTE, 0.2, fixed(FixedRandom.MIDDLE))).isEqualTo(MINUTE);
        assertThat(Backoff.pollDelay(MINUTE, 0.2, fixed(FixedRandom.HIGHEST))).isEqualTo(Duration.ofSeconds(66));
        assertThat(Backoff.pollDelay(MINUTE, 0.0, fixed(FixedRandom.HIGHEST))).isEqualTo(MINUTE);
        assertThat(Backoff.pollDelay(MINUTE, 1.0, fixed(FixedRandom.LOWEST))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void pollDelayOfARealRandomIsInBoundsAndSpreadsOut() {
        Random random = new Random(7);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 10_000; i++) {
            long ms = Backoff.pollDelay(MINUTE, 0.2, random::nextDouble).toMillis();
            assertThat(ms).isBetween(54_000L, 66_000L);
            min = Math.min(min, ms);
            max = Math.max(max, ms);
        }
        assertThat(min).isLessThan(55_000L);
        assertThat(max).isGreaterThan(65_000L);
    }

    @Test
    void intervalGrowsByTheMultiplierUpToTheCap() {
        Duration max = Duration.ofSeconds(150);
        Duration d = Duration.ofSeconds(15);
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            seen.append(d.toMillis()).append(' ');
            d = Backoff.grow(d, 1.5, max);
        }
        assertThat(seen.toString().trim()).isEqualTo("15000 22500 33750 50625 75938 113907 150000 150000");
        assertThat(Backoff.grow(max, 1.0, max)).isEqualTo(max);
    }

    @Test
    void retryCeilingDoublesFromTheBaseUpToTheCap() {
        Duration base = Duration.ofSeconds(15);
        Duration cap = Duration.ofSeconds(150);
        DoubleSupplier top = fixed(FixedRandom.HIGHEST);
        assertThat(Backoff.retryDelay(1, base, cap, top)).isEqualTo(Duration.ofSeconds(15));
        assertThat(Backoff.retryDelay(2, base, cap, top)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.retryDelay(3, base, cap, top)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Backoff.retryDelay(4, base, cap, top)).isEqualTo(Duration.ofSeconds(120));
        assertThat(Backoff.retryDelay(5, base, cap, top)).isEqualTo(cap);
        assertThat(Backoff.retryDelay(1_000, base, cap, top)).as("no overflow after many errors").isEqualTo(cap);
    }

    @Test
    void retryDelayIsFullJitterWithAFloor() {
        Duration base = Duration.ofSeconds(15);
        Duration cap = Duration.ofSeconds(150);
        assertThat(Backoff.retryDelay(3, base, cap, fixed(FixedRandom.LOWEST))).isEqualTo(Backoff.MIN_RETRY_DELAY);
        assertThat(Backoff.retryDelay(3, base, cap, fixed(FixedRandom.MIDDLE))).isEqualTo(Duration.ofSeconds(30));
        Random random = new Random(11);
        long below = 0;
        for (int i = 0; i < 10_000; i++) {
            long ms = Backoff.retryDelay(3, base, cap, random::nextDouble).toMillis();
            assertThat(ms).isBetween(Backoff.MIN_RETRY_DELAY.toMillis(), 60_000L);
            if (ms < 30_000) {
                below++;
            }
        }
        // Full jitter: about half the draws fall in the lower half of [0, 60 s].
        assertThat(below).isBetween(4_500L, 5_500L);
    }
}
