package se.kurir.tool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.kurir.crypto.CertificateUsage;
import se.kurir.crypto.KeyKind;
import se.kurir.crypto.Pem;

/**
 * Generates the demo federation's keys and certificates (DEMO ONLY: the private keys are published in the
 * repository). Run from the project directory:
 *
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.mainClass=se.kurir.tool.DemoKeysCommand
 * </pre>
 *
 * <p>Writes {@code config/certificates/demo/} (each participant's signing certificate and its RSA, EC P-256 and
 * hybrid ML-KEM encryption certificates, registered at start-up) and {@code config/keys/}: {@code demo-ca.pem},
 * the node keystore with the participants' signing keys and the node's audit checkpoint key
 * ({@code demo-node-keys.p12}), one keystore per agency with
 * its signing and decryption keys for the seal helper, and the TLS material for mutual TLS (server, trust store, one
 * client certificate per agency).
 */
public final class DemoKeysCommand {

    /** Known to everybody: demo only, named as such, also in config/application-demo.yml. */
    static final char[] DEMO_PASSWORD = "demo-keystore-password".toCharArray();

    private static final Map<String, String> PARTICIPANTS = Map.of("2021005448", "Skatteverket",
            "2021005521", "Forsakringskassan", "2021006297", "Pensionsmyndigheten", "2021000076", "Polismyndigheten",
            "2021002163", "Migrationsverket", "2021005489", "Bolagsverket", "2021004003", "Kriminalvarden");

    private DemoKeysCommand() {
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        Path config = Path.of(args.length > 0 ? args[0] : "config");
        Path certificates = Files.createDirectories(config.resolve("certificates/demo"));
        Path keys = Files.createDirectories(config.resolve("keys"));
        Instant from = Instant.now().minus(Duration.ofDays(1));
        Instant to = from.plus(Duration.ofDays(3650));
        CertificateAuthority ca = CertificateAuthority.create("Kurir DEMO CA (not for production)", from, to);
        Files.writeString(keys.resolve("demo-ca.pem"), Pem.text(ca.certificate()));

        List<CertificateAuthority.Entry> nodeKeys = new ArrayList<>();
        for (var participant : PARTICIPANTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            String org = participant.getKey();
            String name = participant.getValue() + " DEMO";
            KeyPair signing = CertificateAuthority.generate(KeyKind.EC_P256);
            X509Certificate signingCertificate = ca.issue(org, name, CertificateUsage.SIGNING, signing.getPublic(),
                    from, to);
            Files.writeString(certificates.resolve(org + "-signing.pem"), Pem.text(signingCertificate));
            nodeKeys.add(new CertificateAuthority.Entry(org + "-signing", signing, signingCertificate,
                    ca.certificate()));

            List<CertificateAuthority.Entry> agencyKeys = new ArrayList<>();
            agencyKeys.add(new CertificateAuthority.Entry("signing", signing, signingCertificate, ca.certificate()));
            for (KeyKind kind : List.of(KeyKind.RSA, KeyKind.EC_P256, KeyKind.MLKEM768_ECDH_P256)) {
                KeyPair encryption = CertificateAuthority.generate(kind);
                X509Certificate certificate = ca.issue(org, name, CertificateUsage.ENCRYPTION,
                        encryption.getPublic(), from, to);
                String label = "encryption-" + kind.name().toLowerCase().replace('_', '-');
                Files.writeString(certificates.resolve(org + "-" + label + ".pem"), Pem.text(certificate));
                agencyKeys.add(new CertificateAuthority.Entry(label, encryption, certificate, ca.certificate()));
            }
            CertificateAuthority.writeKeyStore(keys.resolve("demo-agency-" + org + ".p12"), "PKCS12",
                    DEMO_PASSWORD, agencyKeys);
            // The TLS client key alone in its file: curl and OpenSSL take the first key of a PKCS#12 file.
            KeyPair tls = CertificateAuthority.generate(KeyKind.EC_P256);
            CertificateAuthority.writeKeyStore(keys.resolve("demo-tls-client-" + org + ".p12"), "PKCS12",
                    DEMO_PASSWORD, List.of(new CertificateAuthority.Entry("tls-client", tls,
                            ca.issueTls(org, name, tls.getPublic(), List.of(), from, to), ca.certificate())));
        }
        // The node's own key that signs the audit log's checkpoints (kurir.audit.checkpoints.key-alias).
        KeyPair checkpoints = CertificateAuthority.generate(KeyKind.EC_P256);
        nodeKeys.add(new CertificateAuthority.Entry("audit-checkpoints", checkpoints, ca.issue(null,
                "Kurir DEMO node audit checkpoints", CertificateUsage.SIGNING, checkpoints.getPublic(), from, to),
                ca.certificate()));
        CertificateAuthority.writeKeyStore(keys.resolve("demo-node-keys.p12"), "PKCS12", DEMO_PASSWORD, nodeKeys);

        KeyPair server = CertificateAuthority.generate(KeyKind.EC_P256);
        CertificateAuthority.writeKeyStore(keys.resolve("demo-tls-server.p12"), "PKCS12", DEMO_PASSWORD,
                List.of(new CertificateAuthority.Entry("kurir", server, ca.issueTls(null, "localhost",
                        server.getPublic(), List.of("localhost", "127.0.0.1"), from, to), ca.certificate())));
        CertificateAuthority.writeTrustStore(keys.resolve("demo-tls-trust.p12"), DEMO_PASSWORD,
                List.of(ca.certificate()));
        System.out.println("Demo keys written to " + keys + " and " + certificates + " (DEMO ONLY)");
    }
}
