package se.kurir.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The certificate authorities a participant's certificate must be issued by before an operator (or the start-up
 * seeder) can register it. Registration decides whom payloads are sealed for, so a certificate anybody could make
 * must never get that far.
 */
@Component
public class TrustAnchors {

    private final List<X509Certificate> anchors;

    TrustAnchors(CryptoProperties properties) {
        anchors = new ArrayList<>();
        for (Path file : properties.trustAnchors()) {
            try {
                anchors.addAll(Pem.certificates(Files.readString(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("kurir.crypto.trust-anchors: cannot read " + file, e);
            }
        }
    }

    /** The anchors, for a check made elsewhere (an XML signature's signer, say). */
    public List<X509Certificate> certificates() {
        return List.copyOf(anchors);
    }

    /** Refuses a certificate that no anchor valid at {@code now} signed. */
    void check(X509Certificate certificate, Instant now) {
        for (X509Certificate anchor : anchors) {
            if (anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && validAt(anchor, now) && signedBy(certificate, anchor)) {
                return;
            }
        }
        throw new CertificateRefusedException(CertificateRefusedException.Code.CERTIFICATE_UNTRUSTED,
                "certificate: issued by " + certificate.getIssuerX500Principal().getName()
                        + ", which is not a trust anchor of this node (kurir.crypto.trust-anchors)");
    }

    private static boolean validAt(X509Certificate anchor, Instant now) {
        try {
            anchor.checkValidity(Date.from(now));
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate anchor) {
        try {
            certificate.verify(anchor.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
