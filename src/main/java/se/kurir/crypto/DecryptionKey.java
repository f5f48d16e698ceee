package se.kurir.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A recipient's private key with the certificate senders encrypted to. Never logged. */
public record DecryptionKey(X509Certificate certificate, PrivateKey privateKey) {

    @Override
    public String toString() {
        return "DecryptionKey[" + certificate.getSubjectX500Principal() + "]";
    }
}
