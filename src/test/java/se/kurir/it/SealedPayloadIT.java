package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.crypto.CertificateUsage;
import se.kurir.crypto.CmsOpener;
import se.kurir.crypto.CmsSealer;
import se.kurir.crypto.DecryptionKey;
import se.kurir.crypto.KeyKind;
import se.kurir.crypto.OrganisationNumbers;
import se.kurir.crypto.Pem;
import se.kurir.crypto.SigningKey;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.IntegrationTest;
import se.kurir.support.StoredPayloads;
import se.kurir.support.TestAuthority;
import se.kurir.tool.CertificateAuthority;

/**
 * Sealed payloads through the running gateway, with keys and certificates made here and registered through the
 * operator API. End to end: Försäkringskassan seals for Polismyndigheten (hybrid ML-KEM, agreement
 * fk-polisen-utredningsunderlag). By the gateway: Polismyndigheten posts plaintext for Migrationsverket (RSA-OAEP,
 * polisen-migrationsverket-utredningsunderlag), sealed with Polismyndigheten's key held at the node.
 */
class SealedPayloadIT extends IntegrationTest {

    private static final String FK = "2021005521";
    private static final String POLISEN_MAILBOX = "/api/v1/mailboxes/2021000076.underrattelse/messages";
    private static final String MIGRATIONSVERKET_MAILBOX = "/api/v1/mailboxes/2021002163.identitet/messages";
    private static final Instant START = TestAuthority.START;
    /** Each certificate made here starts a second after the one before, so the newest is unambiguous. */
    private static final AtomicInteger SERIAL_SECOND = new AtomicInteger();
    private static final CertificateAuthority CA = TestAuthority.CA;

    private static final SigningKey FK_SIGNING = signing(FK, Duration.ofDays(10));
    private static final DecryptionKey POLISEN_HYBRID = encryption("2021000076", KeyKind.MLKEM768_ECDH_P256);

    @Value("${kurir.payload.directory}")
    Path payloadDirectory;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEndToEndSealedPayloadIsRoutedUnreadAndOpensOnlyForItsRecipient() throws Exception {
        registerAll();
        String secret = secretPayload();
        byte[] sealed = seal(secret, FK_SIGNING, POLISEN_HYBRID.certificate());

        var sent = sendSealed(Api.FORSAKRINGSKASSAN, fkToPolisen(), sealed);
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        String id = sent.json().get("messageId").asText();

        assertThat(storedPayloads().placesContaining(secret)).isEmpty();
        byte[] fetched = fetch(Api.POLISEN, POLISEN_MAILBOX, id);
        assertThat(fetched).isEqualTo(sealed);
        var plaintext = new ByteArrayOutputStream();
        X509Certificate signer = CmsOpener.open(new ByteArrayInputStream(fetched), plaintext, List.of(POLISEN_HYBRID));
        assertThat(plaintext.toString(StandardCharsets.UTF_8)).isEqualTo(secret);
        assertThat(signer).isEqualTo(FK_SIGNING.certificate());

        DecryptionKey wrongRecipient = encryption("2021000076", KeyKind.MLKEM768_ECDH_P256);
        assertThatThrownBy(() -> CmsOpener.open(new ByteArrayInputStream(fetched), new ByteArrayOutputStream(),
                List.of(wrongRecipient))).isInstanceOf(CmsOpener.NotARecipientException.class);

        JsonNode check = api.auditRecord(id, "SIGNATURE_CHECKED");
        assertThat(details(check).at("/result").asText()).isEqualTo("VALID");
        assertThat(details(check).at("/signerKeyId").asText()).isEqualTo(Pem.fingerprint(FK_SIGNING.certificate()));
        assertThat(details(check).at("/recipientKeyId").asText())
                .isEqualTo(Pem.fingerprint(POLISEN_HYBRID.certificate()));
        assertThat(details(check).at("/profile").asText()).isEqualTo("HYBRID_ML_KEM");
        assertThat(check.toString()).doesNotContain(secret);
    }

