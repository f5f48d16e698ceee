package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.IntegrationTest;
import se.kurir.support.SftpTestServer;
import se.kurir.support.StoredPayloads;

/**
 * The findings of the security review and the fault-injection run (issue 21), each against the running gateway: a
 * completion that names bytes its upload never received, identical payloads in flight at once, repeated multipart
 * parts, one bad value among good ones, bodies over their cap, and errors that must keep the caller's identity.
 */
class HardeningIT extends IntegrationTest {

    private static final String UPLOADS = "/api/v1/uploads";
    private static final String SKV_MAILBOX = "/api/v1/mailboxes/2021005448.kontroll/messages/";

    @Value("${kurir.payload.directory}")
    Path payloadDirectory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    @Test
    void aCompletionCanNameOnlyTheBytesItsUploadReceivedNeverAnotherPayloadInTheStore() {
        // Polisen's report sits in the store (held for review); Försäkringskassan has never seen its bytes.
        byte[] report = Envelopes.payload();
        String reportId = UUID.randomUUID().toString();
        assertThat(api.sendMessage(Api.POLISEN, Envelopes.falskIdentitet(reportId), report).status()).isEqualTo(202);

        byte[] own = ("manadsfil " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String upload = createUpload();
        chunk(upload, own);
        // A first completion whose message id is Polisen's fails after the bytes moved into the store.
        assertThat(complete(upload, sha256(own), reportId).status()).isEqualTo(409);

        // Naming a digest the store holds answers exactly as naming one it does not: the store is no oracle.
        String probe = UUID.randomUUID().toString();
        var probed = complete(upload, sha256(report), probe);
        var guessed = complete(upload, "0".repeat(64), UUID.randomUUID().toString());
        for (var answer : List.of(probed, guessed)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(422);
            assertThat(answer.json().get("code").asText()).isEqualTo("PAYLOAD_DIGEST_MISMATCH");
            assertThat(answer.json().get("received").asLong()).isEqualTo(own.length);
            assertThat(answer.json().get("detail").asText()).contains(sha256(own));
        }
        JsonNode refused = api.auditRecord(probe, "MESSAGE_REJECTED");
        assertThat(refused.get("reasonCode").asText()).isEqualTo("PAYLOAD_DIGEST_MISMATCH");
        assertThat(refused.get("actor").asText()).isEqualTo("2021005521");
        assertThat(api.get(Api.FORSAKRINGSKASSAN, "/api/v1/messages/" + probe + "/receipts").status())
                .isEqualTo(404);

        // The upload is as it was: completed with its own digest it sends its own bytes, and nothing else.
        String messageId = UUID.randomUUID().toString();
        assertThat(complete(upload, sha256(own), messageId).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(Api.SKATTEVERKET, SKV_MAILBOX + messageId)
                .status() == 200);
        assertThat(api.exchange(Api.SKATTEVERKET, "GET", SKV_MAILBOX + messageId + "/payload", null).raw().body())
                .isEqualTo(own);
    }

    @Test
    void twoMessagesWithTheSameBytesAtOnceBothKeepThem() throws Exception {
        // One is sealed by the gateway (its plaintext leaves the store), the other is rejected and must keep its copy.
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 15; round++) {
                byte[] same = Envelopes.payload();
                var sealed = CompletableFuture.supplyAsync(() -> api.sendMessage(Api.POLISEN,
                        polisenToMigrationsverket("brottsbekampning"), same), senders);
                var rejected = CompletableFuture.supplyAsync(() -> api.sendMessage(Api.POLISEN,
                        polisenToMigrationsverket("felaktiga-utbetalningar"), same), senders);
                assertThat(sealed.get().status()).as(sealed.get().body()).isEqualTo(202);
                assertThat(rejected.get().status()).as(rejected.get().body()).isEqualTo(422);
                assertThat(stored(sha256(same))).as("round %d: the rejected message's payload", round).isTrue();
            }
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void aRepeatedEnvelopeOrPayloadPartIsRefusedBeforeMoreIsStoredAndLeavesNothingBehind() {
        byte[] payload = ("stor fil " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String largeThenSmall = multipart(part("envelope", "application/json", Envelopes.manadsfil(null)),
                part("payload", "text/csv", new String(payload, StandardCharsets.UTF_8)),
                part("envelope", "application/json", Envelopes.inkomstuppgift(null)));
        byte[] second = ("andra " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String twoPayloads = multipart(part("envelope", "application/json", Envelopes.manadsfil(null)),
                part("payload", "text/csv", new String(payload, StandardCharsets.UTF_8)),
                part("payload", "text/csv", new String(second, StandardCharsets.UTF_8)));

        for (String body : List.of(largeThenSmall, twoPayloads)) {
            var answer = postMultipart(Api.FORSAKRINGSKASSAN, body);
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().get("code").asText()).isEqualTo("MULTIPART_PART_REPEATED");
        }
        assertThat(stored(sha256(payload))).isFalse();
        assertThat(stored(sha256(second))).isFalse();
    }

    @Test
    void oneOverLongValueFailsAloneAndIsAuditedWhileItsNeighboursAreAccepted() throws Exception {
        Instant since = Instant.now();
        String tooLong = Envelopes.inkomstuppgift(null).replace("\"P5Y\"", "\"P" + "9".repeat(600) + "Y\"");
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Api.Response>> good = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                good.add(CompletableFuture.supplyAsync(() -> api.sendMessage(Api.SKATTEVERKET,
                        Envelopes.inkomstuppgift(null), Envelopes.payload()), senders));
            }
            var bad = CompletableFuture.supplyAsync(() -> api.sendMessage(Api.SKATTEVERKET, tooLong,
                    Envelopes.payload()), senders);
            var badType = CompletableFuture.supplyAsync(() -> api.sendMessage(Api.SKATTEVERKET,
                    Envelopes.inkomstuppgift(null), "application/json", Envelopes.payload(),
                    "application/" + "x".repeat(240)), senders);
            for (var g : good) {
                assertThat(g.get().status()).as(g.get().body()).isEqualTo(202);
            }
            assertThat(bad.get().status()).isEqualTo(400);
            assertThat(bad.get().json().get("detail").asText()).startsWith("legalBasis.retention:");
            assertThat(badType.get().status()).as("not 401, not 500").isEqualTo(400);
            assertThat(badType.get().json().get("code").asText()).isEqualTo("MEDIA_TYPE_INVALID");
            assertThat(badType.get().json().get("detail").asText()).startsWith("payload.Content-Type:");
        } finally {
            senders.shutdownNow();
        }
        assertThat(refusals("2021005448", since)).extracting(r -> r.get("reasonCode").asText())
                .contains("ENVELOPE_FIELD_INVALID", "MEDIA_TYPE_INVALID");
    }

