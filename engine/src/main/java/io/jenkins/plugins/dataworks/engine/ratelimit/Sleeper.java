package io.jenkins.plugins.dataworks.engine.ratelimit;

import java.time.Duration;

/** Waits on the current thread; injectable so tests advance a clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
}
