package se.kurir.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.KEMRecipientInformation;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.crypto.io.InvalidCipherTextIOException;
import org.bouncycastle.cms.jcajce.JceKEMAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * Opens a payload sealed by {@link CmsSealer}, streaming: decrypts with whichever of the given keys it was encrypted
 * for, then checks the AES-GCM tag and the signature. Both checks can only end when the last byte has been read, so
 * plaintext is written before they are done: when this method throws, the caller must discard what it wrote
 * (the command-line helper writes to a temporary file and renames it only on success).
 */
public final class CmsOpener {

    private CmsOpener() {
    }

    /**
     * @param keys the recipient's keys, current and earlier ones (after a rotation old messages are still sealed
     *     for the old key)
     * @return the signer's certificate, as included in the payload and verified against its signature; whether
     *     that is the expected sender's certificate is for the caller to decide
     */
    public static X509Certificate open(InputStream sealed, OutputStream plaintext, List<DecryptionKey> keys)
            throws IOException {
        try {
            CMSSignedDataParser signed = SealedPayload.signedLayer(sealed);
            InputStream body = signed.getSignedContent().getContentStream();
            CMSAuthEnvelopedDataParser enveloped = new CMSAuthEnvelopedDataParser(body);
            RecipientInformation mine = null;
            DecryptionKey key = null;
            for (RecipientInformation info : enveloped.getRecipientInfos()) {
                for (DecryptionKey candidate : keys) {
                    if (mine == null && new SealedRecipient(info).isFor(candidate.certificate())) {
                        mine = info;
                        key = candidate;
                    }
                }
            }
            if (mine == null) {
                throw new NotARecipientException();
            }
            try (InputStream decrypted = mine.getContentStream(recipient(mine, key)).getContentStream()) {
                decrypted.transferTo(plaintext);
            } catch (InvalidCipherTextIOException e) {
                throw new AlteredPayloadException("the AES-GCM tag does not match");
            }
            body.transferTo(OutputStream.nullOutputStream());
            return verifiedSigner(signed);
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException e) {
            throw new SealingFailedException("cannot open the sealed payload: " + e.getMessage(), e);
        }
    }

    private static Recipient recipient(RecipientInformation info, DecryptionKey key) {
        // BouncyCastle for content decryption too: its AES-GCM streams, where the JDK's holds all ciphertext back.
        if (info instanceof KEMRecipientInformation) {
            return new JceKEMAuthEnvelopedRecipient(key.privateKey()).setProvider(BouncyCastle.PROVIDER);
        }
        if (info instanceof KeyAgreeRecipientInformation) {
            return new JceKeyAgreeAuthEnvelopedRecipient(key.privateKey()).setProvider(BouncyCastle.PROVIDER);
        }
        return new JceKeyTransAuthEnvelopedRecipient(key.privateKey()).setProvider(BouncyCastle.PROVIDER);
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate verifiedSigner(CMSSignedDataParser signed)
            throws CMSException, OperatorCreationException, java.security.cert.CertificateException {
        for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
            for (Object match : signed.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID())) {
                X509CertificateHolder holder = (X509CertificateHolder) match;
                if (signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER)
                        .build(holder))) {
                    try {
                        return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                                .getCertificate(holder);
                    } catch (java.security.cert.CertificateException e) {
                        throw new MalformedSealException("the signer's certificate is unreadable");
                    }
                }
            }
        }
        throw new AlteredPayloadException("the signature does not verify");
    }

    /** None of the keys given is one the payload was encrypted for. */
    public static class NotARecipientException extends RuntimeException {
        NotARecipientException() {
            super("the payload is not encrypted for any of the keys given");
        }
    }

    /** The tag or the signature does not verify: the payload was altered after it was sealed. */
    public static class AlteredPayloadException extends RuntimeException {
        AlteredPayloadException(String reason) {
            super("the payload was altered after sealing: " + reason);
        }
    }
}
