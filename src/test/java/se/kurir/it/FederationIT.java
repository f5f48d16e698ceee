package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.crypto.Pem;
import se.kurir.delivery.MailboxAccess;
import se.kurir.delivery.MessageIntake;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.FederatedNodes;
import se.kurir.support.KurirNode;

/**
 * Two federated nodes, each with its own database, broker and payload store, talking over loopback mutual TLS: node
 * B serves Migrationsverket, node A everyone else, as each one's directory says. Messages from A's participants reach
 * Migrationsverket at B and its receipts come back to A; a message held for review is reviewed once, at A; B down
 * for a while gets everything after, crisis traffic first; crisis mode holds bulk back; a certificate the directory
 * does not name is refused, and so is a peer speaking for a participant it does not serve; a message the peer
 * refuses is a dead letter at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationIT {

    private static final String MIGRATIONSVERKET = FederatedNodes.MIGRATIONSVERKET;
    private static final String IDENTITET = FederatedNodes.IDENTITET;

    private static FederatedNodes nodes;
    private static KurirNode a;

    @BeforeAll
    static void start() throws Exception {
        nodes = FederatedNodes.start(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "federation-it-"),
                Map.of("kurir.federation.retry-after", "1s", "kurir.federation.receipt-interval", "200ms"));
        a = nodes.a();
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    private static KurirNode b() {
        return nodes.b();
    }

    private static int federationPortOfB() {
        return nodes.federationPort("node-b");
    }

    @Test
    void aSealedMessageCrossesToItsRecipientsNodeAndTheReceiptsComeBack() throws Exception {
        String id = UUID.randomUUID().toString();
        var sent = a.api().sendMessage(Api.POLISEN, utredningsunderlag(id), Envelopes.payload());
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> receipts(id).contains("DELIVERED"));
        var message = b().api().get(Api.MIGRATIONSVERKET, "/api/v1/mailboxes/" + IDENTITET + "/messages/" + id);
        assertThat(message.status()).as(message.body()).isEqualTo(200);
        var payload = b().api().get(Api.MIGRATIONSVERKET, "/api/v1/mailboxes/" + IDENTITET + "/messages/" + id
                + "/payload");
        assertThat(payload.status()).isEqualTo(200);
        assertThat(payload.header("Content-Type")).as("sealed at A, for Migrationsverket's key")
                .startsWith("application/cms");
        assertThat(new String(payload.raw().body(), StandardCharsets.ISO_8859_1))
                .doesNotContain(Envelopes.SYNTHETIC_PERSONNUMMER);
        assertThat(b().api().post(Api.MIGRATIONSVERKET, "/api/v1/mailboxes/" + IDENTITET + "/messages/" + id + "/ack",
                "{}").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> receipts(id).contains("ACKNOWLEDGED"));
        assertThat(receipts(id)).containsSubsequence("ACCEPTED", "DELIVERED", "FETCHED", "ACKNOWLEDGED");

        assertThat(a.api().auditRecord(id, "PAYLOAD_SEALED").toString()).contains("RSA_OAEP");
        assertThat(a.api().auditRecord(id, "MESSAGE_DELIVERED").toString()).contains("node-b");
        assertThat(a.api().auditRecord(id, "MESSAGE_ACKNOWLEDGED").get("actor").asText()).isEqualTo("node:node-b");
        assertThat(b().api().auditRecord(id, "MESSAGE_ACCEPTED").toString()).contains("PEER").contains("node-a");
        assertThat(b().api().auditRecord(id, "SIGNATURE_CHECKED").toString()).contains("VALID");
        assertThat(b().api().auditRecord(id, "MESSAGE_ACKNOWLEDGED").get("actor").asText()).isEqualTo(MIGRATIONSVERKET);
        for (KurirNode node : List.of(a, b())) {
            assertThat(node.api().get(Api.AUDITOR, "/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
        }
    }

    /**
     * Migrationsverket reports an error about a message it has not fetched (as an SHS error message does, through the
     * same service at B): B quarantines it, and both receipts reach the sender at A with the error's code.
     */
    @Test
    void anErrorTheRecipientReportsAtItsNodeComesBackAsReceipts() {
        String id = UUID.randomUUID().toString();
        assertThat(a.api().sendMessage(Api.POLISEN, utredningsunderlag(id), Envelopes.payload()).status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(state(b(), id)));

        b().bean(MailboxAccess.class).reportError(MIGRATIONSVERKET, b().bean(MessageIntake.class).message(id),
                "ContentError");

        await().atMost(Duration.ofSeconds(30)).until(() -> receipts(id).contains("RECIPIENT_ERROR"));
        var receipts = a.api().get(Api.POLISEN, "/api/v1/messages/" + id + "/receipts").json().get("receipts");
        assertThat(receipts.findValuesAsText("type")).containsSubsequence("ACCEPTED", "DELIVERED", "QUARANTINED",
                "RECIPIENT_ERROR");
        assertThat(receipts.findValuesAsText("reasonCode")).contains("ContentError");
        assertThat(state(b(), id)).isEqualTo("QUARANTINED");
    }

    @Test
    void aMessageHeldForReviewIsReviewedOnceAtItsSendersNode() {
        String id = UUID.randomUUID().toString();
        var sent = a.api().sendMessage(Api.POLISEN, Envelopes.envelope(id, IDENTITET, "misstankt-falsk-identitet",
                "SFS 2009:400", "10 kap. 27 §", "OWN_INITIATIVE", "folkbokforing", "SERIOUS"), Envelopes.payload());
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().get("status").asText()).isEqualTo("HELD_FOR_REVIEW");
        assertThat(b().bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM messages WHERE message_id = ?",
                Integer.class, id)).as("nothing leaves A before the review").isZero();

        var approved = a.api().post(Api.REVIEWER, "/api/v1/reviews/" + id + "/approve",
                "{\"justification\": \"OSL 10 kap. 27 §: disclosure needed for the identity case\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> receipts(id).contains("DELIVERED"));
        assertThat(b().api().get(Api.MIGRATIONSVERKET, "/api/v1/mailboxes/" + IDENTITET + "/messages/" + id).status())
                .as("in the mailbox at B, not held there a second time").isEqualTo(200);
        assertThat(b().api().get(Api.REVIEWER, "/api/v1/reviews").json().findValuesAsText("messageId"))
                .doesNotContain(id);
    }

    @Test
    void aPeerThatWasDownGetsEverythingWhenBackCrisisTrafficFirst() throws Exception {
        nodes.stopB();
        List<String> bulk = new ArrayList<>();
        List<String> crisis = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                bulk.add(send(utredningsunderlag(UUID.randomUUID().toString())));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts(bulk.get(0)) > 0);
            for (int i = 0; i < 3; i++) {
                crisis.add(send(lagesbildEnvelope(UUID.randomUUID().toString())));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> queued("kurir.peer.node-b") == 6);
            assertThat(Stream.concat(bulk.stream(), crisis.stream()).map(id -> state(a, id))).containsOnly("ACCEPTED");
        } finally {
            nodes.startB();
        }

        List<String> all = Stream.concat(crisis.stream(), bulk.stream()).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> all.stream().allMatch(id -> receipts(id)
                .contains("DELIVERED")));
        List<String> arrived = b().bean(JdbcTemplate.class).queryForList("SELECT message_id FROM audit_log "
                + "WHERE event_type = 'MESSAGE_ACCEPTED' AND message_id IN (" + String.join(",",
                        all.stream().map(id -> "'" + id + "'").toList()) + ") ORDER BY seq", String.class);
        assertThat(arrived).hasSize(6);
        assertThat(arrived.subList(0, 3)).as("crisis traffic first").containsExactlyInAnyOrderElementsOf(crisis);
        assertThat(arrived.subList(3, 6)).containsExactlyInAnyOrderElementsOf(bulk);
    }

    @Test
    void crisisModeHoldsBulkTransfersBackUntilItIsOff() {
        var on = a.api().put(Api.OPERATOR, "/api/v1/federation/crisis-mode", "{\"on\": true}");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        try {
            String bulk = send(utredningsunderlag(UUID.randomUUID().toString()));
            String crisis = send(lagesbildEnvelope(UUID.randomUUID().toString()));

            await().atMost(Duration.ofSeconds(30)).until(() -> receipts(crisis).contains("DELIVERED"));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> state(a, bulk).equals("ACCEPTED"));

            assertThat(a.api().put(Api.OPERATOR, "/api/v1/federation/crisis-mode", "{\"on\": false}").status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> receipts(bulk).contains("DELIVERED"));
            var byOperator = a.api().get(Api.AUDITOR, "/api/v1/audit?participant=demo-operator").json();
            assertThat(byOperator.findParents("type")).filteredOn(r -> r.get("type").asText()
                    .equals("CRISIS_MODE_SWITCHED")).extracting(r -> r.get("details").asText())
                    .anyMatch(d -> d.contains("true")).anyMatch(d -> d.contains("false"));
        } finally {
            a.api().put(Api.OPERATOR, "/api/v1/federation/crisis-mode", "{\"on\": false}");
        }
    }

    @Test
    void aCertificateTheDirectoryDoesNotNameIsRefusedAndAPeerSpeaksOnlyForItsOwnParticipants() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] payload = "{\"lage\": \"normalt\"}".getBytes(StandardCharsets.UTF_8);
        Instant since = Instant.now().minusSeconds(1);

        var stranger = forward(nodes.client("node-x"), federationPortOfB(), "2021000076", lagesbildEnvelope(id),
                payload);
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(Api.parse(stranger.body()).get("code").asText()).isEqualTo("UNAUTHENTICATED");

        var notItsOwn = forward(nodes.client("node-a"), federationPortOfB(), MIGRATIONSVERKET, lagesbildEnvelope(id),
                payload);
        assertThat(notItsOwn.statusCode()).isEqualTo(403);
        assertThat(Api.parse(notItsOwn.body()).get("code").asText()).isEqualTo("SENDER_NOT_SERVED_BY_PEER");

        var refusals = b().api().get(Api.AUDITOR, "/api/v1/audit?from=" + since).json();
        assertThat(refusals.findValuesAsText("reasonCode")).contains("PEER_NODE_UNKNOWN",
                "SENDER_NOT_SERVED_BY_PEER");
        assertThat(refusals.findValuesAsText("actor")).contains("certificate:"
                + Pem.fingerprint(nodes.certificate("node-x")), "node:node-a");
        assertThat(b().bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM messages WHERE message_id = ?",
                Integer.class, id)).isZero();

        // Each API on its own listener: the agency API is not served on the federation port, nor the reverse.
        HttpResponse<String> agencyApiOnFederationPort = nodes.client("node-a").send(HttpRequest.newBuilder(URI.create(
                "https://localhost:" + federationPortOfB() + "/api/v1/catalogue/agreements"))
                .header("X-Api-Key", Api.MIGRATIONSVERKET).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(agencyApiOnFederationPort.statusCode()).isEqualTo(404);
        assertThat(b().api().postRaw(Api.MIGRATIONSVERKET, "/federation/v1/receipts", "application/json",
                "[]".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(404);
    }

    @Test
    void aForwardRepeatedAcrossTheHopIsStoredOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] payload = "{\"lage\": \"forhojd beredskap\"}".getBytes(StandardCharsets.UTF_8);
        HttpClient nodeA = nodes.client("node-a");

        var first = forward(nodeA, federationPortOfB(), "2021000076", lagesbildEnvelope(id), payload);
        var again = forward(nodeA, federationPortOfB(), "2021000076", lagesbildEnvelope(id), payload);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.headers().firstValue("Kurir-Duplicate")).contains("true");
        assertThat(b().bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM audit_log WHERE message_id = ? "
                + "AND event_type = 'MESSAGE_ACCEPTED'", Integer.class, id)).isEqualTo(1);
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it revokes at B the signing certificate the other tests' sealed messages need
    void aMessageThePeerRefusesIsADeadLetterAtOnceWithThePeersAnswer() {
        String signing = b().api().get(Api.OPERATOR, "/api/v1/certificates?participant=2021000076").json()
                .findParents("usage").stream().filter(c -> c.get("usage").asText().equals("SIGNING"))
                .map(c -> c.get("keyId").asText()).findFirst().orElseThrow();
        assertThat(b().api().post(Api.OPERATOR, "/api/v1/certificates/" + signing + "/revocation",
                "{\"reason\": \"key compromised\"}").status()).isEqualTo(200);

        String id = send(utredningsunderlag(UUID.randomUUID().toString()));

        await().atMost(Duration.ofSeconds(30)).until(() -> state(a, id).equals("FAILED"));
        assertThat(receipts(id)).contains("FAILED").doesNotContain("DELIVERED");
        assertThat(attempts(id)).as("no retry of what a retry would not change").isEqualTo(1);
        assertThat(a.api().get(Api.OPERATOR, "/api/v1/dead-letters").json().findParents("messageId").stream()
                .filter(d -> d.get("messageId").asText().equals(id)).findFirst().orElseThrow()
                .get("lastError").asText()).contains("node-b").contains("422").contains("CERTIFICATE_REVOKED");
    }

    // --- what the test sends and reads

    private static String utredningsunderlag(String id) {
        return Envelopes.envelope(id, IDENTITET, "utredningsunderlag", "SFS 2009:400", "10 kap. 27 §",
                "OWN_INITIATIVE", "brottsbekampning", "SERIOUS");
    }

    private static String lagesbildEnvelope(String id) {
        return """
                {"messageId": "%s", "recipient": "%s", "product": "lagesbild",
                 "legalBasis": {"statute": "SFS 2022:524", "provision": "7 §", "disclosureMode": "OWN_INITIATIVE",
                   "purpose": "krisberedskap", "classification": "MODERATE", "personalData": false,
                   "retention": "P1Y"}}
                """.formatted(id, IDENTITET);
    }

    private static String send(String envelope) {
        var sent = a.api().sendMessage(Api.POLISEN, envelope, Envelopes.payload());
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        return sent.json().get("messageId").asText();
    }

    private static List<String> receipts(String id) {
        return a.api().get(Api.POLISEN, "/api/v1/messages/" + id + "/receipts").json().get("receipts")
                .findValuesAsText("type");
    }

    private static String state(KurirNode node, String id) {
        return node.bean(JdbcTemplate.class).queryForObject("SELECT state FROM messages WHERE message_id = ?",
                String.class, id);
    }

    private static int attempts(String id) {
        return a.bean(JdbcTemplate.class).queryForObject("SELECT attempts FROM messages WHERE message_id = ?",
                Integer.class, id);
    }

    /** Messages on a queue of A's broker, the one in flight to a consumer included. */
    private static long queued(String queue) {
        var found = a.bean(EmbeddedActiveMQ.class).getActiveMQServer().locateQueue(SimpleString.of(queue));
        return found == null ? 0 : found.getMessageCount();
    }

    /** What a node sends a peer, as the federation API's documentation describes it, with the given certificate. */
    private static HttpResponse<String> forward(HttpClient client, int port, String sender, String envelope,
            byte[] payload) throws IOException, InterruptedException {
        String boundary = "forward-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String forwarded = "{\"sender\": \"" + sender + "\", \"mediaType\": \"application/json\", \"envelope\": "
                + envelope + "}";
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"forwarded\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + forwarded + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"payload\"; filename=\"payload\"\r\n"
                + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(payload);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/federation/v1/messages"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
