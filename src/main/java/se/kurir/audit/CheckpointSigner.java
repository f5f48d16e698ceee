package se.kurir.audit;

/**
 * The node's checkpoint key, kept where keys are kept (the crypto concern implements this port); the audit log only
 * asks for signatures and for checks of them.
 */
public interface CheckpointSigner {

    /** Fingerprint of the certificate whose key signs. */
    String keyId();

    /** Base64 signature over the bytes. */
    String sign(byte[] data);

    /** Whether the signature was made over the bytes by the key with this id. */
    boolean verify(String keyId, byte[] data, String signature);
}
