package io.jenkins.plugins.dataworks.benchmarks;

import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import java.lang.management.ManagementFactory;

/**
 * Benchmark 4, CPU side: sequential GetMigrationSummary calls from one thread; CPU time per call
 * of that thread and of the whole client process (JIT and GC included), next to wall time.
 *
 * <p>Args: endpoint calls
 */
public final class PollCpuChild {

    private PollCpuChild() {}

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        int calls = Integer.parseInt(args[1]);
        MigrationRef ref = new MigrationRef(EmulatorHost.PROJECT_ID, PollCostBenchmark.MIGRATION_ID);
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (DataWorksClient client = Clients.create(endpoint)) {
            for (int i = 0; i < calls / 2; i++) {
                client.getMigrationSummary(ref);
            }
            long thread0 = threads.getCurrentThreadCpuTime();
            long process0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                client.getMigrationSummary(ref);
            }
            JsonObject r = new JsonObject();
            r.addProperty("calls", calls);
            r.addProperty("threadCpuMicros", (threads.getCurrentThreadCpuTime() - thread0) / 1e3 / calls);
            r.addProperty("processCpuMicros", (os.getProcessCpuTime() - process0) / 1e3 / calls);
            r.addProperty("wallMicros", (System.nanoTime() - wall0) / 1e3 / calls);
            ChildJvm.emit(r);
        }
    }
}
