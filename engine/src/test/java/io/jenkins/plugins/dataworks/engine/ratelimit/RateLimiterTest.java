package io.jenkins.plugins.dataworks.engine.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock that only moves when the limiter's caller "sleeps". */
    private static final class SteppingClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void consecutiveReservationsAreSpacedByTheRate() {
        SteppingClock clock = new SteppingClock();
        RateLimiter limiter = new RateLimiter(5, clock);

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waits.add(limiter.reserve());
        }

        assertThat(waits).containsExactly(Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(600));
    }

    @Test
    void callsThatReachTheirSlotsLateAreAdmittedOneSpacingApart() {
        SteppingClock clock = new SteppingClock();
        RateLimiter limiter = new RateLimiter(5, clock);
        Instant t0 = clock.now;
        assertThat(limiter.reserve()).isZero(); // leaves at once
        assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(200));
        assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(400));

        clock.now = t0.plusMillis(900); // both callers wake only now, together

        assertThat(limiter.admit()).isZero();
        assertThat(limiter.admit()).as("the second late caller waits for the spacing after the first")
                .isEqualTo(Duration.ofMillis(200));
        assertThat(limiter.reserve()).as("a new reservation comes after the admitted call, not at the old frontier")
                .isEqualTo(Duration.ofMillis(200));
        clock.now = t0.plusMillis(1100);
        assertThat(limiter.admit()).isZero();
    }

    @Test
    void aSingleCallThatWakesAfterALateCallLeftWaitsForTheSpacing() throws InterruptedException {
        SteppingClock clock = new SteppingClock();
        RateLimiter limiter = new RateLimiter(5, clock);
        Instant t0 = clock.now;
        limiter.reserve(); // a poll leaves at t0
        limiter.reserve(); // a poll's slot at t0+0.2s
        List<Duration> sleeps = new ArrayList<>();
        Sleeper late = d -> {
            sleeps.add(d);
            if (sleeps.size() == 1) {
                clock.now = t0.plusMillis(440);
                assertThat(limiter.admit()).as("the poll, 240 ms late, leaves now").isZero();
                clock.now = t0.plusMillis(450);
            } else {
                clock.now = clock.now.plus(d);
            }
        };

        limiter.acquire(late); // its slot: t0+0.4s

        assertThat(sleeps).containsExactly(Duration.ofMillis(400), Duration.ofMillis(190));
        assertThat(clock.now).isEqualTo(t0.plusMillis(640));
    }

    @Test
    void aSleeperWhoseClockStandsStillEndsAtTheSlot() throws InterruptedException {
        SteppingClock clock = new SteppingClock();
        RateLimiter limiter = new RateLimiter(5, clock);
        limiter.reserve();
        List<Duration> sleeps = new ArrayList<>();

        limiter.acquire(sleeps::add); // a test's sleeper: records, never moves the clock

        assertThat(sleeps).containsExactly(Duration.ofMillis(200));
        assertThat(limiter.reserve()).as("the call counted as sent at its slot").isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aCallAtItsSlotOnTimeIsAdmittedAtOnce() {
        SteppingClock clock = new SteppingClock();
        RateLimiter limiter = new RateLimiter(5, clock);
        limiter.reserve();
        Duration wait = limiter.reserve();
        clock.now = clock.now.plus(wait);

        assertThat(limiter.admit()).isZero();
    }

    @Test
    void idleTimeIsNotSavedUpIntoABurst() {
        SteppingClock clock = new SteppingClock();
        RateLimiter limiter = new RateLimiter(2, clock);
        limiter.reserve();
        clock.now = clock.now.plusSeconds(60);

        assertThat(limiter.reserve()).isZero();
        assertThat(limiter.reserve()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void noOneSecondWindowHoldsMoreCallsThanTheRate() throws InterruptedException {
        SteppingClock clock = new SteppingClock();
        RateLimiter limiter = new RateLimiter(5, clock);
        List<Instant> calls = new ArrayList<>();
        DataWorksClient recording = new DataWorksClient() {
            @Override
            public MigrationSummary getMigrationSummary(MigrationRef ref) {
                calls.add(clock.now);
                return null;
            }

            @Override
            public void close() {}
        };
        // The sleeper advances the clock instead of sleeping.
        RateLimitedDataWorksClient client = new RateLimitedDataWorksClient(recording, limiter,
                d -> clock.now = clock.now.plus(d));

        for (int i = 0; i < 50; i++) {
            client.getMigrationSummary(new MigrationRef(1, 2));
        }

        assertThat(calls).hasSize(50);
        for (Instant start : calls) {
            long inWindow = calls.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(1))).count();
            assertThat(inWindow).as("calls in the second from %s", start).isLessThanOrEqualTo(5);
        }
        assertThat(Duration.between(calls.get(0), calls.get(49))).isEqualTo(Duration.ofMillis(49 * 200));
    }

    @Test
    void aSingleCallInterruptedWhileWaitingForItsSlotIsNotMade() {
        SteppingClock clock = new SteppingClock();
        RateLimiter limiter = new RateLimiter(1, clock);
        limiter.reserve(); // a wait of the same key took the current slot
        List<MigrationRef> calls = new ArrayList<>();
        DataWorksClient recording = new DataWorksClient() {
            @Override
            public MigrationSummary getMigrationSummary(MigrationRef ref) {
                calls.add(ref);
                return null;
            }

            @Override
            public void close() {}
        };
        List<Duration> waited = new ArrayList<>();
        RateLimitedDataWorksClient client = new RateLimitedDataWorksClient(recording, limiter, d -> {
            waited.add(d);
            throw new InterruptedException("cancelled"); // e.g. the gate's cancel() interrupts a download thread
        });

        try {
            assertThatThrownBy(() -> client.getMigrationSummary(new MigrationRef(1, 2)))
                    .isInstanceOf(TransientApiException.class)
                    .hasMessageContaining("interrupted while waiting for the local rate limit");
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(waited).containsExactly(Duration.ofSeconds(1));
        assertThat(calls).isEmpty();
    }

    @Test
    void registrySharesOneLimiterPerAccessKey() {
        RateLimiterRegistry registry = new RateLimiterRegistry(2, new SteppingClock());

        assertThat(registry.forAccessKey("key-a")).isSameAs(registry.forAccessKey("key-a"));
        assertThat(registry.forAccessKey("key-a")).isNotSameAs(registry.forAccessKey("key-b"));
    }

    @Test
    void rejectsARateThatIsNotPositive() {
        assertThatThrownBy(() -> new RateLimiterRegistry(0, Clock.systemUTC()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("rateLimit must be more than 0 and at most 1000 calls per second, got 0.0");
    }
}
