package se.kurir.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.KEMRecipientInformation;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceKEMAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.crypto.io.InvalidCipherTextIOException;
import org.bouncycastle.operator.OperatorCreationException;

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
            SealedPayload outer = SealedPayload.afterContent(signed, List.of());
            return outer.includedSignerCertificate().filter(outer::isSignedBy)
                    .orElseThrow(() -> new AlteredPayloadException("the signature does not verify"));
        } catch (CMSException | OperatorCreationException e) {
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
