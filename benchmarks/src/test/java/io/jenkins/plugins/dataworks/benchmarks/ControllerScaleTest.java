package io.jenkins.plugins.dataworks.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Benchmark 7's reading of strace logs and of the emulator's call log. */
class ControllerScaleTest {

    private static final String HOME = "/t/tmp/j h1";

    @Test
    void writesCountAsTheFileTheirTemporaryFileBecameByKindAndWindow() {
        List<String> log = List.of(
                "101 1000.000100 write(7</t/tmp/j h1/jobs/gate/builds/3/atomic123.tmp>, \"\"..., 8192) = 8192",
                "101 1000.000200 write(7</t/tmp/j h1/jobs/gate/builds/3/atomic123.tmp>, \"\"..., 100) = 100",
                "101 1000.000300 fsync(7</t/tmp/j h1/jobs/gate/builds/3/atomic123.tmp>) = 0",
                "101 1000.000400 rename(\"/t/tmp/j h1/jobs/gate/builds/3/atomic123.tmp\", \"/t/tmp/j h1/jobs/gate/builds/3/program.dat\") = 0",
                "102 1000.100000 write(9</t/tmp/j h1/jobs/gate/builds/3/log>, \"\"..., 57 <unfinished ...>",
                "103 1000.100001 write(1<pipe:[123]>, \"\"..., 10) = 10",
                "102 1000.100002 <... write resumed>) = 57",
                "104 1000.200000 writev(5</t/tmp/j h1/jobs/gate/builds/3/build.xml-atomic77tmp>, [{iov_base=\"\"..., iov_len=3}], 1) = 3",
                "104 1000.200001 write(5</t/tmp/j h1/jobs/gate/builds/4/atomic88.tmp>, \"\"..., 5) = 5",
                "104 1000.200002 fsync(5</t/tmp/j h1/jobs/gate/builds/4>) = 0",
                "104 1000.300000 write(5</t/tmp/j h1/jobs/gate/builds/3/workflow/4.xml>, \"\"..., 40) = 40",
                "104 1000.400000 write(5</t/tmp/j h1/workspace/gate@tmp/durable-1/jenkins-log.txt>, \"\"..., 6) = 6",
                "104 1000.500000 write(5</t/tmp/j h1/jobs/gate/nextBuildNumber>, \"\"..., 2) = 2",
                "104 1000.600000 write(5</t/tmp/j h1/queue.xml>, \"\"..., 9) = 9",
                "104 1000.700000 write(5</t/tmp/j h2/jobs/gate/builds/1/log>, \"\"..., 1000) = 1000",
                "104 1000.800000 write(5</t/tmp/j h1/jobs/gate/builds/3/archive/p.zip>, \"\"..., 64) = 64",
                "104 1005.000000 write(5</t/tmp/j h1/jobs/gate/builds/3/log>, \"\"..., 77) = 77",
                "104 1000.900000 write(5</t/tmp/j h1/jobs/gate/builds/3/log>, \"\"..., 0) = -1 ENOSPC (No space left)");

        HomeWrites.Tally t = HomeWrites.parse(log, "/t/tmp").tally(HOME, 1_000_000, 1_001_000);

        assertThat(t.bytes()).containsEntry("program.dat", 8297L).containsEntry("build log", 57L)
                .containsEntry("build.xml", 3L).containsEntry("flow nodes", 40L).containsEntry("workspace", 6L)
                .containsEntry("job files", 2L).containsEntry("other", 9L).containsEntry("archived package", 64L);
        assertThat(t.fsyncs()).containsEntry("program.dat", 1L).containsEntry("directories", 1L);
        assertThat(t.totalBytes()).isEqualTo(8297 + 57 + 3 + 40 + 6 + 2 + 9 + 64);
        assertThat(t.totalFsyncs()).isEqualTo(2);
    }

    @Test
    void callLogCountsPerMigrationAndTheBusiestWindow() {
        CallLog log = CallLog.parse("7:1000000 8:1000100 7:1500000 8:2000000 7:2000001 9:2999999");

        assertThat(log.size()).isEqualTo(6);
        assertThat(log.perMigration()).containsEntry(7L, 3).containsEntry(8L, 2).containsEntry(9L, 1);
        assertThat(log.lastCall()).containsEntry(7L, 2000001L).containsEntry(8L, 2000000L);
        assertThat(log.maxInWindow(1_000_000)).isEqualTo(4); // 1000100, 1500000, 2000000, 2000001
        assertThat(log.maxInWindow(1)).isEqualTo(1);
        assertThat(log.firstCallSince(1_500_000)).containsEntry(7L, 1500000L).containsEntry(8L, 2000000L)
                .doesNotContainKey(6L);
        assertThat(log.since(2_000_000).size()).isEqualTo(3);
        assertThat(CallLog.parse("none").size()).isZero();
    }
}
