package se.kurir.crypto;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.KEMRecipientInformation;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.RecipientInformation;
import se.kurir.registry.PayloadProtection.SealingProfile;

/** One recipient a sealed payload is encrypted for, as its recipient info says (no key needed to read it). */
public record SealedRecipient(RecipientInformation info) {

    /** The composite ML-KEM-768 + ECDH-P256 KEM, as the draft and BouncyCastle 1.86 identify it. */
    static final String COMPOSITE_KEM_OID = "1.3.6.1.5.5.7.6.59";

    public boolean isFor(X509Certificate certificate) {
        try {
            return info.getRID().match(new JcaX509CertificateHolder(certificate));
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    /** The sealing profile this recipient's key transport belongs to; empty for anything else. */
    public Optional<SealingProfile> profile() {
        String algorithm = info.getKeyEncryptionAlgOID();
        if (info instanceof KeyTransRecipientInformation
                && PKCSObjectIdentifiers.id_RSAES_OAEP.getId().equals(algorithm)) {
            return Optional.of(SealingProfile.RSA_OAEP);
        }
        if (info instanceof KeyAgreeRecipientInformation && CMSAlgorithm.ECDH_SHA256KDF.getId().equals(algorithm)) {
            return Optional.of(SealingProfile.ECDH_P256);
        }
        if (info instanceof KEMRecipientInformation && COMPOSITE_KEM_OID.equals(algorithm)) {
            return Optional.of(SealingProfile.HYBRID_ML_KEM);
        }
        return Optional.empty();
    }
}
