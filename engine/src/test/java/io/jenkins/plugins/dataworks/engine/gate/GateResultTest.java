package io.jenkins.plugins.dataworks.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationTask;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome.Result;
import io.jenkins.plugins.dataworks.engine.wait.WaitPolicy;
import io.jenkins.plugins.dataworks.engine.wait.WaitSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The failed sub-tasks on their way from a wait's outcome to the map a script and the JSON read. */
class GateResultTest {

    private static final Instant T0 = Instant.parse("2025-01-06T08:00:00Z");
    private static final List<MigrationTask> FAILED = List.of(new MigrationTask("ParsePackage", "FAILURE"),
            new MigrationTask("ImportObjects", "FAILURE"));

    private static WaitOutcome outcome(List<MigrationTask> failed) {
        WaitSnapshot s = new WaitSnapshot(new MigrationRef(2002, 20011), WaitPolicy.defaults(), T0,
                T0.plus(Duration.ofHours(2)), T0.plusSeconds(60), Duration.ofSeconds(15), 3, 0, "IMPORT_ERROR",
                T0.plusSeconds(60), "RID-2", T0.plusSeconds(60), false);
        return new WaitOutcome(Result.FAILED, null, UserText.of("migration 20011 ended with IMPORT_ERROR"), null, s,
                failed);
    }

    @Test
    void failedTasksBecomeAListOfPlainMaps() {
        GateResult g = GateResult.of(outcome(FAILED), null, null);

        assertThat(g.failedTasks()).isEqualTo(FAILED);
        Map<String, Object> m = g.toMap();
        assertThat(m.get("failedTasks")).isEqualTo(List.of(Map.of("name", "ParsePackage", "status", "FAILURE"),
                Map.of("name", "ImportObjects", "status", "FAILURE")));
        assertThat(PromotionResultTest.plainValues(m)).isTrue();
    }

    @Test
    void noFailedTasksNoKey() {
        GateResult g = GateResult.of(outcome(List.of()), null, null);

        assertThat(g.failedTasks()).isEmpty();
        assertThat(g.toMap()).doesNotContainKey("failedTasks");
        GateResult old = new GateResult(Result.SUCCESS, "EXPORT_SUCCESS", "n", 1, 2, null, null, null, 1, null, null,
                -1, "m");
        assertThat(old.failedTasks()).isEmpty();
        assertThat(new WaitOutcome(Result.SUCCESS, null, "m", null, null).failedTasks()).isEmpty();
    }

    @Test
    void derivedResultsKeepTheFailedTasks() {
        GateResult g = GateResult.of(outcome(FAILED), null, null);

        assertThat(g.withApiCalls(9).failedTasks()).isEqualTo(FAILED);
        assertThat(g.withApiCalls(9).apiCalls()).isEqualTo(9);
        assertThat(g.withVerdict(Result.ERROR, "download failed").failedTasks()).isEqualTo(FAILED);
        assertThat(g.withPackage("p.zip", "ab", 3).failedTasks()).isEqualTo(FAILED);
    }

    @Test
    void callerListIsCopied() {
        List<MigrationTask> mutable = new ArrayList<>(FAILED);
        GateResult g = GateResult.of(outcome(mutable), null, null);
        mutable.clear();

        assertThat(g.failedTasks()).hasSize(2);
    }

    @Test
    void survivesJavaSerializationWithFailedTasks() throws Exception {
        GateResult g = GateResult.of(outcome(new ArrayList<>(FAILED)), null, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(g);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(g);
        }
    }
}
