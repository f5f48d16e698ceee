package se.kurir.adapter.as4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.helger.phase4.crypto.AS4CryptoFactoryInMemoryKeyStore;
import com.helger.phase4.sender.EAS4UserMessageSendResult;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.crypto.CertificateUsage;
import se.kurir.crypto.KeyKind;
import se.kurir.crypto.Pem;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.KurirNode;
import se.kurir.support.Seeds;
import se.kurir.support.TestAuthority;
import se.kurir.tool.CertificateAuthority;

/**
 * The AS4 bridge against a partner access point the test plays with phase4 (Försäkringskassan's, party
 * {@code fk-ap}): Skatteverket's income statement to Försäkringskassan's control mailbox (delivery kind as4) leaves
 * Kurir as a signed and encrypted user message and is recorded delivered on the partner's signed receipt; the
 * partner's answer comes back to Kurir's {@code /as4} and lands in Skatteverket's mailbox, in reply to it. A repeated
 * user message is received once and receipted twice; the partner down for a while gets the message when it is back; a
 * message signed with another key, or for an organisation the partner may not send for, is refused and nothing of it
 * is delivered.
 */
class As4BridgeIT {

    private static final char[] PASSWORD = "demo-as4-keystore-password".toCharArray();
    private static final String KURIR_PARTY = "kurir-it-node";
    private static final String PARTNER_PARTY = "fk-ap";
    private static final String INKOMST_SERVICE = "urn:kurir:product:inkomstuppgift";
    private static final String MANADSFIL_SERVICE = "urn:kurir:product:manadsfil-utbetalningar";
    private static final String ACTION = "deliver";

