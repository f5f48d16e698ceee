package se.kurir.crypto;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kurir.audit.AuditEvent;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;
import se.kurir.crypto.CertificateRefusedException.Code;
import se.kurir.registry.Registry;

/**
 * The participants' certificates: registered from {@code config/certificates/} at start-up or by an operator,
 * revoked by an operator, never deleted. Registration is the trust decision (the certificate is pinned for its
 * participant), so it is audited like everything else that changes who can do what.
 *
 * <p>Rotation: the newest valid encryption certificate of the kind a profile needs is the one new messages are
 * sealed for; messages sealed earlier stay readable with the old private key, which the recipient keeps.
 */
@Service
public class CertificateRegistry {

    private final CertificateRepository repository;
    private final Registry registry;
    private final AuditLog audit;
    private final TrustAnchors anchors;
    private final Clock clock;

    CertificateRegistry(CertificateRepository repository, Registry registry, AuditLog audit, TrustAnchors anchors,
            Clock clock) {
        this.repository = repository;
        this.registry = registry;
        this.audit = audit;
        this.anchors = anchors;
        this.clock = clock;
    }

    /**
     * Registers the certificate for the participant its subject names; registering it again changes nothing. Only a
     * certificate a trust anchor issued, valid now (not merely later), is taken.
     */
    @Transactional
    public ParticipantCertificate register(X509Certificate certificate, String actor) {
        String keyId = Pem.fingerprint(certificate);
        Optional<ParticipantCertificate> known = repository.find(keyId);
        if (known.isPresent()) {
            return known.get();
        }
        String participant = OrganisationNumbers.fromSubject(certificate.getSubjectX500Principal())
                .orElseThrow(() -> new CertificateRefusedException(Code.CERTIFICATE_NO_ORGANISATION_NUMBER,
                        "certificate: the subject " + certificate.getSubjectX500Principal().getName()
                                + " has no organizationIdentifier NTRSE-<organisation number> or serialNumber"));
        if (registry.participant(participant).isEmpty()) {
            throw new CertificateRefusedException(Code.CERTIFICATE_UNKNOWN_PARTICIPANT,
                    "certificate: organisation number " + participant + " is not a participant");
        }
        KeyKind kind = KeyKind.of(certificate.getPublicKey());
        if (kind == KeyKind.OTHER) {
            throw new CertificateRefusedException(Code.CERTIFICATE_KEY_UNSUPPORTED, "certificate: a "
                    + certificate.getPublicKey().getAlgorithm() + " key; supported: RSA, EC P-256, "
                    + KeyKind.COMPOSITE_KEM);
        }
        Instant now = clock.instant();
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new CertificateRefusedException(Code.CERTIFICATE_EXPIRED,
                    "certificate: expired on " + certificate.getNotAfter().toInstant());
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new CertificateRefusedException(Code.CERTIFICATE_NOT_YET_VALID,
                    "certificate: not valid before " + certificate.getNotBefore().toInstant());
        }
        anchors.check(certificate, now);
        var registered = new ParticipantCertificate(keyId, participant, usageOf(certificate, kind), kind, now, actor,
                null, null, certificate);
        repository.insert(registered);
        audit.append(event(AuditEventType.CERTIFICATE_REGISTERED, actor, registered, null));
        return registered;
    }

    @Transactional
    public ParticipantCertificate revoke(String keyId, String reason, String actor) {
        ParticipantCertificate certificate = find(keyId);
        if (certificate.revokedAt() != null) {
            return certificate;
        }
        Instant now = clock.instant();
        repository.revoke(keyId, now, reason);
        ParticipantCertificate revoked = certificate.revoked(now, reason);
        audit.append(event(AuditEventType.CERTIFICATE_REVOKED, actor, revoked, reason));
        return revoked;
    }

    public ParticipantCertificate find(String keyId) {
        return repository.find(keyId).orElseThrow(() -> new CertificateRefusedException(Code.CERTIFICATE_NOT_FOUND,
                "keyId: no certificate " + keyId));
    }

    /** The registered certificate with this key id, if there is one. */
    public Optional<ParticipantCertificate> registered(String keyId) {
        return repository.find(keyId);
    }

    /** All certificates, or one participant's; newest first within each usage. */
    public List<ParticipantCertificate> list(String participantOrNull) {
        return repository.all(participantOrNull);
    }

    /** The participant's signing certificates, valid or not (a refusal names why an old one no longer counts). */
    public List<ParticipantCertificate> signing(String participant) {
        return repository.of(participant, CertificateUsage.SIGNING);
    }

    /** The participant's encryption certificates of one kind, newest first, valid or not. */
    public List<ParticipantCertificate> encryption(String participant, KeyKind kind) {
        return repository.of(participant, CertificateUsage.ENCRYPTION).stream()
                .filter(c -> c.keyKind() == kind).toList();
    }

    /** The certificate new messages for this participant are encrypted to: the newest valid one of this kind. */
    public Optional<ParticipantCertificate> currentEncryption(String participant, KeyKind kind) {
        Instant now = clock.instant();
        return encryption(participant, kind).stream()
                .filter(c -> c.statusAt(now) == ParticipantCertificate.Status.VALID).findFirst();
    }

    private static CertificateUsage usageOf(X509Certificate certificate, KeyKind kind) {
        boolean[] usage = certificate.getKeyUsage();
        boolean signs = usage != null && (usage[0] || usage[1]);          // digitalSignature, nonRepudiation
        boolean encrypts = usage != null && (usage[2] || usage[4]);       // keyEncipherment, keyAgreement
        if (kind == KeyKind.MLKEM768_ECDH_P256) {
            encrypts = true; // a KEM key can do nothing else
            signs = false;
        }
        if (signs == encrypts) {
            throw new CertificateRefusedException(Code.CERTIFICATE_USAGE_UNCLEAR, "certificate: key usage must say "
                    + "either digitalSignature (signing) or keyEncipherment/keyAgreement (encryption), not "
                    + (signs ? "both" : "neither"));
        }
        return signs ? CertificateUsage.SIGNING : CertificateUsage.ENCRYPTION;
    }

    private static AuditEvent event(AuditEventType type, String actor, ParticipantCertificate c, String reason) {
        Map<String, String> details = new TreeMap<>(Map.of("keyId", c.keyId(), "usage", c.usage().name(),
                "keyKind", c.keyKind().name(), "subject", c.subject(), "serialNumber", c.serialNumber(),
                "notAfter", c.notAfter().toString()));
        if (reason != null) {
            details.put("reason", reason);
        }
        return new AuditEvent(type, actor, null, c.participant(), null, null, null, null, details);
    }
}
