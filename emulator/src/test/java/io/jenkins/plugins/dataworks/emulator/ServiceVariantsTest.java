package io.jenkins.plugins.dataworks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.emulator.scenario.ScenarioFile;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import io.jenkins.plugins.dataworks.emulator.scenario.SecondStart;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The answers DataWorks' reference leaves open, each of which the emulator can give: no replay
 * check on the SignatureNonce, the three plausible answers to a second StartMigration, another
 * error code for a taken name.
 */
class ServiceVariantsTest {

    private static final String KEY = Scenarios.DEMO_ACCESS_KEY_ID;
    private static final String SECRET = Scenarios.DEMO_ACCESS_KEY_SECRET;
    private final IAcsClient client = Sdk.client(KEY, SECRET);

    private static DataWorksEmulator start(Scenario.Builder scenario) {
        return DataWorksEmulator.builder().scenario(scenario.build()).build().start();
    }

    private static Map<String, String> summaryParams(String nonce) {
        Map<String, String> p = RawRpc.params("GetMigrationSummary", KEY, Instant.now(), nonce);
        p.put("ProjectId", "10001");
        p.put("MigrationId", "20001");
        return p;
    }

    @Test
    void withoutTheNonceCheckAReplayedRequestIsPerformedAgainAndLoggedTwice() throws Exception {
        try (DataWorksEmulator emulator = start(Scenarios.demo().toBuilder().checkNonces(false))) {
            RawRpc raw = new RawRpc(emulator.endpoint());
            Map<String, String> request = summaryParams(UUID.randomUUID().toString());

            assertThat(raw.signedGet(request, SECRET).status()).isEqualTo(200);
            assertThat(raw.signedGet(request, SECRET).status()).isEqualTo(200);

            assertThat(emulator.calls()).extracting(c -> c.params().get("SignatureNonce"))
                    .containsExactly(request.get("SignatureNonce"), request.get("SignatureNonce"));
            assertThat(emulator.migration(20001).pollsAnswered()).as("both copies were performed").isEqualTo(2);
        }
    }

    @Test
    void byDefaultAReplayedRequestIsRefused() throws Exception {
        try (DataWorksEmulator emulator = start(Scenarios.demo().toBuilder())) {
            RawRpc raw = new RawRpc(emulator.endpoint());
            Map<String, String> request = summaryParams(UUID.randomUUID().toString());

            assertThat(raw.signedGet(request, SECRET).status()).isEqualTo(200);
            assertThat(raw.signedGet(request, SECRET).code()).isEqualTo("SignatureNonceUsed");
            assertThat(emulator.migration(20001).pollsAnswered()).isEqualTo(1);
        }
    }

    private static CommonRequest startMigration(DataWorksEmulator emulator, long id) {
        CommonRequest start = Sdk.dataworks(emulator, "StartMigration");
        start.putBodyParameter("ProjectId", "10001");
        start.putBodyParameter("MigrationId", String.valueOf(id));
        return start;
    }

    private long createExport(DataWorksEmulator emulator, String name) throws ClientException {
        CommonRequest create = Sdk.dataworks(emulator, "CreateExportMigration");
        create.putBodyParameter("ProjectId", "10001");
        create.putBodyParameter("Name", name);
        create.putBodyParameter("ExportMode", "FULL");
        create.putBodyParameter("ExportObjectStatus", "SUBMITTED");
        return Sdk.call(client, create).get("Data").getAsLong();
    }

    private String status(DataWorksEmulator emulator, long id) throws ClientException {
        return Sdk.call(client, Sdk.summary(emulator, 10001, id)).getAsJsonObject("Data").get("Status").getAsString();
    }

    @Test
    void aSecondStartAnswersFalseByDefault() throws Exception {
        try (DataWorksEmulator emulator = start(Scenarios.demo().toBuilder())) {
            long id = createExport(emulator, "twice");
            assertThat(Sdk.call(client, startMigration(emulator, id)).get("Data").getAsBoolean()).isTrue();

            assertThat(Sdk.call(client, startMigration(emulator, id)).get("Data").getAsBoolean()).isFalse();
            assertThat(emulator.migration(id).starts()).isEqualTo(1);
        }
    }

    @Test
    void aSecondStartCanBeRefusedWithAnError() throws Exception {
        try (DataWorksEmulator emulator = start(Scenarios.demo().toBuilder().secondStart(SecondStart.REFUSE))) {
            long id = createExport(emulator, "twice");
            assertThat(Sdk.call(client, startMigration(emulator, id)).get("Data").getAsBoolean()).isTrue();

            ClientException e = catchThrowableOfType(ClientException.class, () -> Sdk.call(client, startMigration(emulator, id)));
            assertThat(e.getErrCode()).isEqualTo("Invalid.Migration.AlreadyStarted");
            assertThat(emulator.calls().get(emulator.calls().size() - 1).httpStatus()).isEqualTo(400);
            assertThat(emulator.migration(id).starts()).isEqualTo(1);
        }
    }

    @Test
    void aSecondStartCanRunTheMigrationAgain() throws Exception {
        try (DataWorksEmulator emulator = start(Scenarios.demo().toBuilder().secondStart(SecondStart.RUN_AGAIN))) {
            long id = createExport(emulator, "twice");
            assertThat(Sdk.call(client, startMigration(emulator, id)).get("Data").getAsBoolean()).isTrue();
            for (int i = 0; i < 4; i++) {
                status(emulator, id);
            }
            assertThat(status(emulator, id)).isEqualTo("EXPORT_SUCCESS");

            assertThat(Sdk.call(client, startMigration(emulator, id)).get("Data").getAsBoolean()).isTrue();

            assertThat(emulator.migration(id).starts()).isEqualTo(2);
            assertThat(status(emulator, id)).as("its timeline runs from the start again").isEqualTo("EXPORTING");
        }
    }

    @Test
    void aTakenNameCanBeAnsweredWithAnotherCode() throws Exception {
        try (DataWorksEmulator emulator = start(Scenarios.demo().toBuilder().duplicateNameCode("InvalidParameter"))) {
            createExport(emulator, "taken");

            ClientException e = catchThrowableOfType(ClientException.class, () -> createExport(emulator, "taken"));

            assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
            assertThat(emulator.calls()).extracting(CallRecord::httpStatus).containsExactly(200, 400);
        }
    }

    @Test
    void scenarioFilesSetTheVariants() {
        Scenario s = ScenarioFile.parse("{\"checkNonces\": false, \"secondStart\": \"RUN_AGAIN\","
                + " \"duplicateNameCode\": \"Conflict.Name\"}", Instant.EPOCH, null);
        Scenario defaults = ScenarioFile.parse("{}", Instant.EPOCH, null);

        assertThat(List.of(s.checkNonces(), s.secondStart(), s.duplicateNameCode()))
                .containsExactly(false, SecondStart.RUN_AGAIN, "Conflict.Name");
        assertThat(List.of(defaults.checkNonces(), defaults.secondStart(), defaults.duplicateNameCode()))
                .containsExactly(true, SecondStart.ANSWER_FALSE, "Invalid.Migration.NameDuplicated");
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThatThrownBy(() -> ScenarioFile.parse("{\"secondStart\": \"IGNORE\"}", Instant.EPOCH, null))
                .hasMessage("secondStart must be ANSWER_FALSE, REFUSE or RUN_AGAIN, not IGNORE");
    }
}
