package se.kurir.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    /** Writes the CA certificate as PEM into the directory, for a node's trust anchors. */
    public static Path pemIn(Path dir) {
        try {
            return Files.writeString(dir.resolve("test-ca.pem"), Pem.text(CA.certificate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
