package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.crypto.KeyKind;
import se.kurir.support.Envelopes;
import se.kurir.support.KurirNode;
import se.kurir.support.PushReceiver;
import se.kurir.tool.CertificateAuthority;

/**
 * The gateway's own TLS calls to an agency's endpoint (push, here): the endpoint's chain must lead to the federation
 * trust store and its certificate must name the host; an endpoint that wants mutual TLS gets the gateway's client
 * certificate.
 */
class OutboundTlsIT {

    private static final char[] PASSWORD = "outbound-it-password".toCharArray();
    private static final Instant FROM = Instant.now().minus(Duration.ofHours(1));
    private static final Instant TO = FROM.plus(Duration.ofDays(1));

    @TempDir
    Path dir;

    @Test
    void pushGoesOverMutualTlsToAnEndpointWhoseCertificateNamesItsHostAndNowhereElse() throws Exception {
        CertificateAuthority federation = CertificateAuthority.create("Federation CA", FROM, TO);
        Path trust = dir.resolve("federation-trust.p12");
        CertificateAuthority.writeTrustStore(trust, PASSWORD, List.of(federation.certificate()));
        KeyPair gateway = CertificateAuthority.generate(KeyKind.EC_P256);
        Path gatewayKeys = dir.resolve("gateway-client.p12");
        CertificateAuthority.writeKeyStore(gatewayKeys, "PKCS12", PASSWORD, List.of(new CertificateAuthority.Entry(
                "gateway", gateway, federation.issueTls("2021005448", "Kurir node", gateway.getPublic(), List.of(),
                        FROM, TO), federation.certificate())));

        try (PushReceiver right = PushReceiver.https(server(federation, "localhost", trust), true);
                PushReceiver wrongName = PushReceiver.https(server(federation, "push.elsewhere.example", trust),
                        false)) {
            String id = UUID.randomUUID().toString();
            try (KurirNode node = KurirNode.start(dir.resolve("a"), Map.of("kurir.demo.push-url", right.url(),
                    "kurir.outbound-tls.trust-store", trust, "kurir.outbound-tls.trust-store-password",
                    new String(PASSWORD), "kurir.outbound-tls.key-store", gatewayKeys,
                    "kurir.outbound-tls.key-store-password", new String(PASSWORD)))) {
                var sent = node.api().sendMessage(PushDeliveryIT.KRIMINALVARDEN, PushDeliveryIT.notice(id),
                        Envelopes.payload());
                assertThat(sent.status()).as(sent.body()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(15)).until(() -> right.receivedFor(id).size() == 1);
            }

            String misnamed = UUID.randomUUID().toString();
            try (KurirNode node = KurirNode.start(dir.resolve("b"), Map.of("kurir.demo.push-url", wrongName.url(),
                    "kurir.outbound-tls.trust-store", trust, "kurir.outbound-tls.trust-store-password",
                    new String(PASSWORD)))) {
                node.api().sendMessage(PushDeliveryIT.KRIMINALVARDEN, PushDeliveryIT.notice(misnamed),
                        Envelopes.payload());
                // Trusted chain, wrong host name: every attempt fails before a byte of the message is sent.
                JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
                await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                        "SELECT attempts FROM messages WHERE message_id = ?", Integer.class, misnamed) >= 1);
                assertThat(wrongName.receivedFor(misnamed)).isEmpty();
                assertThat(jdbc.queryForObject("SELECT state FROM messages WHERE message_id = ?", String.class,
                        misnamed)).isNotEqualTo("DELIVERED");
            }
        }
    }

    /** A server TLS context with a certificate for {@code host}, trusting the federation's client certificates. */
    private SSLContext server(CertificateAuthority ca, String host, Path trust) throws Exception {
        KeyPair key = CertificateAuthority.generate(KeyKind.EC_P256);
        Path file = dir.resolve(host + ".p12");
        CertificateAuthority.writeKeyStore(file, "PKCS12", PASSWORD, List.of(new CertificateAuthority.Entry("server",
                key, ca.issueTls(null, host, key.getPublic(), List.of(host), FROM, TO), ca.certificate())));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(file), PASSWORD);
        TrustManagerFactory trusted = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusted.init(load(trust));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trusted.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}
