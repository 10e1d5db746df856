package io.jenkins.plugins.dataworks.benchmarks;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import java.util.concurrent.atomic.LongAdder;

/** Counts the calls made through a client, failed ones included. */
final class CountingClient implements DataWorksClient {

    private final DataWorksClient delegate;
    private final LongAdder calls = new LongAdder();
    private final LongAdder failures = new LongAdder();

    CountingClient(DataWorksClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public MigrationSummary getMigrationSummary(MigrationRef ref) throws DataWorksException {
        calls.increment();
        try {
            return delegate.getMigrationSummary(ref);
        } catch (RuntimeException e) {
            failures.increment();
            throw e;
        }
    }

    long calls() {
        return calls.sum();
    }

    long failures() {
        return failures.sum();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
