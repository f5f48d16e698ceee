package se.kurir.registry;

import java.util.Objects;

/**
 * What an agreement demands of its payloads' protection: sealed (signed by the sender, encrypted for the recipient
 * with CMS) under one profile of algorithms. Metadata in the envelope stays in clear either way.
 *
 * @param sealedBy who may seal: only the sender (end to end, the gateway never sees the plaintext), or also the
 *     gateway, on the sender's behalf with the sender's key held at its node
 */
public record PayloadProtection(SealingProfile profile, SealedBy sealedBy) {

    public PayloadProtection {
        Objects.requireNonNull(profile, "protection.profile");
        sealedBy = sealedBy == null ? SealedBy.SENDER : sealedBy;
    }

    /** The algorithms a sealed payload must use. Content is always AES-256-GCM (CMS AuthEnvelopedData). */
    public enum SealingProfile {
        /** RSA-OAEP (SHA-256) key transport to the recipient's RSA encryption certificate. */
        RSA_OAEP,
        /** ECDH on P-256 (ephemeral-static, SHA-256 KDF, AES-256 key wrap) to the recipient's EC certificate. */
        ECDH_P256,
        /**
         * ML-KEM-768 (FIPS 203) combined with ECDH P-256 in one composite KEM key, so the content key is safe as long
         * as either algorithm holds: traffic captured today stays closed if the classical algorithm falls later.
         */
        HYBRID_ML_KEM
    }

    public enum SealedBy { SENDER, GATEWAY_OR_SENDER }
}
