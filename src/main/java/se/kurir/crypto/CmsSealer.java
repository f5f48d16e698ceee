package se.kurir.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.List;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKEMRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Seals a payload, streaming: CMS SignedData (the sender's signature, its certificate included) whose content is a
 * CMS AuthEnvelopedData (AES-256-GCM, one recipient info per recipient certificate). Encrypt, then sign: anyone on
 * the way, the gateway included, can check who sealed the payload and for whom, without being able to read it.
 *
 * <p>The signed content's type is id-ct-contentInfo (RFC 5652): it holds the AuthEnvelopedData as a whole
 * ContentInfo, so it can be taken out and handled by any CMS library. Memory use does not depend on the payload's
 * size.
 */
public final class CmsSealer {

    /** The media type of a sealed payload (RFC 7193). */
    public static final String MEDIA_TYPE = "application/cms";

    /** id-ct-contentInfo (RFC 5652): the signed content is itself a ContentInfo, here of AuthEnvelopedData. */
    static final ASN1ObjectIdentifier CONTENT_INFO = new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.1.6");

    private static final int BUFFER = 64 * 1024;

    private CmsSealer() {
    }

    /** Seals everything {@code plaintext} yields into {@code out}; closes neither. */
    public static void seal(InputStream plaintext, OutputStream out, SigningKey signer,
            List<X509Certificate> recipients) throws IOException {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a sealed payload needs at least one recipient");
        }
        try {
            CMSSignedDataStreamGenerator signing = new CMSSignedDataStreamGenerator();
            // The digest over every byte comes from the JDK (CPU SHA instructions); the signature, over the signed
            // attributes only, from BouncyCastle.
            signing.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(signer.signatureAlgorithm()).setProvider(BouncyCastle.PROVIDER)
                            .build(signer.privateKey()), signer.certificate()));
            signing.addCertificate(new JcaX509CertificateHolder(signer.certificate()));
            signing.setBufferSize(BUFFER);

            CMSAuthEnvelopedDataStreamGenerator enveloping = new CMSAuthEnvelopedDataStreamGenerator();
            enveloping.setBufferSize(BUFFER);
            for (X509Certificate recipient : recipients) {
                enveloping.addRecipientInfoGenerator(recipientInfo(recipient));
            }
            OutputAEADEncryptor contentKey = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(
                    CMSAlgorithm.AES256_GCM).build();

            try (OutputStream signed = signing.open(CONTENT_INFO, nonClosing(out), true);
                    OutputStream encrypted = enveloping.open(signed, contentKey)) {
                plaintext.transferTo(encrypted);
            }
        } catch (CMSException | OperatorCreationException | GeneralSecurityException e) {
            throw new SealingFailedException("cannot seal: " + e.getMessage(), e);
        }
    }

    private static RecipientInfoGenerator recipientInfo(X509Certificate recipient) throws GeneralSecurityException {
        return switch (KeyKind.of(recipient.getPublicKey())) {
            case RSA -> new JceKeyTransRecipientInfoGenerator(recipient, new JcaAlgorithmParametersConverter()
                    .getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, new OAEPParameterSpec("SHA-256",
                            "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT)))
                    .setProvider(BouncyCastle.PROVIDER);
            case EC_P256 -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair ephemeral = generator.generateKeyPair();
                yield new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF, ephemeral.getPrivate(),
                        ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
                        .addRecipient(recipient).setProvider(BouncyCastle.PROVIDER);
            }
            case MLKEM768_ECDH_P256 -> new JceKEMRecipientInfoGenerator(recipient, CMSAlgorithm.AES256_WRAP)
                    .setProvider(BouncyCastle.PROVIDER);
            case OTHER -> throw new IllegalArgumentException("no sealing profile encrypts to a "
                    + recipient.getPublicKey().getAlgorithm() + " key");
        };
    }

    /** The generators close what they write to; the caller owns {@code out}. */
    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
