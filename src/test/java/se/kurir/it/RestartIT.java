package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.registry.Registry;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.KurirNode;

/**
 * Messages accepted while no consumer runs survive a restart in the Artemis journal and are delivered afterwards;
 * the registry seed is idempotent and the audit chain continues where it stopped.
 */
class RestartIT {

    private static final int MESSAGES = 40;
    private static final String QUEUE = "kurir.mailbox.2021005521.kontroll";

    @TempDir
    Path dataDir;

    @Test
    void queuedMessagesSurviveARestartAndAreDeliveredOnce() {
        List<String> ids = new ArrayList<>();
        int participants;
        try (KurirNode node = KurirNode.start(dataDir, Map.of("kurir.pipeline.consumers-auto-start", "false"))) {
            Api api = node.api();
            for (int i = 0; i < MESSAGES; i++) {
                var sent = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload());
                assertThat(sent.status()).isEqualTo(202);
                ids.add(sent.json().get("messageId").asText());
            }
            assertThat(queueDepth(node)).isEqualTo(MESSAGES);
            assertThat(api.get(Api.FORSAKRINGSKASSAN, "/api/v1/mailboxes/2021005521.kontroll/messages").json()
                    .get("messages")).isEmpty();
            participants = node.bean(Registry.class).participants().size();
        }

        try (KurirNode node = KurirNode.start(dataDir, Map.of())) {
            Api api = node.api();
            JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                    "SELECT COUNT(*) FROM messages WHERE state = 'DELIVERED'", Integer.class)).isEqualTo(MESSAGES));
            // The last delivery is recorded in the database before its broker transaction commits.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(queueDepth(node)).isZero());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM receipts WHERE receipt_type = 'DELIVERED'",
                    Integer.class)).isEqualTo(MESSAGES);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE event_type = 'MESSAGE_REQUEUED'",
                    Integer.class)).as("delivered from the journal, not repaired by a requeue").isZero();
            assertThat(MessageFlowIT.ids(api.get(Api.FORSAKRINGSKASSAN,
                    "/api/v1/mailboxes/2021005521.kontroll/messages?limit=1000").json())).containsAll(ids);
            assertThat(node.bean(Registry.class).participants()).hasSize(participants);
            var verification = api.get(Api.AUDITOR, "/api/v1/audit/verify").json();
            assertThat(verification.get("valid").asBoolean()).isTrue();
            assertThat(verification.get("recordsChecked").asLong())
                    .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE message_id IS NOT NULL", Long.class))
                    .as("accepted and delivered, once each").isEqualTo(2L * MESSAGES);
        }
    }

    private static long queueDepth(KurirNode node) {
        var server = node.bean(EmbeddedActiveMQ.class).getActiveMQServer();
        var queue = server.locateQueue(SimpleString.of(QUEUE));
        return queue == null ? 0 : queue.getMessageCount();
    }
}