    @Test
    void boundBodiesAreCappedBeforeTheyAreReadAndAServerSideRefusalKeepsTheCallersIdentity() throws Exception {
        // 8 MB of JSON to POST /uploads: 413 naming the body, not 401 (the caller's key is good).
        String eightMegabytes = "{\"product\": \"manadsfil-utbetalningar\", \"mediaType\": \"" + "x".repeat(8 << 20)
                + "\"}";
        String large = rawRequest("POST " + UPLOADS + " HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: "
                + Api.FORSAKRINGSKASSAN + "\r\nContent-Type: application/json\r\nContent-Length: "
                + eightMegabytes.length() + "\r\n\r\n" + eightMegabytes.substring(0, 64 * 1024));
        assertThat(large).startsWith("HTTP/1.1 413").contains("\"code\":\"REQUEST_TOO_LARGE\"")
                .contains("\"detail\":\"body:");

        // 2 GB announced: refused on the announced length, without waiting for the body.
        String answer = rawRequest("POST " + UPLOADS + " HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: "
                + Api.FORSAKRINGSKASSAN + "\r\nContent-Type: application/json\r\nContent-Length: 2147483648\r\n\r\n{");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("REQUEST_TOO_LARGE");

        var subscription = api.post(Api.FORSAKRINGSKASSAN, "/api/v1/subscriptions", "{\"product\": \"x\", \"filter\": "
                + "{\"subjectKeys\": [\"" + "1".repeat(2 << 20) + "\"]}}");
        assertThat(subscription.status()).isEqualTo(413);
    }

