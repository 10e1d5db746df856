package io.jenkins.plugins.dataworks.engine.wait;

import java.util.random.RandomGenerator;

/** Always draws the same double: pins jitter at its lowest (0.0) or highest (just below 1.0) value. */
record FixedRandom(double value) implements RandomGenerator {

    static final FixedRandom LOWEST = new FixedRandom(0.0);
    static final FixedRandom MIDDLE = new FixedRandom(0.5);
    static final FixedRandom HIGHEST = new FixedRandom(Math.nextDown(1.0));

    @Override
    public double nextDouble() {
        return value;
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("the waiter only draws doubles");
    }
}