    @Test
    void alteredCiphertextAndAlteredSignaturesAreRejected() throws Exception {
        registerAll();
        byte[] sealed = seal(secretPayload(), FK_SIGNING, POLISEN_HYBRID.certificate());
        byte[] alteredContent = sealed.clone();
        alteredContent[sealed.length / 2] ^= 0x01;
        assertRejected(sendSealed(Api.FORSAKRINGSKASSAN, fkToPolisen(), alteredContent), "SIGNATURE_INVALID");

        SigningKey unregistered = signing(FK, Duration.ofDays(10)); // FK's name, a key the registry does not know
        var byStranger = sendSealed(Api.FORSAKRINGSKASSAN, fkToPolisen(),
                seal(secretPayload(), unregistered, POLISEN_HYBRID.certificate()));
        assertRejected(byStranger, "SIGNATURE_INVALID");
        JsonNode check = api.auditRecord(byStranger.json().get("messageId").asText(), "SIGNATURE_CHECKED");
        assertThat(check.get("reasonCode").asText()).isEqualTo("SIGNATURE_INVALID");

        assertRejected(sendSealed(Api.FORSAKRINGSKASSAN, fkToPolisen(), "not CMS".getBytes(StandardCharsets.UTF_8)),
                "SEAL_MALFORMED");
    }

    @Test
    void whatTheAgreementDoesNotAllowIsRejectedWithAClearCode() throws Exception {
        registerAll();
        var plain = api.sendMessage(Api.FORSAKRINGSKASSAN, fkToPolisen(), "application/json",
                secretPayload().getBytes(StandardCharsets.UTF_8), "application/json");
        assertRejected(plain, "PAYLOAD_NOT_SEALED");

        DecryptionKey polisenRsa = encryption("2021000076", KeyKind.RSA);
        register(polisenRsa.certificate());
        assertRejected(sendSealed(Api.FORSAKRINGSKASSAN, fkToPolisen(),
                seal(secretPayload(), FK_SIGNING, polisenRsa.certificate())), "SEALING_PROFILE_MISMATCH");

        DecryptionKey unregistered = encryption("2021000076", KeyKind.MLKEM768_ECDH_P256);
        assertRejected(sendSealed(Api.FORSAKRINGSKASSAN, fkToPolisen(),
                seal(secretPayload(), FK_SIGNING, unregistered.certificate())), "SEALING_PROFILE_MISMATCH");
    }

    @Test
    void revokedAndExpiredSigningCertificatesAreRefused() throws Exception {
        registerAll();
        SigningKey revoked = signing(FK, Duration.ofDays(10));
        String keyId = register(revoked.certificate()).get("keyId").asText();
        var revocation = api.post(Api.OPERATOR, "/api/v1/certificates/" + keyId + "/revocation",
                "{\"reason\": \"key compromised (test)\"}");
        assertThat(revocation.json().get("status").asText()).isEqualTo("REVOKED");
        assertRejected(sendSealed(Api.FORSAKRINGSKASSAN, fkToPolisen(),
                seal(secretPayload(), revoked, POLISEN_HYBRID.certificate())), "CERTIFICATE_REVOKED");
        var audit = api.get(Api.AUDITOR, "/api/v1/audit?participant=" + FK + "&from="
                + Instant.now().minus(Duration.ofMinutes(1))).json();
        assertThat(audit.findValues("type").stream().map(JsonNode::asText)).contains("CERTIFICATE_REVOKED");
        assertThat(audit.toString()).contains(keyId).contains("key compromised (test)");

        SigningKey shortLived = signing(FK, Duration.ofSeconds(3)); // not after: a few seconds from now
        register(shortLived.certificate());
        byte[] sealed = seal(secretPayload(), shortLived, POLISEN_HYBRID.certificate());
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(
                shortLived.certificate().getNotAfter().toInstant()));
        assertRejected(sendSealed(Api.FORSAKRINGSKASSAN, fkToPolisen(), sealed), "CERTIFICATE_EXPIRED");