    @Test
    void aRequestRefusedBeforeTheApiIsAnsweredWithItsOwnStatusNotWithASignInChallenge() {
        var rejected = api.get(Api.FORSAKRINGSKASSAN, "/api/v1/mailboxes/2021005521.kontroll;x=y/messages");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
        assertThat(rejected.header("Content-Type")).startsWith("application/json");
        assertThat(rejected.json().get("code").asText()).isEqualTo("REQUEST_REJECTED");
        assertThat(rejected.header("WWW-Authenticate")).isNull();
        assertThat(api.get(null, "/api/v1/mailboxes/2021005521.kontroll/messages").status()).isEqualTo(401);
    }

    @Test
    void routeDumpsAndTheConsoleShowNoFileServerPassword() throws Exception {
        var managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedCamelContext();
        String dumps = managed.dumpRoutesAsXml();
        assertThat(dumps).contains("file-outbox-fk-batch").doesNotContain(SftpTestServer.SENDER_PASSWORD);
    }

    @Test
    void anXmlEnvelopeWithAnImpossibleSizeIsABadRequestAndAudited() {
        Instant since = Instant.now();
        String xml = """
                <envelope xmlns="urn:kurir:envelope:1">
                  <recipient>2021005521.kontroll</recipient><product>inkomstuppgift</product>
                  <legalBasis><statute>SFS 2009:400</statute><provision>10 kap. 15 a §</provision>
                    <disclosureMode>OWN_INITIATIVE</disclosureMode><purpose>felaktiga-utbetalningar</purpose>
                    <classification>SUBSTANTIAL</classification><personalData>true</personalData>
                    <retention>P5Y</retention></legalBasis>
                  <payload><sha256>%s</sha256><size>99999999999999999999</size></payload>
                </envelope>
                """.formatted("a".repeat(64));
        var answer = api.sendMessage(Api.SKATTEVERKET, xml, "application/xml", Envelopes.payload());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("ENVELOPE_FIELD_INVALID");
        assertThat(refusals("2021005448", since)).anySatisfy(r -> {
            assertThat(r.get("reasonCode").asText()).isEqualTo("ENVELOPE_FIELD_INVALID");
            assertThat(r.get("details").asText()).contains("POST /api/v1/messages").doesNotContain("9999999999");
        });
    }

