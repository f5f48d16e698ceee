package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kurir.crypto.KeyKind;
import se.kurir.crypto.Pem;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.KurirNode;
import se.kurir.support.ShsClient;
import se.kurir.tool.CertificateAuthority;

/**
 * HTTPS with mutual TLS on a node of its own: agency systems authenticate with client certificates made here by a
 * test CA; the organisation number in the subject maps a certificate to its participant.
 */
class MutualTlsIT {

    private static final char[] PASSWORD = "mtls-it-password".toCharArray();
    private static final Instant FROM = Instant.now().minus(Duration.ofHours(1));
    private static final Instant TO = FROM.plus(Duration.ofDays(2));

    @TempDir
    static Path dir;
    private static KurirNode node;
    private static CertificateAuthority ca;
    private static Path trust;

    @BeforeAll
    static void start() throws Exception {
        ca = CertificateAuthority.create("MutualTlsIT CA", FROM, TO);
        KeyPair server = CertificateAuthority.generate(KeyKind.EC_P256);
        Path serverStore = dir.resolve("server.p12");
        CertificateAuthority.writeKeyStore(serverStore, "PKCS12", PASSWORD, List.of(new CertificateAuthority.Entry(
                "server", server, ca.issueTls(null, "localhost", server.getPublic(), List.of("localhost"), FROM, TO),
                ca.certificate())));
        trust = dir.resolve("trust.p12");
        CertificateAuthority.writeTrustStore(trust, PASSWORD, List.of(ca.certificate()));
        Path caPem = Files.writeString(dir.resolve("ca.pem"), Pem.text(ca.certificate()));
        node = KurirNode.start(dir.resolve("data"), Map.of("spring.profiles.active", "demo,tls",
                "kurir.crypto.trust-anchors[0]", "config/keys/demo-ca.pem", "kurir.crypto.trust-anchors[1]", caPem,
                "KURIR_TLS_KEYSTORE", serverStore.toString(), "KURIR_TLS_KEYSTORE_PASSWORD", new String(PASSWORD),
                "KURIR_TLS_TRUSTSTORE", trust.toString(), "KURIR_TLS_TRUSTSTORE_PASSWORD", new String(PASSWORD)));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void anAgencySystemIsItsParticipantByItsClientCertificateOverTls13() throws Exception {
        HttpClient polisen = client(clientStore(ca, "2021000076", "polisen"));

        HttpResponse<String> answer = get(polisen, "/api/v1/catalogue/agreements");

        assertThat(answer.statusCode()).isEqualTo(200);
        var agreements = Api.parse(answer.body());
        assertThat(agreements).isNotEmpty()
                .allSatisfy(a -> assertThat(a.toString()).as("Polismyndigheten is a party").contains("2021000076"));
        assertThat(answer.body()).contains("polisen-falsk-identitet").doesNotContain("skv-fk-inkomstuppgift");
        assertThat(answer.sslSession()).get().extracting(s -> s.getProtocol()).isEqualTo("TLSv1.3");
    }

    @Test
    void anShsClientIsItsParticipantByItsClientCertificate() throws Exception {
        HttpClient polisen = client(clientStore(ca, "2021000076", "polisen-shs"));
        String tx = UUID.randomUUID().toString();
        String label = ShsClient.label(tx, "urn:X-shs:2021000076", "urn:X-shs:2021005448", ShsClient.FALSK_IDENTITET);

        HttpResponse<String> sent = postShs(polisen, label);
        HttpResponse<String> asAnother = postShs(polisen, ShsClient.label(UUID.randomUUID().toString()));
        HttpResponse<String> outbox = get(polisen, "/shs/ds/urn:X-shs:2021000076");
        HttpResponse<String> othersOutbox = get(polisen, "/shs/ds/urn:X-shs:2021005448");

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(sent.headers().firstValue("X-shs-txid")).contains(tx);
        assertThat(asAnother.statusCode()).isEqualTo(400);
        assertThat(asAnother.headers().firstValue("X-shs-errorcode")).contains("IllegalSender");
        assertThat(outbox.statusCode()).isEqualTo(200);
        assertThat(othersOutbox.statusCode()).isEqualTo(403);
    }

    private static HttpResponse<String> postShs(HttpClient client, String label) throws Exception {
        ShsClient.Mime message = new ShsClient.Mime().label(label, StandardCharsets.ISO_8859_1)
                .data("application/json", "rapport.json", Envelopes.payload());
        return client.send(request("/shs/rs").header("Content-Type", "multipart/mixed; boundary=\""
                + message.boundary() + "\"").POST(HttpRequest.BodyPublishers.ofByteArray(message.closed())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutACertificateOrKeyTheCallerIsUnauthenticatedAndApiKeysRemainAnOption() throws Exception {
        HttpClient anonymous = client(null);
        HttpResponse<String> answer = get(anonymous, "/api/v1/catalogue/agreements");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(Api.parse(answer.body()).get("code").asText()).isNotBlank();

        HttpResponse<String> withKey = anonymous.send(request("/api/v1/catalogue/agreements")
                .header("X-Api-Key", Api.POLISEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withKey.statusCode()).isEqualTo(200);
    }

    @Test
    void aCertificateFromAnUntrustedIssuerDoesNotAuthenticate() throws Exception {
        CertificateAuthority stranger = CertificateAuthority.create("Stranger CA", FROM, TO);
        HttpClient impostor = client(clientStore(stranger, "2021000076", "impostor"));

        // The server asks for certificates from its trusted CAs only, so the JDK client sends none (a client that
        // sent it anyway would fail the handshake): either way, no participant.
        assertThat(get(impostor, "/api/v1/catalogue/agreements").statusCode()).isEqualTo(401);

        HttpClient insistent = client(clientStore(stranger, "2021000076", "insistent"), true);
        assertThatThrownBy(() -> get(insistent, "/api/v1/catalogue/agreements")).isInstanceOf(IOException.class);
    }

    @Test
    void aTrustedCertificateThatNamesNoParticipantOrIsRevokedIsRefused() throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        HttpResponse<String> unknown = get(client(clientStore(ca, "5560000000", "unknown")),
                "/api/v1/catalogue/agreements");
        assertThat(unknown.statusCode()).isEqualTo(401);

        Path revokedStore = clientStore(ca, "2021000076", "revoked");
        var certificate = loadCertificate(revokedStore);
        HttpClient operator = client(null);
        var registered = operator.send(request("/api/v1/certificates").header("Authorization", basic(Api.OPERATOR))
                .header("Content-Type", "application/x-pem-file")
                .POST(HttpRequest.BodyPublishers.ofString(Pem.text(certificate))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        HttpClient revoked = client(revokedStore);
        assertThat(get(revoked, "/api/v1/catalogue/agreements").statusCode()).isEqualTo(200);

        operator.send(request("/api/v1/certificates/" + Pem.fingerprint(certificate) + "/revocation")
                .header("Authorization", basic(Api.OPERATOR)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"system decommissioned\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get(revoked, "/api/v1/catalogue/agreements").statusCode()).isEqualTo(401);

        // Both refusals are audited under the certificate that was presented (bad-input catalogue, mTLS rows).
        var audit = operator.send(request("/api/v1/audit?from=" + since).header("Authorization", basic(Api.AUDITOR))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        var refusals = Api.parse(audit.body()).findParents("reasonCode").stream()
                .filter(r -> r.get("type").asText().equals("REQUEST_REFUSED")).toList();
        assertThat(refusals).extracting(r -> r.get("reasonCode").asText())
                .contains("CLIENT_CERTIFICATE_NO_PARTICIPANT", "CLIENT_CERTIFICATE_REVOKED");
        assertThat(refusals).extracting(r -> r.get("actor").asText())
                .contains("certificate:" + Pem.fingerprint(certificate));
    }

    @Test
    void oldProtocolsAreRefused() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers(), null);
        SSLParameters tls11 = new SSLParameters();
        tls11.setProtocols(new String[] {"TLSv1.1"});
        HttpClient old = HttpClient.newBuilder().sslContext(context).sslParameters(tls11).build();

        assertThatThrownBy(() -> get(old, "/api/v1/catalogue/agreements")).isInstanceOf(IOException.class);
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + node.port() + path))
                .timeout(Duration.ofSeconds(10));
    }

    private static String basic(String userAndPassword) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(userAndPassword.getBytes());
    }

    /** An HTTPS client that checks the server against the test CA (and its host name), with this client key. */
    private static HttpClient client(Path keyStore) throws Exception {
        return client(keyStore, false);
    }

    /** @param insist present the certificate even when the server asks for other issuers */
    private static HttpClient client(Path keyStore, boolean insist) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        javax.net.ssl.KeyManager[] keyManagers = null;
        if (keyStore != null) {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore), PASSWORD);
            keyManagers = keys.getKeyManagers();
            if (insist) {
                keyManagers = new javax.net.ssl.KeyManager[] {
                    new Insisting((javax.net.ssl.X509ExtendedKeyManager) keyManagers[0])};
            }
        }
        context.init(keyManagers, trustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static javax.net.ssl.TrustManager[] trustManagers() throws Exception {
        TrustManagerFactory trusted = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusted.init(load(trust));
        return trusted.getTrustManagers();
    }

    private static Path clientStore(CertificateAuthority issuer, String orgNumber, String name)
            throws IOException, GeneralSecurityException {
        KeyPair key = CertificateAuthority.generate(KeyKind.EC_P256);
        Path file = dir.resolve(name + "-" + System.nanoTime() + ".p12");
        CertificateAuthority.writeKeyStore(file, "PKCS12", PASSWORD, List.of(new CertificateAuthority.Entry("client",
                key, issuer.issueTls(orgNumber, name, key.getPublic(), List.of(), FROM, TO), issuer.certificate())));
        return file;
    }

    private static java.security.cert.X509Certificate loadCertificate(Path store) throws Exception {
        return (java.security.cert.X509Certificate) load(store).getCertificate("client");
    }

    /** Offers its only certificate whatever issuers the server names. */
    private static final class Insisting extends javax.net.ssl.X509ExtendedKeyManager {
        private final javax.net.ssl.X509ExtendedKeyManager keys;
        private final String alias;

        Insisting(javax.net.ssl.X509ExtendedKeyManager keys) {
            this.keys = keys;
            this.alias = keys.getClientAliases("EC", null)[0];
        }

        @Override
        public String chooseEngineClientAlias(String[] types, java.security.Principal[] issuers,
                javax.net.ssl.SSLEngine engine) {
            return alias;
        }

        @Override
        public String chooseClientAlias(String[] types, java.security.Principal[] issuers, java.net.Socket socket) {
            return alias;
        }

        @Override
        public String[] getClientAliases(String type, java.security.Principal[] issuers) {
            return new String[] {alias};
        }

        @Override
        public String[] getServerAliases(String type, java.security.Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String type, java.security.Principal[] issuers, java.net.Socket socket) {
            return null;
        }

        @Override
        public java.security.cert.X509Certificate[] getCertificateChain(String name) {
            return keys.getCertificateChain(name);
        }

        @Override
        public java.security.PrivateKey getPrivateKey(String name) {
            return keys.getPrivateKey(name);
        }
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
