package se.kurir.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A private signing key with its certificate. Never logged: {@link #toString()} names the certificate only. */
public record SigningKey(X509Certificate certificate, PrivateKey privateKey) {

    String signatureAlgorithm() {
        return switch (KeyKind.of(certificate.getPublicKey())) {
            case RSA -> "SHA256withRSA";
            case EC_P256 -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException(
                    "signing keys must be RSA or EC P-256, not " + certificate.getPublicKey().getAlgorithm());
        };
    }

    @Override
    public String toString() {
        return "SigningKey[" + certificate.getSubjectX500Principal() + "]";
    }
}
