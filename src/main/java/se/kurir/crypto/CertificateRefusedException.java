package se.kurir.crypto;

import se.kurir.policy.RejectionCode;
import se.kurir.problem.ProblemCode;

/** A certificate that cannot be registered, revoked or used; the code is part of the public API. */
public class CertificateRefusedException extends RuntimeException {

    /** Shares {@code CERTIFICATE_EXPIRED} and {@code CERTIFICATE_REVOKED}, and their meaning,
            with {@link RejectionCode}. */
    public enum Code implements ProblemCode {
        CERTIFICATE_UNREADABLE("The upload is not one PEM X.509 certificate."),
        CERTIFICATE_NO_ORGANISATION_NUMBER(
                "The subject names no organisation number (organizationIdentifier NTRSE-... or serialNumber)."),
        CERTIFICATE_UNKNOWN_PARTICIPANT("The certificate's organisation number is not a registered participant."),
        CERTIFICATE_USAGE_UNCLEAR("Key usage says neither signing nor encryption, or both: one key, one use."),
        CERTIFICATE_KEY_UNSUPPORTED("The key is of a type or size the sealing profiles do not use."),
        CERTIFICATE_EXPIRED(RejectionCode.CERTIFICATE_EXPIRED.meaning()),
        CERTIFICATE_NOT_YET_VALID(
                "Not valid yet: registered now, it would win over the current certificate later, unseen."),
        CERTIFICATE_UNTRUSTED("Not issued by one of the configured trust anchors (kurir.crypto.trust-anchors)."),
        CERTIFICATE_REVOKED(RejectionCode.CERTIFICATE_REVOKED.meaning()),
        CERTIFICATE_NOT_FOUND("No registered certificate has this id.");

        private final String meaning;

        Code(String meaning) {
            this.meaning = meaning;
        }

        @Override
        public String meaning() {
            return meaning;
        }
    }

    private final Code code;

    public CertificateRefusedException(Code code, String detail) {
        super(detail);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
