package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.IntegrationTest;

/** A client-chosen messageId makes the post idempotent: same answer, one message, one delivery. */
class IdempotencyIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void samePostTwiceGivesTheSameAnswerAndOneDelivery() {
        String id = UUID.randomUUID().toString();
        String envelope = Envelopes.inkomstuppgift(id);
        byte[] payload = Envelopes.payload();

        var first = api.sendMessage(Api.SKATTEVERKET, envelope, payload);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(state(id)));
        var second = api.sendMessage(Api.SKATTEVERKET, envelope, payload);

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(second.header("Kurir-Duplicate")).isEqualTo("true");
        assertThat(first.header("Kurir-Duplicate")).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM receipts WHERE message_id = ? AND receipt_type = ?",
                Integer.class, id, "DELIVERED")).isEqualTo(1);
        var audit = api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json();
        assertThat(MessageFlowIT.types(audit, "type")).containsExactly("MESSAGE_ACCEPTED", "MESSAGE_DELIVERED");
    }

    @Test
    void messageIdOfAnotherSenderIsAConflict() {
        String id = UUID.randomUUID().toString();
        assertThat(api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(id), Envelopes.payload()).status())
                .isEqualTo(202);

        var squatter = api.sendMessage(Api.POLISEN, Envelopes.inkomstuppgift(id), Envelopes.payload());

        assertThat(squatter.status()).isEqualTo(409);
        assertThat(squatter.json().get("code").asText()).isEqualTo("MESSAGE_ID_CONFLICT");
        assertThat(jdbc.queryForObject("SELECT sender FROM messages WHERE message_id = ?", String.class, id))
                .isEqualTo("2021005448");
    }

    private String state(String id) {
        return jdbc.queryForObject("SELECT state FROM messages WHERE message_id = ?", String.class, id);
    }
}
