package io.jenkins.plugins.dataworks.runtime;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.ratelimit.RateLimitedDataWorksClient;
import io.jenkins.plugins.dataworks.engine.ratelimit.RateLimiter;
import io.jenkins.plugins.dataworks.engine.ratelimit.Sleeper;

/**
 * A DataWorks client and the rate limiter of the AccessKey it signs with, which every client of
 * that key on this controller shares. A wait ({@link DataWorksRuntime#waiter(RateLimitedClient)})
 * takes the limiter as its pacer: a poll whose slot is later moves to it on the scheduler, so no
 * poll thread waits and other keys' waits are never queued behind a throttled one. A single call
 * outside a wait goes through {@link #singleCalls()}, which waits for its slot on the calling
 * thread: never call that on the poll pool.
 */
public final class RateLimitedClient implements AutoCloseable {

    private final DataWorksClient client;
    private final RateLimiter limiter;
    private final DataWorksClient singleCalls;

    RateLimitedClient(DataWorksClient client, RateLimiter limiter, Sleeper sleeper) {
        this.client = client;
        this.limiter = limiter;
        this.singleCalls = new RateLimitedDataWorksClient(client, limiter, sleeper);
    }

    /** The client without the limiter: only a waiter that paces with {@link #limiter()} may call it. */
    DataWorksClient unpaced() {
        return client;
    }

    RateLimiter limiter() {
        return limiter;
    }

    /** The same client for calls outside a wait; each call first waits for its slot on the calling thread. */
    public DataWorksClient singleCalls() {
        return singleCalls;
    }

    @Override
    public void close() {
        client.close();
    }
}
