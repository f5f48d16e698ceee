package se.kurir.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import se.kurir.audit.AuditEvent;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;
import se.kurir.payload.PayloadStore;
import se.kurir.payload.StoredPayload;
import se.kurir.policy.RejectionCode;
import se.kurir.registry.PayloadProtection.SealingProfile;

/**
 * What the pipeline asks of payload protection: check a payload the sender sealed, or seal one on the sender's
 * behalf. Each check and each seal is an audit record naming the keys (by key id) and the profile, never content.
 */
@Service
public class PayloadSealing {

    static final String GATEWAY = "gateway";

    private final CertificateRegistry certificates;
    private final NodeKeys keys;
    private final PayloadStore store;
    private final AuditLog audit;
    private final Clock clock;

    PayloadSealing(CertificateRegistry certificates, NodeKeys keys, PayloadStore store, AuditLog audit, Clock clock) {
        this.certificates = certificates;
        this.keys = keys;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks a payload the sender sealed: signed by a registered, valid signing certificate of the sender, and
     * encrypted under the profile for a registered, valid encryption certificate of the recipient.
     *
     * @throws SealingRefusedException naming why not (audited before it is thrown)
     */
    public void verify(SealingContext context, SealingProfile profile, StoredPayload sealed) {
        SealedPayload payload;
        try (InputStream in = store.open(sealed.sha256())) {
            payload = SealedPayload.read(in);
        } catch (MalformedSealException e) {
            throw refuseCheck(context, profile, null, RejectionCode.SEAL_MALFORMED, "payload: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = clock.instant();
        ParticipantCertificate signer = certificates.signing(context.sender()).stream()
                .filter(c -> payload.names(c.certificate())).findFirst()
                .orElseThrow(() -> refuseCheck(context, profile, null, RejectionCode.SIGNATURE_INVALID,
                        "payload: the signer is not a registered signing certificate of " + context.sender()));
        switch (signer.statusAt(now)) {
            case REVOKED -> throw refuseCheck(context, profile, signer, RejectionCode.CERTIFICATE_REVOKED,
                    "payload: signed with certificate " + signer.keyId() + ", revoked " + signer.revokedAt());
            case EXPIRED, NOT_YET_VALID -> throw refuseCheck(context, profile, signer,
                    RejectionCode.CERTIFICATE_EXPIRED, "payload: signed with certificate " + signer.keyId()
                            + ", valid " + signer.notBefore() + " to " + signer.notAfter());
            case VALID -> { }
        }
        if (!payload.isSignedBy(signer.certificate())) {
            throw refuseCheck(context, profile, signer, RejectionCode.SIGNATURE_INVALID,
                    "payload: the signature does not verify with certificate " + signer.keyId());
        }
        Optional<ParticipantCertificate> recipient = certificates
                .encryption(context.recipientParticipant(), KeyKind.forProfile(profile)).stream()
                .filter(c -> c.statusAt(now) == ParticipantCertificate.Status.VALID)
                .filter(c -> payload.recipients().stream()
                        .anyMatch(r -> r.isFor(c.certificate()) && r.profile().equals(Optional.of(profile))))
                .findFirst();
        if (recipient.isEmpty()) {
            throw refuseCheck(context, profile, signer, RejectionCode.SEALING_PROFILE_MISMATCH, "payload: not "
                    + "encrypted with " + profile + " for a valid certificate of " + context.recipientParticipant());
        }
        Map<String, String> details = details(profile, signer, sealed);
        details.put("recipientKeyId", recipient.get().keyId());
        details.put("result", "VALID");
        audit.append(event(AuditEventType.SIGNATURE_CHECKED, context, null, details));
    }

    /**
     * Seals a plaintext payload for the recipient: signed with the sender's key held at this node, encrypted for the
     * recipient's current certificate of the profile's kind. The plaintext stays where it is; the caller discards it.
     *
     * @return the sealed payload, in the store
     * @throws SealingRefusedException when a key or certificate is missing (the message is rejected, not queued)
     */
    public StoredPayload seal(SealingContext context, SealingProfile profile, StoredPayload plaintext) {
        ParticipantCertificate recipient = certificates
                .currentEncryption(context.recipientParticipant(), KeyKind.forProfile(profile))
                .orElseThrow(() -> new SealingRefusedException(RejectionCode.NO_ENCRYPTION_CERTIFICATE,
                        "recipient: " + context.recipientParticipant() + " has no valid " + KeyKind.forProfile(profile)
                                + " encryption certificate"));
        ParticipantCertificate signerCertificate = null;
        PrivateKey signerKey = null;
        Instant now = clock.instant();
        for (ParticipantCertificate candidate : certificates.signing(context.sender())) {
            Optional<PrivateKey> key = keys.privateKeyFor(candidate.certificate());
            if (candidate.statusAt(now) == ParticipantCertificate.Status.VALID && key.isPresent()) {
                signerCertificate = candidate;
                signerKey = key.get();
                break;
            }
        }
        if (signerCertificate == null) {
            throw new SealingRefusedException(RejectionCode.SIGNING_KEY_UNAVAILABLE,
                    "sender: this node holds no valid signing key of " + context.sender());
        }
        SigningKey signer = new SigningKey(signerCertificate.certificate(), signerKey);
        StoredPayload sealed = store.write(out -> {
            try (InputStream in = store.open(plaintext.sha256())) {
                CmsSealer.seal(in, out, signer, List.of(recipient.certificate()));
            }
        });
        Map<String, String> details = details(profile, signerCertificate, sealed);
        details.put("recipientKeyId", recipient.keyId());
        details.put("plaintextSize", Long.toString(plaintext.size()));
        audit.append(event(AuditEventType.PAYLOAD_SEALED, context, null, details));
        return sealed;
    }

    private SealingRefusedException refuseCheck(SealingContext context, SealingProfile profile,
            ParticipantCertificate signer, RejectionCode code, String detail) {
        Map<String, String> details = details(profile, signer, null);
        details.put("result", code.name());
        audit.append(event(AuditEventType.SIGNATURE_CHECKED, context, code, details));
        return new SealingRefusedException(code, detail);
    }

    private static Map<String, String> details(SealingProfile profile, ParticipantCertificate signer,
            StoredPayload payload) {
        Map<String, String> details = new TreeMap<>();
        details.put("profile", profile.name());
        if (signer != null) {
            details.put("signerKeyId", signer.keyId());
            details.put("signerSubject", signer.subject());
        }
        if (payload != null) {
            details.put("sha256", payload.sha256());
            details.put("size", Long.toString(payload.size()));
        }
        return details;
    }

    private static AuditEvent event(AuditEventType type, SealingContext c, RejectionCode code,
            Map<String, String> details) {
        details.put("agreement", c.agreementId());
        return new AuditEvent(type, GATEWAY, c.messageId(), c.sender(), c.recipient(), c.product(),
                code == null ? null : code.name(), c.legalBasis(), details);
    }
}
