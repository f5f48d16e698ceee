package se.kurir.adapter.rest;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.crypto.CertificateRefusedException;
import se.kurir.crypto.CertificateRegistry;
import se.kurir.crypto.KeyKind;
import se.kurir.crypto.ParticipantCertificate;
import se.kurir.crypto.Pem;
import se.kurir.registry.PayloadProtection.SealingProfile;

/**
 * The certificate registry. Certificates are public: any authenticated caller reads them (a sender sealing end to
 * end fetches its recipient's current encryption certificate here). Only operators register and revoke.
 */
@RestController
@RequestMapping("/api/v1/certificates")
class CertificateController {

    private final CertificateRegistry certificates;
    private final Clock clock;

    CertificateController(CertificateRegistry certificates, Clock clock) {
        this.certificates = certificates;
        this.clock = clock;
    }

    /**
     * @param pem one PEM-encoded X.509 certificate, as application/x-pem-file (text/plain is what a cross-site form
     *     can send, so it is not taken)
     */
    @PostMapping(consumes = "application/x-pem-file")
    ResponseEntity<View> register(@RequestBody String pem, Principal operator) {
        List<java.security.cert.X509Certificate> parsed = Pem.certificates(pem);
        if (parsed.size() != 1) {
            throw new CertificateRefusedException(CertificateRefusedException.Code.CERTIFICATE_UNREADABLE,
                    "certificate: send exactly one certificate, not " + parsed.size());
        }
        ParticipantCertificate registered = certificates.register(parsed.get(0), operator.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(View.of(registered, clock.instant()));
    }

    @GetMapping
    List<View> list(@RequestParam(required = false) String participant) {
        Instant now = clock.instant();
        return certificates.list(participant).stream().map(c -> View.of(c, now)).toList();
    }

    @GetMapping("/{keyId}")
    View one(@PathVariable String keyId) {
        return View.of(certificates.find(keyId), clock.instant());
    }

    /** The certificate a payload for this participant is sealed to under this profile: what senders encrypt to. */
    @GetMapping("/current")
    View current(@RequestParam String participant, @RequestParam SealingProfile profile) {
        KeyKind kind = KeyKind.forProfile(profile);
        return certificates.currentEncryption(participant, kind).map(c -> View.of(c, clock.instant()))
                .orElseThrow(() -> new CertificateRefusedException(CertificateRefusedException.Code
                        .CERTIFICATE_NOT_FOUND, "participant: " + participant + " has no valid " + kind
                        + " encryption certificate"));
    }

    record Revocation(String reason) {
    }

    @PostMapping("/{keyId}/revocation")
    View revoke(@PathVariable String keyId, @RequestBody Revocation revocation, Principal operator) {
        if (revocation.reason() == null || revocation.reason().isBlank()) {
            throw new BadRequestException(RestProblem.REVOCATION_REASON_MISSING,
                    "reason: say why the certificate is revoked");
        }
        return View.of(certificates.revoke(keyId, revocation.reason(), operator.getName()), clock.instant());
    }

    record View(String keyId, String participant, String usage, String keyKind, String subject, String serialNumber,
            Instant notBefore, Instant notAfter, String status, Instant registeredAt, String registeredBy,
            Instant revokedAt, String revocationReason, String pem) {

        static View of(ParticipantCertificate c, Instant now) {
            return new View(c.keyId(), c.participant(), c.usage().name(), c.keyKind().name(), c.subject(),
                    c.serialNumber(), c.notBefore(), c.notAfter(), c.statusAt(now).name(), c.registeredAt(),
                    c.registeredBy(), c.revokedAt(), c.revocationReason(), Pem.text(c.certificate()));
        }
    }
}
