package se.kurir.crypto;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import se.kurir.audit.CheckpointSigner;

/**
 * Signs the audit log's checkpoints with the node's own key from its keystore (alias
 * {@code kurir.audit.checkpoints.key-alias}), and checks them with that key's certificate. The key never leaves this
 * object; checkpoints name the certificate by its fingerprint.
 */
final class AuditCheckpointKey implements CheckpointSigner {

    private final SigningKey key;
    private final String keyId;

    AuditCheckpointKey(SigningKey key) {
        this.key = key;
        this.keyId = Pem.fingerprint(key.certificate());
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public String sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(key.signatureAlgorithm());
            signature.initSign(key.privateKey());
            signature.update(data);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an audit checkpoint: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean verify(String signedBy, byte[] data, String signature) {
        if (!keyId.equals(signedBy)) {
            return false;
        }
        try {
            Signature check = Signature.getInstance(key.signatureAlgorithm());
            check.initVerify(key.certificate().getPublicKey());
            check.update(data);
            return check.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