    @Test
    void aSenderCannotWriteTheGatewaysOwnMetadata() {
        String forged = Envelopes.inkomstuppgift(null).replace("\"correlationId\"",
                "\"metadata\": {\"kurir.privacy.step\": \"pseudonymise\"}, \"correlationId\"");
        var answer = api.sendMessage(Api.SKATTEVERKET, forged, Envelopes.payload());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText()).startsWith("metadata.kurir.privacy.step:");
    }

    @Test
    void probesAnswerWithoutCredentialsAndShowNoDetail() {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            var answer = api.get(null, probe);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(answer.json().get("status").asText()).isEqualTo("UP");
            assertThat(answer.json().has("components")).isFalse();
            assertThat(answer.json().has("details")).isFalse();
        }
        var anonymous = api.get(null, "/actuator/health");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("type").asText()).isEqualTo("urn:kurir:problem:unauthenticated");
        var health = api.get(Api.OPERATOR, "/actuator/health").json();
        assertThat(health.at("/components/broker/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/broker/details/state").asText()).isEqualTo("STARTED");
    }

    @Test
    void operatorEndpointsRefuseWhatABrowserOnAnotherSiteCouldSend() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        var textPlain = api.postRaw(Api.OPERATOR, "/api/v1/certificates", "text/plain",
                pem.getBytes(StandardCharsets.UTF_8));
        assertThat(textPlain.status()).isEqualTo(403);
        assertThat(textPlain.json().get("code").asText()).isEqualTo("CROSS_SITE_REQUEST_REFUSED");

        var fromPage = api.exchange(Api.OPERATOR, "POST", "/api/v1/dead-letters/" + UUID.randomUUID() + "/replay",
                null, "Origin", "https://elsewhere.example", "Sec-Fetch-Site", "cross-site");
        assertThat(fromPage.status()).isEqualTo(403);
        assertThat(fromPage.json().get("code").asText()).isEqualTo("CROSS_SITE_REQUEST_REFUSED");

        var form = api.postRaw(Api.REVIEWER, "/api/v1/reviews/" + UUID.randomUUID() + "/approve",
                "application/x-www-form-urlencoded", "a=b".getBytes(StandardCharsets.UTF_8));
        assertThat(form.status()).isEqualTo(403);

        // The same requests from a client that is not a browser page go through to their own answers.
        var fromClient = api.exchange(Api.OPERATOR, "POST", "/api/v1/dead-letters/" + UUID.randomUUID()
                + "/replay", null);
        assertThat(fromClient.status()).isEqualTo(404);
        assertThat(api.postPem(Api.OPERATOR, "/api/v1/certificates", pem).json().get("code").asText())
                .isEqualTo("CERTIFICATE_UNREADABLE");
    }

    private List<JsonNode> refusals(String participant, Instant since) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            found.clear();
            for (JsonNode record : api.get(Api.AUDITOR, "/api/v1/audit?participant=" + participant + "&from="
                    + since + "&limit=5000").json()) {
                if (record.get("type").asText().equals("REQUEST_REFUSED")) {
                    found.add(record);
                }
            }
            assertThat(found).isNotEmpty();
        });
        return found;
    }

    private boolean stored(String sha256) {
        return new StoredPayloads(payloadDirectory, jdbc).contains(sha256);
    }

    private static String polisenToMigrationsverket(String purpose) {
        return Envelopes.envelope(null, "2021002163.identitet", "utredningsunderlag", "SFS 2009:400", "10 kap. 27 §",
                "OWN_INITIATIVE", purpose, "SERIOUS");
    }

    private String createUpload() {
        var created = api.post(Api.FORSAKRINGSKASSAN, UPLOADS, "{\"product\": \"manadsfil-utbetalningar\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("uploadId").asText();
    }

    private void chunk(String upload, byte[] bytes) {
        assertThat(api.exchange(Api.FORSAKRINGSKASSAN, "PATCH", UPLOADS + "/" + upload, bytes, "Upload-Offset", "0",
                "Content-Type", "application/octet-stream").status()).isEqualTo(200);
    }

    private Api.Response complete(String upload, String sha256, String messageId) {
        return api.post(Api.FORSAKRINGSKASSAN, UPLOADS + "/" + upload + "/complete",
                "{\"sha256\": \"" + sha256 + "\", \"envelope\": " + Envelopes.manadsfil(messageId) + "}");
    }

    private static String part(String name, String type, String content) {
        return "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name + "\"\r\nContent-Type: "
                + type + "\r\n\r\n" + content + "\r\n";
    }

    private static String multipart(String... parts) {
        StringBuilder body = new StringBuilder();
        for (String part : parts) {
            body.append("--b\r\n").append(part);
        }
        return body.append("--b--\r\n").toString();
    }

    private Api.Response postMultipart(String apiKey, String body) {
        return api.postRaw(apiKey, "/api/v1/messages", "multipart/form-data; boundary=b",
                body.getBytes(StandardCharsets.UTF_8));
    }

    private String rawRequest(String head) throws Exception {
        try (Socket socket = new Socket("localhost", port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; !answer.toString(StandardCharsets.UTF_8).contains("}") && (n = in.read(buffer)) != -1;) {
                answer.write(buffer, 0, n);
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    static String sha256(byte[] bytes) {
        return ResumableTransferIT.sha256(bytes);
    }
}
