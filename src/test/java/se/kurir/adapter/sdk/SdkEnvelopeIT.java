package se.kurir.adapter.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kurir.crypto.CertificateUsage;
import se.kurir.support.Api;
import se.kurir.support.KurirNode;
import se.kurir.support.TestAuthority;
import se.kurir.tool.CertificateAuthority;

/**
 * Kurir as the receiving SDK message service: an access point hands over XHE envelopes (POST /sdk/v1/envelopes) and
 * is answered with the receipt SDK owes. Skatteverket's sending message service seals a message for
 * Försäkringskassan, whose encryption key this node holds: it is ACCEPTED and waits in Försäkringskassan's functional
 * mailbox, and the same envelope handed over again is the same message. An envelope altered after signing, or signed
 * by a certificate no trust anchor issued, is REJECTED with SIG;
 * a message that breaks a rule is REJECTED with BV; a payload for a key this node does not hold gets no receipt.
 */
class SdkEnvelopeIT {

    private static final String PASSWORD = "demo-keystore-password";
    private static final KeyPair SKV_SIGNING = TestAuthority.rsa();
    private static final KeyPair FK_ENCRYPTION = TestAuthority.rsa();
    private static final X509Certificate SKV_CERT = TestAuthority.CA.issue("2021005448", "Skatteverket",
            CertificateUsage.SIGNING, SKV_SIGNING.getPublic(), TestAuthority.START, TestAuthority.START.plus(
                    Duration.ofDays(10)));
    private static final X509Certificate FK_CERT = TestAuthority.CA.issue("2021005521", "Försäkringskassan",
            CertificateUsage.ENCRYPTION, FK_ENCRYPTION.getPublic(), TestAuthority.START, TestAuthority.START.plus(
                    Duration.ofDays(10)));

    static KurirNode node;
    Api api = node.api();

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "sdk-envelope-it-");
        node = KurirNode.start(dir.resolve("node"), Map.of("kurir.crypto.keystore.path",
                TestAuthority.demoNodeKeysWith(dir, "2021005521-sdk-encryption", FK_ENCRYPTION, FK_CERT),
                "kurir.crypto.trust-anchors[0]", "config/keys/demo-ca.pem",
                "kurir.crypto.trust-anchors[1]", TestAuthority.pemIn(dir).toString()));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aSealedMessageForAMailboxOfThisNodeIsAcceptedAndWaitsThere() {
        String id = UUID.randomUUID().toString();
        byte[] envelope = seal(message(id, id), SKV_CERT, SKV_SIGNING);

        var answer = handOver(envelope);
        var again = handOver(envelope); // an access point that did not see the first answer hands it over again

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("<cbc:ResponseCode>ACCEPTED</cbc:ResponseCode>", "<cbc:ID>" + id + "</cbc:ID>",
                ">0203:forsakringskassan.se</cbc:EndpointID></cac:SenderParty>");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(Api.FORSAKRINGSKASSAN,
                "/sdk/v1/sdk/messages?filter[messageStatus]=NEW").body().contains(id));
        assertThat(api.get(Api.FORSAKRINGSKASSAN, "/sdk/v1/sdk/messages/" + id).json().get("data")
                .get("attributes").get("digitalDocument").get(0).get("documentId").asText()).isEqualTo("dok-1");
        assertThat(api.auditRecord(id, "MESSAGE_ACCEPTED").get("sender").asText()).isEqualTo("2021005448");
        assertThat(again.body()).as("the duplicate is answered as the first").contains(
                "<cbc:ResponseCode>ACCEPTED</cbc:ResponseCode>");
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json().findValuesAsText("type"))
                .as("one message, not two").containsOnlyOnce("MESSAGE_ACCEPTED");
    }

    @Test
    void anAlteredEnvelopeOrAnUntrustedSignerIsRejectedSigAndARuleBrokenBv() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] altered = new String(seal(message(id, id), SKV_CERT, SKV_SIGNING), StandardCharsets.UTF_8)
                .replace(id, UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8);
        CertificateAuthority stranger = CertificateAuthority.create("Not a trust anchor", TestAuthority.START,
                TestAuthority.START.plus(Duration.ofDays(10)));
        KeyPair strangerKey = TestAuthority.rsa();
        X509Certificate untrusted = stranger.issue("2021005448", "Skatteverket", CertificateUsage.SIGNING,
                strangerKey.getPublic(), TestAuthority.START, TestAuthority.START.plus(Duration.ofDays(10)));

        for (byte[] envelope : new byte[][] {altered, seal(message(id, id), untrusted, strangerKey)}) {
            var answer = handOver(envelope);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("<cbc:ResponseCode>REJECTED</cbc:ResponseCode>",
                    "<cbc:ResponseCode>SIG</cbc:ResponseCode>", "<cbc:StatusReasonCode>security</cbc:StatusReasonCode>");
        }
        var broken = handOver(seal(message(id, "samtal-42"), SKV_CERT, SKV_SIGNING));
        assertThat(broken.body()).contains("<cbc:ResponseCode>BV</cbc:ResponseCode>", "SDK-R3")
                .doesNotContain("samtal-42");
        assertThat(api.get(Api.FORSAKRINGSKASSAN, "/sdk/v1/sdk/messages/" + id).status()).isEqualTo(404);
    }

    @Test
    void aPayloadForAKeyThisNodeDoesNotHoldGetsNoReceipt() {
        KeyPair elsewhere = TestAuthority.rsa();
        X509Certificate elsewhereCert = TestAuthority.CA.issue("2021005521", "Försäkringskassan",
                CertificateUsage.ENCRYPTION, elsewhere.getPublic(), TestAuthority.START,
                TestAuthority.START.plus(Duration.ofDays(10)));
        String id = UUID.randomUUID().toString();
        byte[] envelope = XheEnvelope.seal(message(id, id).getBytes(StandardCharsets.UTF_8), header(id),
                elsewhereCert, SKV_CERT, SKV_SIGNING.getPrivate());

        var answer = handOver(envelope);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body()).isEmpty();
    }

    private Api.Response handOver(byte[] envelope) {
        return api.postRaw(Api.SKATTEVERKET, "/sdk/v1/envelopes", "application/xml", envelope);
    }

    private static byte[] seal(String message, X509Certificate signer, KeyPair key) {
        String id = message.replaceAll("(?s).*<m:messageId>([^<]*)</m:messageId>.*", "$1");
        return XheEnvelope.seal(message.getBytes(StandardCharsets.UTF_8), header(id), FK_CERT, signer,
                key.getPrivate());
    }

    private static XheEnvelope.Header header(String id) {
        return new XheEnvelope.Header(id, "2026-12-07T09:15:30.123Z", "0203:skatteverket.se",
                "0203:forsakringskassan.se");
    }

    private static String message(String messageId, String conversationId) {
        return SdkMessages.minimal().replace("<m:messageId>" + SdkMessages.MESSAGE_ID, "<m:messageId>" + messageId)
                .replace("<m:conversationId>" + SdkMessages.MESSAGE_ID, "<m:conversationId>" + conversationId)
                .replace("2026-12-07T09:15:30.123Z", Instant.now().toString().replaceAll("\\.(\\d{3})\\d*Z",
                        ".$1Z"));
    }

}
