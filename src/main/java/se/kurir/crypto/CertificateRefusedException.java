package se.kurir.crypto;

/** A certificate that cannot be registered, revoked or used; the code is part of the public API. */
public class CertificateRefusedException extends RuntimeException {

    public enum Code {
        CERTIFICATE_UNREADABLE,
        /** The subject names no organisation number (organizationIdentifier NTRSE-... or serialNumber). */
        CERTIFICATE_NO_ORGANISATION_NUMBER,
        CERTIFICATE_UNKNOWN_PARTICIPANT,
        /** Key usage says neither signing nor encryption, or both: one key, one use. */
        CERTIFICATE_USAGE_UNCLEAR,
        CERTIFICATE_KEY_UNSUPPORTED,
        CERTIFICATE_EXPIRED,
        /** Not valid yet: registering it now would let it win over the current certificate later, unseen. */
        CERTIFICATE_NOT_YET_VALID,
        /** Not issued by one of the configured trust anchors ({@code kurir.crypto.trust-anchors}). */
        CERTIFICATE_UNTRUSTED,
        CERTIFICATE_REVOKED,
        CERTIFICATE_NOT_FOUND
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
