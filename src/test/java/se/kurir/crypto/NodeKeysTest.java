package se.kurir.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kurir.tool.CertificateAuthority;

/** The node's keystore: PKCS#12 or BCFKS, found by certificate, and a wrong password that does not leak. */
class NodeKeysTest {

    private static final Instant FROM = Instant.now().minus(Duration.ofHours(1));
    private static final String PASSWORD = "node-keys-test-password";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"PKCS12", "BCFKS"})
    void findsThePrivateKeyOfARegisteredCertificate(String type) throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Keys CA", FROM, FROM.plus(Duration.ofDays(1)));
        KeyPair signing = CertificateAuthority.generate(KeyKind.EC_P256);
        KeyPair hybrid = CertificateAuthority.generate(KeyKind.MLKEM768_ECDH_P256);
        var signingCertificate = ca.issue("2021005521", "FK", CertificateUsage.SIGNING, signing.getPublic(), FROM,
                FROM.plus(Duration.ofDays(1)));
        var hybridCertificate = ca.issue("2021005521", "FK", CertificateUsage.ENCRYPTION, hybrid.getPublic(), FROM,
                FROM.plus(Duration.ofDays(1)));
        var other = ca.issue("2021005521", "FK", CertificateUsage.SIGNING,
                CertificateAuthority.generate(KeyKind.EC_P256).getPublic(), FROM, FROM.plus(Duration.ofDays(1)));
        Path file = dir.resolve("node." + type.toLowerCase());
        CertificateAuthority.writeKeyStore(file, type, PASSWORD.toCharArray(), List.of(
                new CertificateAuthority.Entry("signing", signing, signingCertificate, ca.certificate()),
                new CertificateAuthority.Entry("hybrid", hybrid, hybridCertificate, ca.certificate())));

        NodeKeys keys = new NodeKeys(new CryptoProperties(null, List.of(),
                new CryptoProperties.Keystore(file, type, PASSWORD)));

        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.privateKeyFor(signingCertificate)).contains(signing.getPrivate());
        assertThat(keys.privateKeyFor(hybridCertificate)).contains(hybrid.getPrivate());
        assertThat(keys.privateKeyFor(other)).isEmpty();
    }

    @Test
    void aWrongOrMissingPasswordStopsTheNodeWithoutShowingThePassword() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Keys CA", FROM, FROM.plus(Duration.ofDays(1)));
        KeyPair key = CertificateAuthority.generate(KeyKind.EC_P256);
        Path file = dir.resolve("node.p12");
        CertificateAuthority.writeKeyStore(file, "PKCS12", PASSWORD.toCharArray(), List.of(
                new CertificateAuthority.Entry("k", key, ca.issue("2021005521", "FK", CertificateUsage.SIGNING,
                        key.getPublic(), FROM, FROM.plus(Duration.ofDays(1))), ca.certificate())));
        String wrong = "not-the-password";

        assertThatThrownBy(() -> new NodeKeys(new CryptoProperties(null, List.of(),
                new CryptoProperties.Keystore(file, "PKCS12", wrong))))
                .hasMessageContaining(file.toString()).hasMessageNotContaining(wrong);
        assertThatThrownBy(() -> new NodeKeys(new CryptoProperties(null, List.of(),
                new CryptoProperties.Keystore(file, "PKCS12", ""))))
                .hasMessageContaining("KURIR_KEYSTORE_PASSWORD");
        assertThat(new CryptoProperties.Keystore(file, "PKCS12", PASSWORD).toString()).doesNotContain(PASSWORD);
    }
}
