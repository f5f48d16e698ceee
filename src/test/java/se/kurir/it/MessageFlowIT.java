package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.delivery.MailboxDelivery;
import se.kurir.delivery.MessageIntake;
import se.kurir.delivery.Submission;
import se.kurir.envelope.JsonEnvelopeReader;
import se.kurir.payload.PayloadStore;
import se.kurir.payload.Sha256;
import se.kurir.policy.PolicyDecision;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.IntegrationTest;
import se.kurir.support.StoredPayloads;

/** The core story: Skatteverket sends, Försäkringskassan lists, reads, fetches and acknowledges; receipts follow. */
class MessageFlowIT extends IntegrationTest {

    private static final String MAILBOX = "/api/v1/mailboxes/2021005521.kontroll/messages";

    @Autowired
    MessageIntake intake;
    @Autowired
    MailboxDelivery delivery;
    @Autowired
    PayloadStore payloads;
    @Autowired
    JsonEnvelopeReader envelopes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CamelContext camel;
    @Value("${kurir.payload.directory}")
    Path payloadDirectory;

    @Test
    void messageTravelsFromSenderToRecipientWithReceiptsAndAudit() throws Exception {
        byte[] payload = Envelopes.payload();
        var sent = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), payload);
        assertThat(sent.status()).isEqualTo(202);
        String id = sent.json().get("messageId").asText();
        assertThat(sent.json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(sent.header("Location")).isEqualTo("/api/v1/messages/" + id + "/receipts");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids(api.get(Api.FORSAKRINGSKASSAN,
                MAILBOX + "?state=DELIVERED").json())).contains(id));

        var envelope = api.get(Api.FORSAKRINGSKASSAN, MAILBOX + "/" + id).json();
        assertThat(envelope.get("sender").asText()).isEqualTo("2021005448");
        assertThat(envelope.at("/envelope/legalBasis/provision").asText()).isEqualTo("10 kap. 15 a §");
        assertThat(envelope.at("/payload/size").asLong()).isEqualTo(payload.length);

        var fetched = api.get(Api.FORSAKRINGSKASSAN, MAILBOX + "/" + id + "/payload");
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.raw().body()).isEqualTo(payload);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload);
        assertThat(fetched.header("Repr-Digest")).isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(digest)
                + ":");

        var ack = api.post(Api.FORSAKRINGSKASSAN, MAILBOX + "/" + id + "/ack", null);
        assertThat(ack.json().get("state").asText()).isEqualTo("ACKNOWLEDGED");
        api.post(Api.FORSAKRINGSKASSAN, MAILBOX + "/" + id + "/ack", null);

        var receipts = api.get(Api.SKATTEVERKET, "/api/v1/messages/" + id + "/receipts").json().get("receipts");
        assertThat(types(receipts, "type")).containsExactly("ACCEPTED", "DELIVERED", "FETCHED", "ACKNOWLEDGED");
        receipts.forEach(r -> assertThat(r.get("at").asText()).isNotBlank());

        var audit = api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json();
        assertThat(types(audit, "type")).containsExactly("MESSAGE_ACCEPTED", "MESSAGE_DELIVERED", "MESSAGE_FETCHED",
                "MESSAGE_ACKNOWLEDGED");
        audit.forEach(r -> {
            assertThat(r.get("legalBasis").asText()).contains("SFS 2009:400 10 kap. 15 a §");
            assertThat(r.toString()).doesNotContain(Envelopes.SYNTHETIC_PERSONNUMMER);
        });
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void mailboxListingFiltersByStateProductAndTime() {
        String id = accepted();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids(api.get(Api.FORSAKRINGSKASSAN,
                MAILBOX).json())).contains(id));
        assertThat(ids(api.get(Api.FORSAKRINGSKASSAN, MAILBOX + "?product=inkomstuppgift").json())).contains(id);
        assertThat(ids(api.get(Api.FORSAKRINGSKASSAN, MAILBOX + "?product=foretagsforandring").json()))
                .doesNotContain(id);
        assertThat(ids(api.get(Api.FORSAKRINGSKASSAN, MAILBOX + "?state=ACKNOWLEDGED").json())).doesNotContain(id);
        assertThat(ids(api.get(Api.FORSAKRINGSKASSAN, MAILBOX + "?since=2999-01-01T00:00:00Z").json())).isEmpty();
        var badState = api.get(Api.FORSAKRINGSKASSAN, MAILBOX + "?state=REJECTED");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.json().get("detail").asText()).startsWith("state:");
    }

    @Test
    void aSmallPayloadIsKeptInTheRowWrittenWithItsMessageAndALargeOneInAFile() throws Exception {
        byte[] small = Envelopes.payload();
        byte[] large = ("{\"personnummer\": \"" + Envelopes.SYNTHETIC_PERSONNUMMER + "\", \"bilaga\": \""
                + "0123456789".repeat(10_000) + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        var atRest = new StoredPayloads(payloadDirectory, jdbc);

        for (byte[] payload : List.of(small, large)) {
            var sent = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), payload);
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
            String id = sent.json().get("messageId").asText();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get(Api.FORSAKRINGSKASSAN,
                    MAILBOX + "/" + id).json().get("state").asText()).isEqualTo("DELIVERED"));
            assertThat(api.get(Api.FORSAKRINGSKASSAN, MAILBOX + "/" + id + "/payload").raw().body())
                    .isEqualTo(payload);
        }

        String smallSha = Sha256.of(small);
        assertThat(atRest.inRow(smallSha)).as("64 KB and below: in its row").isTrue();
        assertThat(atRest.inFile(smallSha)).isFalse();
        String largeSha = Sha256.of(large);
        assertThat(atRest.inFile(largeSha)).as("above: the claim check").isTrue();
        assertThat(atRest.inRow(largeSha)).isFalse();
    }

    @Test
    void messagesQueuedForAPullMailboxAreDeliveredInRunsOfOneBrokerTransactionEach() throws Exception {
        String route = "delivery-mailbox-2021005521.kontroll";
        double runsBefore = api.metric("kurir_delivery_run_messages_count");
        double deliveredBefore = api.metric("kurir_delivery_run_messages_sum");
        List<String> sent = new ArrayList<>();
        camel.getRouteController().stopRoute(route);
        try {
            for (int i = 0; i < 24; i++) {
                var answer = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload());
                assertThat(answer.status()).as(answer.body()).isEqualTo(202);
                sent.add(answer.json().get("messageId").asText());
            }
        } finally {
            camel.getRouteController().startRoute(route);
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sent).allSatisfy(id -> {
            var message = api.get(Api.FORSAKRINGSKASSAN, MAILBOX + "/" + id);
            assertThat(message.status()).as("in the mailbox").isEqualTo(200);
            assertThat(message.json().get("state").asText()).isEqualTo("DELIVERED");
        }));
        double runs = api.metric("kurir_delivery_run_messages_count") - runsBefore;
        double delivered = api.metric("kurir_delivery_run_messages_sum") - deliveredBefore;
        assertThat(delivered).as("every queued message taken once").isEqualTo(sent.size());
        assertThat(runs).as("fewer broker transactions than messages").isLessThan(delivered);
        for (String id : sent) {
            assertThat(types(api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json(), "type"))
                    .containsExactly("MESSAGE_ACCEPTED", "MESSAGE_DELIVERED");
        }
    }

    @Test
    void acceptedMessageWhoseHandOverFailedIsRequeuedAndDeliveredOnce() {
        String id = UUID.randomUUID().toString();
        var envelope = envelopes.read(Envelopes.inkomstuppgift(id).getBytes()).withAssignedIds();
        var stored = payloads.store(new java.io.ByteArrayInputStream(Envelopes.payload()), 1024);
        // Admitted without the pipeline's enqueue step: exactly the state a failed broker send leaves behind.
        intake.admit(new Submission("2021005448", envelope, stored, "application/json", "TEST"),
                PolicyDecision.accept("skv-fk-inkomstuppgift"));
        payloads.release(stored); // from here on, the payload is read from where its admission put it

        // "Unchanged for at least minus one second": every accepted message, however fresh, including this one.
        assertThat(delivery.requeueStale(Duration.ofSeconds(-1), 10_000)).isGreaterThanOrEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(types(api.get(Api.SKATTEVERKET,
                "/api/v1/messages/" + id + "/receipts").json().get("receipts"), "type"))
                .containsExactly("ACCEPTED", "DELIVERED"));
        var audit = api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json();
        assertThat(types(audit, "type")).containsExactly("MESSAGE_ACCEPTED", "MESSAGE_REQUEUED", "MESSAGE_DELIVERED");
    }

    private String accepted() {
        var sent = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload());
        assertThat(sent.status()).isEqualTo(202);
        return sent.json().get("messageId").asText();
    }

    static List<String> ids(JsonNode listing) {
        List<String> ids = new ArrayList<>();
        listing.get("messages").forEach(m -> ids.add(m.get("messageId").asText()));
        return ids;
    }

    static List<String> types(JsonNode array, String field) {
        List<String> types = new ArrayList<>();
        array.forEach(n -> types.add(n.get(field).asText()));
        return types;
    }
}