        X509Certificate notYet = CA.issue(FK, "IT", CertificateUsage.SIGNING,
                CertificateAuthority.generate(KeyKind.EC_P256).getPublic(), Instant.now().plus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(10)));
        var early = api.postPem(Api.OPERATOR, "/api/v1/certificates", Pem.text(notYet));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("code").asText()).isEqualTo("CERTIFICATE_NOT_YET_VALID");

        SigningKey expired = signing(FK, Duration.ofSeconds(-1));
        var refused = api.postPem(Api.OPERATOR, "/api/v1/certificates", Pem.text(expired.certificate()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("CERTIFICATE_EXPIRED");
        assertThat(refused.json().get("detail").asText()).startsWith("certificate:");
    }

    @Test
    void aCertificateFromAnIssuerTheNodeDoesNotTrustIsNeverRegisteredAndNeverSealedFor() throws Exception {
        registerAll();
        CertificateAuthority stranger = CertificateAuthority.create("Stranger CA", START.minus(Duration.ofDays(1)),
                START.plus(Duration.ofDays(30)));
        KeyPair key = CertificateAuthority.generate(KeyKind.RSA);
        // Newer than every Migrationsverket certificate: had it been registered, it would win the sealing.
        var foreign = stranger.issue("2021002163", "IT", CertificateUsage.ENCRYPTION, key.getPublic(),
                Instant.now().minusSeconds(1), START.plus(Duration.ofDays(20)));

        var refused = api.postPem(Api.OPERATOR, "/api/v1/certificates", Pem.text(foreign));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("CERTIFICATE_UNTRUSTED");
        assertThat(api.get(Api.OPERATOR, "/api/v1/certificates/" + Pem.fingerprint(foreign)).status())
                .isEqualTo(404);
        var current = api.get(Api.OPERATOR, "/api/v1/certificates/current?participant=2021002163&profile=RSA_OAEP");
        if (current.status() == 200) {
            assertThat(current.json().get("keyId").asText()).isNotEqualTo(Pem.fingerprint(foreign));
        }
        var audit = api.get(Api.AUDITOR, "/api/v1/audit?participant=demo-operator&from="
                + Instant.now().minus(Duration.ofMinutes(1))).json();
        assertThat(audit.findValuesAsText("reasonCode")).contains("CERTIFICATE_UNTRUSTED");
    }

    @Test
    void theGatewaySealsPlaintextForTheRecipientAndKeepsNoPlaintext() throws Exception {
        DecryptionKey migrationsverket = encryption("2021002163", KeyKind.RSA);
        register(migrationsverket.certificate());
        String secret = secretPayload();

        var sent = api.sendMessage(Api.POLISEN, polisenToMigrationsverket(), "application/json",
                secret.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        String id = sent.json().get("messageId").asText();

        assertThat(storedPayloads().placesContaining(secret)).isEmpty();
        byte[] fetched = fetch(Api.MIGRATIONSVERKET, MIGRATIONSVERKET_MAILBOX, id);
        var plaintext = new ByteArrayOutputStream();
        X509Certificate signer = CmsOpener.open(new ByteArrayInputStream(fetched), plaintext,
                List.of(migrationsverket));
        assertThat(plaintext.toString(StandardCharsets.UTF_8)).isEqualTo(secret);
        assertThat(OrganisationNumbers.fromSubject(signer.getSubjectX500Principal())).contains("2021000076");

        var message = api.get(Api.MIGRATIONSVERKET, MIGRATIONSVERKET_MAILBOX + "/" + id).json();
        assertThat(message.at("/payload/size").asLong()).isEqualTo(fetched.length);
        JsonNode sealing = api.auditRecord(id, "PAYLOAD_SEALED");
        assertThat(details(sealing).at("/recipientKeyId").asText())
                .isEqualTo(Pem.fingerprint(migrationsverket.certificate()));
        assertThat(details(sealing).at("/profile").asText()).isEqualTo("RSA_OAEP");
        assertThat(details(sealing).at("/signerKeyId").asText()).hasSize(64);
    }

    @Test
    void withoutAValidRecipientCertificateTheGatewayRejectsAndKeepsThePlaintextForRecovery() throws Exception {
        for (JsonNode certificate : api.get(Api.OPERATOR, "/api/v1/certificates?participant=2021002163").json()) {
            if (certificate.get("keyKind").asText().equals("RSA") && certificate.get("usage").asText()
                    .equals("ENCRYPTION") && certificate.get("status").asText().equals("VALID")) {
                api.post(Api.OPERATOR, "/api/v1/certificates/" + certificate.get("keyId").asText() + "/revocation",
                        "{\"reason\": \"superseded (test)\"}");
            }
        }
        String secret = secretPayload();

        var sent = api.sendMessage(Api.POLISEN, polisenToMigrationsverket(), "application/json",
                secret.getBytes(StandardCharsets.UTF_8), "application/json");

        assertRejected(sent, "NO_ENCRYPTION_CERTIFICATE");
        assertThat(storedPayloads().placesContaining(secret)).as("a rejected message keeps its payload").hasSize(1);
        assertThat(api.get(Api.POLISEN, "/api/v1/certificates/current?participant=2021002163&profile=RSA_OAEP")
                .json().get("code").asText()).isEqualTo("CERTIFICATE_NOT_FOUND");
    }

    @Test
    void afterAKeyRotationNewMessagesUseTheNewKeyAndOldOnesStayReadable() throws Exception {
        DecryptionKey before = encryption("2021002163", KeyKind.RSA);
        register(before.certificate());
        String first = sendPlain(Api.POLISEN, polisenToMigrationsverket(), "before rotation");

        DecryptionKey after = encryption("2021002163", KeyKind.RSA);
        register(after.certificate());
        var current = api.get(Api.POLISEN, "/api/v1/certificates/current?participant=2021002163&profile=RSA_OAEP");
        assertThat(current.json().get("keyId").asText()).isEqualTo(Pem.fingerprint(after.certificate()));
        String second = sendPlain(Api.POLISEN, polisenToMigrationsverket(), "after rotation");

        byte[] old = fetch(Api.MIGRATIONSVERKET, MIGRATIONSVERKET_MAILBOX, first);
        byte[] renewed = fetch(Api.MIGRATIONSVERKET, MIGRATIONSVERKET_MAILBOX, second);
        assertThat(open(old, List.of(after, before))).isEqualTo("before rotation");
        assertThat(open(renewed, List.of(after, before))).isEqualTo("after rotation");
        assertThatThrownBy(() -> open(renewed, List.of(before))).isInstanceOf(CmsOpener.NotARecipientException.class);
    }

    @Test
    void onlyOperatorsRegisterCertificatesAndEveryRegistrationNamesItsParticipant() {
        DecryptionKey key = encryption("2021005448", KeyKind.EC_P256);
        var byParticipant = api.postPem(Api.SKATTEVERKET, "/api/v1/certificates", Pem.text(key.certificate()));
        assertThat(byParticipant.status()).isEqualTo(403);

        DecryptionKey stranger = encryption("5560000000", KeyKind.EC_P256);
        var unknown = api.postPem(Api.OPERATOR, "/api/v1/certificates", Pem.text(stranger.certificate()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("code").asText()).isEqualTo("CERTIFICATE_UNKNOWN_PARTICIPANT");

        var garbage = api.postPem(Api.OPERATOR, "/api/v1/certificates", "-----BEGIN CERTIFICATE-----\nAAAA\n");
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(garbage.json().get("code").asText()).isEqualTo("CERTIFICATE_UNREADABLE");

        var registered = register(key.certificate());
        assertThat(registered.get("participant").asText()).isEqualTo("2021005448");
        assertThat(registered.get("usage").asText()).isEqualTo("ENCRYPTION");
        assertThat(registered.get("registeredBy").asText()).isEqualTo("demo-operator");
        var listed = api.get(Api.SKATTEVERKET, "/api/v1/certificates?participant=2021005448").json();
        assertThat(listed.findValuesAsText("keyId")).contains(registered.get("keyId").asText());
    }

    // --- helpers

    private void registerAll() {
        register(FK_SIGNING.certificate());
        register(POLISEN_HYBRID.certificate());
    }

    private JsonNode register(X509Certificate certificate) {
        var answer = api.postPem(Api.OPERATOR, "/api/v1/certificates", Pem.text(certificate));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    private Api.Response sendSealed(String apiKey, String envelope, byte[] sealed) {
        return api.sendMessage(apiKey, envelope, "application/json", sealed, CmsSealer.MEDIA_TYPE);
    }

    private String sendPlain(String apiKey, String envelope, String text) {
        var sent = api.sendMessage(apiKey, envelope, "application/json", text.getBytes(StandardCharsets.UTF_8),
                "text/plain");
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        return sent.json().get("messageId").asText();
    }

    private static void assertRejected(Api.Response answer, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.json().get("code").asText()).isEqualTo(code);
        assertThat(answer.json().get("detail").asText()).startsWith("payload:");
    }

    private byte[] fetch(String apiKey, String mailbox, String id) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get(apiKey,
                mailbox + "/" + id).json().get("state").asText()).isEqualTo("DELIVERED"));
        var fetched = api.get(apiKey, mailbox + "/" + id + "/payload");
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.header("Content-Type")).startsWith(CmsSealer.MEDIA_TYPE);
        return fetched.raw().body();
    }

    /** An audit record's details are stored (and hashed) as one JSON text. */
    private static JsonNode details(JsonNode record) {
        return Api.parse(record.get("details").asText());
    }

    private StoredPayloads storedPayloads() {
        return new StoredPayloads(payloadDirectory, jdbc);
    }

    private static String open(byte[] sealed, List<DecryptionKey> keys) throws IOException {
        var out = new ByteArrayOutputStream();
        CmsOpener.open(new ByteArrayInputStream(sealed), out, keys);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static byte[] seal(String text, SigningKey signer, X509Certificate recipient) throws IOException {
        var out = new ByteArrayOutputStream();
        CmsSealer.seal(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out, signer,
                List.of(recipient));
        return out.toByteArray();
    }

    /** Synthetic: a test personal identity number and a marker no other test stores. */
    private static String secretPayload() {
        return "{\"personnummer\": \"" + Envelopes.SYNTHETIC_PERSONNUMMER + "\", \"marker\": \"" + UUID.randomUUID()
                + "\"}";
    }

    private static String fkToPolisen() {
        return Envelopes.envelope(null, "2021000076.underrattelse", "utredningsunderlag", "SFS 2009:400",
                "10 kap. 24 §", "OWN_INITIATIVE", "brottsbekampning", "SERIOUS");
    }

    private static String polisenToMigrationsverket() {
        return Envelopes.envelope(null, "2021002163.identitet", "utredningsunderlag", "SFS 2009:400",
                "10 kap. 27 §", "OWN_INITIATIVE", "brottsbekampning", "SERIOUS");
    }

    private static Instant nextNotBefore() {
        return START.plusSeconds(SERIAL_SECOND.incrementAndGet());
    }

    private static SigningKey signing(String orgNumber, Duration validFromNow) {
        try {
            KeyPair key = CertificateAuthority.generate(KeyKind.EC_P256);
            return new SigningKey(CA.issue(orgNumber, "IT", CertificateUsage.SIGNING, key.getPublic(),
                    nextNotBefore(), Instant.now().plus(validFromNow)), key.getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DecryptionKey encryption(String orgNumber, KeyKind kind) {
        try {
            KeyPair key = CertificateAuthority.generate(kind);
            return new DecryptionKey(CA.issue(orgNumber, "IT", CertificateUsage.ENCRYPTION, key.getPublic(),
                    nextNotBefore(), START.plus(Duration.ofDays(10))), key.getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
