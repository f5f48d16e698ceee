package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
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

    @Autowired
    HazelcastInstance hazelcast;

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

    @Test
    void aClaimLeftByARequestThatDiedWithItsNodeIsTakenOverAfterTheTimeout() {
        String id = UUID.randomUUID().toString();
        String key = "2021005448/" + id;
        // What a node that died between claiming the messageId and admitting the message leaves in the cluster map.
        claims().set(key, System.currentTimeMillis() - Duration.ofMinutes(16).toMillis());

        var retry = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(id), Envelopes.payload());

        assertThat(retry.status()).as(retry.body()).isEqualTo(202);
        assertThat(retry.header("Kurir-Duplicate")).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(state(id)));
        assertThat(claims().get(key)).as("confirmed once admitted, never to be taken over").isEqualTo(-1L);
    }

    @Test
    void aClaimOfARequestStillInFlightIsNotTakenOver() {
        String id = UUID.randomUUID().toString();
        claims().set("2021005448/" + id, System.currentTimeMillis());

        var retry = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(id), Envelopes.payload());

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.json().get("code").asText()).isEqualTo("DUPLICATE_IN_PROGRESS");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM messages WHERE message_id = ?", Integer.class, id))
                .isZero();
    }

    private IMap<String, Long> claims() {
        return hazelcast.getMap("kurir-submitted-messages");
    }

    private String state(String id) {
        return jdbc.queryForObject("SELECT state FROM messages WHERE message_id = ?", String.class, id);
    }
}
