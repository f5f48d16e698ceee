package se.kurir.adapter.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kurir.crypto.CertificateUsage;
import se.kurir.crypto.Pem;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.KurirNode;
import se.kurir.support.Seeds;
import se.kurir.support.TestAuthority;

/**
 * A functional mailbox of delivery kind {@code sdk}: Försäkringskassan's control mailbox is served by another SDK
 * message service, which the test plays (it opens what it gets as a receiving message service does, and answers with
 * a receipt). An SDK message sent through the MT–MK API reaches it sealed (signed as Skatteverket, encrypted for
 * Försäkringskassan) as it was written; a Kurir message over REST reaches it as an SDK message with its payload as a
 * file; a REJECTED receipt is tried again, and the delivery is recorded once the service has ACCEPTED the message.
 */
class SdkForwardIT {

    private static final String PASSWORD = "demo-keystore-password";
    private static final KeyPair SKV_SIGNING = TestAuthority.rsa();
    private static final KeyPair FK_ENCRYPTION = TestAuthority.rsa();
    private static final X509Certificate SKV_CERT = TestAuthority.CA.issue("2021005448", "Skatteverket",
            CertificateUsage.SIGNING, SKV_SIGNING.getPublic(), TestAuthority.START,
            TestAuthority.START.plus(Duration.ofDays(10)));
    private static final X509Certificate FK_CERT = TestAuthority.CA.issue("2021005521", "Försäkringskassan",
            CertificateUsage.ENCRYPTION, FK_ENCRYPTION.getPublic(), TestAuthority.START,
            TestAuthority.START.plus(Duration.ofDays(10)));

    static HttpServer service;
    static final List<XheEnvelope.Opened.Message> RECEIVED = new CopyOnWriteArrayList<>();
    static final AtomicInteger REJECT_NEXT = new AtomicInteger();
    static KurirNode node;
    Api api = node.api();

    @BeforeAll
    static void start() throws Exception {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/sdk/v1/envelopes", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            var opened = XheEnvelope.open(body, List.of(TestAuthority.CA.certificate()), Instant.now(),
                    certificate -> certificate.equals(FK_CERT) ? Optional.of(FK_ENCRYPTION.getPrivate())
                            : Optional.empty());
            boolean accept = opened instanceof XheEnvelope.Opened.Message && REJECT_NEXT.getAndUpdate(
                    n -> Math.max(0, n - 1)) == 0;
            if (accept) {
                RECEIVED.add((XheEnvelope.Opened.Message) opened);
            }
            String id = opened instanceof XheEnvelope.Opened.Message m ? m.header().id() : "unknown";
            byte[] receipt = new SdkReceipt(UUID.randomUUID().toString(), Instant.now(), "0203:forsakringskassan.se",
                    "0203:skatteverket.se", id, accept ? List.of() : List.of(SdkIssue.rule("NA", "refused"))).xml();
            exchange.sendResponseHeaders(200, receipt.length);
            exchange.getResponseBody().write(receipt);
            exchange.close();
        });
        service.start();
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "sdk-forward-it-");
        Path certificates = Files.createDirectories(dir.resolve("certificates"));
        Files.writeString(certificates.resolve("2021005448-signing-rsa.pem"), Pem.text(SKV_CERT));
        Files.writeString(certificates.resolve("2021005521-encryption-rsa.pem"), Pem.text(FK_CERT));
        node = KurirNode.start(dir.resolve("node"), Map.of(
                "kurir.registry.seed", Seeds.demoWithDelivery(dir, "2021005521.kontroll", Map.of("kind", "sdk",
                        "url", "http://127.0.0.1:" + service.getAddress().getPort() + "/sdk/v1/envelopes")),
                "kurir.crypto.certificates", certificates.toString(),
                "kurir.crypto.keystore.path",
                TestAuthority.demoNodeKeysWith(dir, "2021005448-sdk-signing", SKV_SIGNING, SKV_CERT),
                "kurir.crypto.trust-anchors[0]", "config/keys/demo-ca.pem",
                "kurir.crypto.trust-anchors[1]", TestAuthority.pemIn(dir).toString(),
                "kurir.pipeline.redelivery.initial-delay", "100ms", "kurir.pipeline.redelivery.max-delay", "500ms"));
    }

    @AfterAll
    static void stop() {
        node.close();
        service.stop(0);
    }

    @Test
    void anSdkMessageReachesTheOtherServiceSealedAsItWasWritten() {
        var sent = api.post(Api.SKATTEVERKET, "/sdk/v1/sdk/messages", """
                {"data": {"type": "messages", "attributes": {"confidentiality": true, "label": "Fråga",
                  "sender": "0203:skatteverket.se", "recipient": "0203:forsakringskassan.se",
                  "recipientAttention": {"subOrganization": {"extension": "fk-kontroll"}},
                  "digitalDocument": [{"documentId": "1", "contentTextBody": ["Gäller 19121212-1212"]}]}}}""");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String id = sent.json().get("data").get("id").asText();

        XheEnvelope.Opened.Message received = awaitReceived(id);
        assertThat(received.signer()).isEqualTo(SKV_CERT);
        assertThat(received.header().from()).isEqualTo("0203:skatteverket.se");
        assertThat(new String(received.sdkMessage(), StandardCharsets.UTF_8)).contains("Gäller 19121212-1212");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(Api.SKATTEVERKET, "/sdk/v1/sdk/messages/" + id)
                .json().get("data").get("attributes").get("messageStatus").asText().equals("ACCEPTED"));
    }

    @Test
    void aRestMessageTravelsAsAnSdkMessageWithItsPayloadAsAFileAndARejectionIsTriedAgain() {
        REJECT_NEXT.set(1);
        String id = UUID.randomUUID().toString();
        byte[] payload = Envelopes.payload();
        assertThat(api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(id), payload).status()).isEqualTo(202);

        XheEnvelope.Opened.Message received = awaitReceived(id);
        var read = new SdkMessageReader().read(() -> new ByteArrayInputStream(received.sdkMessage()));
        assertThat(read.issues()).as("a valid SDK message").isEmpty();
        assertThat(read.message().recipientFunctionalAddress()).isEqualTo("fk-kontroll");
        String xml = new String(received.sdkMessage(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<m:contentType>application/json</m:contentType>");
        String content = xml.replaceAll("(?s).*<m:content>([^<]*)</m:content>.*", "$1");
        assertThat(Base64.getDecoder().decode(content)).isEqualTo(payload);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(Api.SKATTEVERKET, "/api/v1/messages/" + id
                + "/receipts").body().contains("DELIVERED"));
        assertThat(REJECT_NEXT.get()).as("the rejection was answered and tried again").isZero();
    }

    private static XheEnvelope.Opened.Message awaitReceived(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.stream().anyMatch(m -> m.header().id()
                .equals(id)));
        return RECEIVED.stream().filter(m -> m.header().id().equals(id)).findFirst().orElseThrow();
    }

}
