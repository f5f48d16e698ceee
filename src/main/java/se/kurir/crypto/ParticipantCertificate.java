package se.kurir.crypto;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * A participant's registered certificate.
 *
 * @param keyId the SHA-256 fingerprint of the certificate (hex): how audit records and receipts name it
 */
public record ParticipantCertificate(String keyId, String participant, CertificateUsage usage, KeyKind keyKind,
        Instant registeredAt, String registeredBy, Instant revokedAt, String revocationReason,
        X509Certificate certificate) {

    public enum Status { VALID, NOT_YET_VALID, EXPIRED, REVOKED }

    public Status statusAt(Instant instant) {
        if (revokedAt != null && !instant.isBefore(revokedAt)) {
            return Status.REVOKED;
        }
        if (instant.isBefore(notBefore())) {
            return Status.NOT_YET_VALID;
        }
        return instant.isAfter(notAfter()) ? Status.EXPIRED : Status.VALID;
    }

    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** RFC 2253, with the organizationIdentifier by name (the JDK would print it as hex otherwise). */
    public String subject() {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253,
                Map.of("2.5.4.97", "organizationIdentifier"));
    }

    public String serialNumber() {
        return certificate.getSerialNumber().toString(16);
    }

    ParticipantCertificate revoked(Instant at, String reason) {
        return new ParticipantCertificate(keyId, participant, usage, keyKind, registeredAt, registeredBy, at, reason,
                certificate);
    }
}