    static KurirNode node;
    static PartnerAccessPoint partner;
    static X509Certificate kurirCertificate;
    static AS4CryptoFactoryInMemoryKeyStore stranger;
    Api api = node.api();

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "as4-bridge-it-");
        KeyPair kurirKey = CertificateAuthority.generate(KeyKind.RSA);
        kurirCertificate = certificate("Kurir AS4", kurirKey);
        KeyPair partnerKey = CertificateAuthority.generate(KeyKind.RSA);
        X509Certificate partnerCertificate = certificate("Försäkringskassan AS4", partnerKey);
        Path kurirStore = dir.resolve("kurir-as4.p12");
        CertificateAuthority.writeKeyStore(kurirStore, "PKCS12", PASSWORD,
                List.of(new CertificateAuthority.Entry("as4", kurirKey, kurirCertificate)));
        Path partnerPem = dir.resolve("fk-ap.pem");
        Files.writeString(partnerPem, Pem.text(partnerCertificate));

        int partnerPort;
        try (ServerSocket free = new ServerSocket(0)) {
            partnerPort = free.getLocalPort();
        }
        partner = new PartnerAccessPoint(PARTNER_PARTY, keyStore("partner", partnerKey, partnerCertificate), "partner",
                PASSWORD, kurirCertificate, KURIR_PARTY, partnerPort);
        partner.start();
        KeyPair strangerKey = CertificateAuthority.generate(KeyKind.RSA);
        stranger = new AS4CryptoFactoryInMemoryKeyStore(keyStore("stranger", strangerKey,
                certificate("Someone else AS4", strangerKey)), "stranger", PASSWORD, null);

        Map<String, Object> properties = new HashMap<>();
        properties.put("kurir.registry.seed", Seeds.demoWithDelivery(dir, "2021005521.kontroll",
                Map.of("kind", "as4", "pmode", "fk-inkomstuppgift")));
        properties.put("kurir.as4.party-id", KURIR_PARTY);
        properties.put("kurir.as4.keystore.path", kurirStore.toString());
        properties.put("kurir.as4.keystore.password", new String(PASSWORD));
        properties.put("kurir.as4.keystore.alias", "as4");
        pmode(properties, 0, "fk-inkomstuppgift", partner.url(), partnerPem, INKOMST_SERVICE, "inkomstuppgift");
        pmode(properties, 1, "fk-manadsfil", partner.url(), partnerPem, MANADSFIL_SERVICE,
                "manadsfil-utbetalningar");
        properties.put("kurir.pipeline.redelivery.initial-delay", "200ms");
        properties.put("kurir.pipeline.redelivery.max-delay", "1s");
        node = KurirNode.start(dir.resolve("node"), properties);
    }

    @AfterAll
    static void stop() {
        node.close();
        partner.stop();
    }

    @Test
    void aMessageGoesToThePartnerSignedAndEncryptedAndItsAnswerComesBack() {
        String id = UUID.randomUUID().toString();
        byte[] payload = Envelopes.payload();
        assertThat(api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(id), payload).status()).isEqualTo(202);

        PartnerAccessPoint.Received arrived = awaitReceived(id + "@" + KURIR_PARTY);
        assertThat(arrived.signer()).isEqualTo(kurirCertificate);
        assertThat(arrived.decrypted()).as("the payload was encrypted for the partner").isTrue();
        assertThat(arrived.payload()).isEqualTo(payload);
        assertThat(arrived.mimeType()).isEqualTo("application/json");
        assertThat(arrived.properties()).containsEntry("originalSender", "2021005448")
                .containsEntry("finalRecipient", "2021005521.kontroll")
                .containsEntry("kurir.legalBasis.statute", "SFS 2009:400")
                .containsEntry("kurir.legalBasis.disclosureMode", "OWN_INITIATIVE");
        await().atMost(Duration.ofSeconds(20)).until(() -> receipts(id).contains("DELIVERED"));

        String answerId = "answer-" + UUID.randomUUID() + "@" + PARTNER_PARTY;
        byte[] answer = "{\"utbetalningar\": 3, \"personnummer\": \"191212121212\"}".getBytes(StandardCharsets.UTF_8);
        PartnerAccessPoint.Sent sent = partner.send(kurirAs4(), "fk-manadsfil", MANADSFIL_SERVICE, ACTION, answerId,
                Map.of("originalSender", "2021005521", "finalRecipient", "2021005448.kontroll",
                        "kurir.inReplyTo", id + "@" + KURIR_PARTY), answer, null,
                kurirCertificate);
        assertThat(sent.result()).as("Kurir's signed receipt: %s", sent.errors())
                .isEqualTo(EAS4UserMessageSendResult.SUCCESS);

        String kurirId = node.bean(JdbcTemplate.class).queryForObject(
                "SELECT message_id FROM messages WHERE envelope LIKE ?", String.class, "%" + answerId + "%");
        var opened = api.get(Api.SKATTEVERKET, "/api/v1/mailboxes/2021005448.kontroll/messages/" + kurirId).json();
        assertThat(opened.toString()).contains("manadsfil-utbetalningar").contains("10 kap. 28 §")
                .contains(PARTNER_PARTY);
        assertThat(opened.at("/envelope/inReplyTo").asText()).as("in reply to Kurir's message").isEqualTo(id);
        assertThat(api.get(Api.SKATTEVERKET, "/api/v1/mailboxes/2021005448.kontroll/messages/" + kurirId
                + "/payload").body()).isEqualTo(new String(answer, StandardCharsets.UTF_8));

        String reply = UUID.randomUUID().toString();
        String replyEnvelope = Envelopes.inkomstuppgift(reply)
                .replaceFirst("\\{", "{\"inReplyTo\": \"" + kurirId + "\", ");
        assertThat(api.sendMessage(Api.SKATTEVERKET, replyEnvelope, Envelopes.payload()).status()).isEqualTo(202);
        assertThat(awaitReceived(reply + "@" + KURIR_PARTY).properties())
                .as("the partner's own id for the message answered").containsEntry("kurir.inReplyTo", answerId);
    }

    @Test
    void aPayloadTheStoreKeepsAsAFileGoesFromThatFile() {
        String id = UUID.randomUUID().toString();
        byte[] payload = ("{\"personnummer\": \"" + Envelopes.SYNTHETIC_PERSONNUMMER + "\", \"inkomst\": 412000, "
                + "\"nonce\": \"" + "x".repeat(700_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(id), payload).status()).isEqualTo(202);

        assertThat(awaitReceived(id + "@" + KURIR_PARTY).payload()).as("larger than the store keeps inline")
                .isEqualTo(payload);
    }

    @Test
    void aRepeatedUserMessageIsReceiptedAgainAndDeliveredOnce() {
        String as4Id = "repeat-" + UUID.randomUUID() + "@" + PARTNER_PARTY;
        byte[] payload = "{\"manad\": \"2026-11\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> properties = Map.of("originalSender", "2021005521",
                "finalRecipient", "2021005448.filmottagning");
        for (int i = 0; i < 2; i++) {
            assertThat(partner.send(kurirAs4(), "fk-manadsfil", MANADSFIL_SERVICE, ACTION, as4Id, properties,
                    payload, null, kurirCertificate).result()).isEqualTo(EAS4UserMessageSendResult.SUCCESS);
        }
        assertThat(messagesCarrying(as4Id)).isEqualTo(1);
    }

    @Test
    void aPartnerDownForAWhileGetsTheMessageWhenItIsBack() throws Exception {
        partner.stop();
        String id = UUID.randomUUID().toString();
        try {
            assertThat(api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(id), Envelopes.payload()).status())
                    .isEqualTo(202);
            JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "SELECT attempts FROM messages WHERE message_id = ?", Integer.class, id) >= 2);
            assertThat(jdbc.queryForObject("SELECT last_error FROM messages WHERE message_id = ?", String.class, id))
                    .contains(PARTNER_PARTY).contains("TRANSPORT_ERROR");
            assertThat(receipts(id)).doesNotContain("DELIVERED");
        } finally {
            partner.start();
        }
        awaitReceived(id + "@" + KURIR_PARTY);
        await().atMost(Duration.ofSeconds(20)).until(() -> receipts(id).contains("DELIVERED"));
        assertThat(partner.received.stream().filter(r -> r.messageId().startsWith(id)).count()).isEqualTo(1);
    }

    @Test
    void aMessageSignedWithAnotherKeyIsRefusedAndNothingOfItDelivered() {
        String as4Id = "forged-" + UUID.randomUUID() + "@" + PARTNER_PARTY;
        var sent = partner.send(kurirAs4(), "fk-manadsfil", MANADSFIL_SERVICE, ACTION, as4Id,
                Map.of("originalSender", "2021005521", "finalRecipient", "2021005448.kontroll"),
                "{}".getBytes(StandardCharsets.UTF_8), stranger, kurirCertificate);
        assertThat(sent.result()).isNotEqualTo(EAS4UserMessageSendResult.SUCCESS);
        assertThat(messagesCarrying(as4Id)).isZero();
        assertThat(refusalsOf(as4Id)).as("the refusal audited").isEqualTo(1);
    }

    @Test
    void aMessageForAnOrganisationThePartnerMayNotSendForIsRefusedWithAnEbmsError() {
        String as4Id = "not-theirs-" + UUID.randomUUID() + "@" + PARTNER_PARTY;
        var sent = partner.send(kurirAs4(), "fk-manadsfil", MANADSFIL_SERVICE, ACTION, as4Id,
                Map.of("originalSender", "2021005448", "finalRecipient", "2021005448.kontroll"),
                "{}".getBytes(StandardCharsets.UTF_8), null, kurirCertificate);
        assertThat(sent.result()).isEqualTo(EAS4UserMessageSendResult.AS4_ERROR_MESSAGE_RECEIVED);
        assertThat(sent.errors()).anySatisfy(error -> {
            assertThat(error.getErrorCode()).isEqualTo("EBMS:0101");
            assertThat(error.getErrorDetail()).contains("originalSender");
        });
        assertThat(messagesCarrying(as4Id)).isZero();
        assertThat(refusalsOf(as4Id)).as("the refusal audited").isEqualTo(1);
    }

    @Test
    void aRequestThatIsNoAs4MessageIsRefused() {
        var answer = api.postRaw(null, "/as4", "application/soap+xml",
                "<Envelope>19121212-1212</Envelope>".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isBetween(400, 499);
        assertThat(messagesCarrying("19121212-1212")).isZero();
    }

    private int refusalsOf(String as4Id) {
        return node.bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM audit_log WHERE event_type = "
                + "'REQUEST_REFUSED' AND details LIKE ?", Integer.class, "%" + as4Id + "%");
    }

    private String kurirAs4() {
        return "http://127.0.0.1:" + node.port() + "/as4";
    }

    private int messagesCarrying(String as4Id) {
        return node.bean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM messages WHERE envelope LIKE ?", Integer.class, "%" + as4Id + "%");
    }

    private static PartnerAccessPoint.Received awaitReceived(String as4Id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> partner.received.stream()
                .filter(r -> r.messageId().equals(as4Id)).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private List<String> receipts(String id) {
        return api.get(Api.SKATTEVERKET, "/api/v1/messages/" + id + "/receipts").json().get("receipts")
                .findValuesAsText("type");
    }

    private static void pmode(Map<String, Object> properties, int index, String id, String url, Path certificate,
            String service, String product) {
        String prefix = "kurir.as4.pmodes[" + index + "].";
        properties.put(prefix + "id", id);
        properties.put(prefix + "partner-party-id", PARTNER_PARTY);
        properties.put(prefix + "partner-url", url);
        properties.put(prefix + "partner-certificate", certificate.toString());
        properties.put(prefix + "service", service);
        properties.put(prefix + "action", ACTION);
        properties.put(prefix + "product", product);
        properties.put(prefix + "senders[0]", "2021005521");
    }

    private static X509Certificate certificate(String name, KeyPair key) {
        return TestAuthority.CA.issue("2021005521", name, CertificateUsage.SIGNING, key.getPublic(),
                TestAuthority.START, TestAuthority.START.plus(Duration.ofDays(10)));
    }

    private static KeyStore keyStore(String alias, KeyPair key, X509Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key.getPrivate(), PASSWORD, new java.security.cert.Certificate[] {certificate});
        return store;
    }
}
