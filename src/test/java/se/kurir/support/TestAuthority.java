package se.kurir.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import se.kurir.crypto.KeyKind;
import se.kurir.crypto.Pem;
import se.kurir.tool.CertificateAuthority;

/**
 * The CA the integration tests issue participants' certificates from. The shared test node trusts it beside the demo
 * CA ({@code kurir.crypto.trust-anchors}), as a federation trusts its own CA: a certificate from any other issuer is
 * refused at registration.
 */
public final class TestAuthority {

    public static final Instant START = Instant.now().minus(Duration.ofHours(1));
    public static final CertificateAuthority CA = CertificateAuthority.create("Kurir integration-test CA",
            START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(30)));

    private TestAuthority() {
    }

    /** A fresh RSA key pair, the kind SDK's XML signatures and AS4's need. */
    public static KeyPair rsa() {
        try {
            return CertificateAuthority.generate(KeyKind.RSA);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The demo node keystore with one participant key added under {@code alias}, its certificate issued by this CA,
     * as a node holding that participant's key would have it; returns the new keystore's path.
     */
    public static String demoNodeKeysWith(Path dir, String alias, KeyPair key, X509Certificate certificate)
            throws IOException, GeneralSecurityException {
        char[] password = "demo-keystore-password".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("config/keys/demo-node-keys.p12"))) {
            store.load(in, password);
        }
        store.setKeyEntry(alias, key.getPrivate(), password, new Certificate[] {certificate, CA.certificate()});
        Path file = dir.resolve("node-keys.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file.toString();
    }

    /** Writes the CA certificate as PEM into the directory, for a node's trust anchors. */
    public static Path pemIn(Path dir) {
        try {
            return Files.writeString(dir.resolve("test-ca.pem"), Pem.text(CA.certificate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
