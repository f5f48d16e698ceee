package se.kurir.crypto;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import se.kurir.registry.PayloadProtection.SealingProfile;

/** The kind of public key a certificate carries, as far as sealing cares. */
public enum KeyKind {
    RSA,
    EC_P256,
    /** Composite ML-KEM-768 + ECDH P-256 (draft-ietf-lamps-pq-composite-kem), as BouncyCastle names it. */
    MLKEM768_ECDH_P256,
    OTHER;

    /** BouncyCastle's name for the composite KEM (key pair generator, key algorithm). */
    public static final String COMPOSITE_KEM = "MLKEM768-ECDH-P256-SHA3-256";

    public static KeyKind of(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return RSA;
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
            return EC_P256;
        }
        return COMPOSITE_KEM.equalsIgnoreCase(key.getAlgorithm()) ? MLKEM768_ECDH_P256 : OTHER;
    }

    /** The recipient key a sealing profile encrypts to. */
    public static KeyKind forProfile(SealingProfile profile) {
        return switch (profile) {
            case RSA_OAEP -> RSA;
            case ECDH_P256 -> EC_P256;
            case HYBRID_ML_KEM -> MLKEM768_ECDH_P256;
        };
    }
}
