package se.kurir.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * What can be learnt from a sealed payload without any private key: who it is encrypted for, with which
 * algorithms, and whether a given certificate's key made its signature. Reading it streams the whole payload once
 * (the signature covers every byte), in constant memory.
 */
public final class SealedPayload {

    private final List<SealedRecipient> recipients;
    private final Collection<SignerInformation> signers;
    private final List<X509Certificate> includedCertificates;

    private SealedPayload(List<SealedRecipient> recipients, Collection<SignerInformation> signers,
            List<X509Certificate> includedCertificates) {
        this.recipients = recipients;
        this.signers = signers;
        this.includedCertificates = includedCertificates;
    }

    /**
     * Reads a sealed payload to its end. Bytes that are not one (garbage, a cut-off file) are refused as
     * {@link MalformedSealException}; a failure to read the stream itself is an {@link IOException}, so a disk error
     * is never mistaken for a bad payload and rejected for good.
     */
    public static SealedPayload read(InputStream in) throws IOException {
        try {
            CMSSignedDataParser signed = signedLayer(new ReadFailuresUnchecked(in));
            InputStream body = signed.getSignedContent().getContentStream();
            List<SealedRecipient> recipients = new ArrayList<>();
            for (RecipientInformation info : new CMSAuthEnvelopedDataParser(body).getRecipientInfos()) {
                recipients.add(new SealedRecipient(info));
            }
            body.transferTo(java.io.OutputStream.nullOutputStream());
            return afterContent(signed, recipients);
        } catch (ReadFailuresUnchecked.Failure e) {
            throw e.getCause();
        } catch (IOException | CMSException | OperatorCreationException | RuntimeException e) {
            // BouncyCastle reports malformed ASN.1 as IOException (EOF included) or as runtime exceptions.
            throw new MalformedSealException("not a sealed payload (CMS SignedData of AuthEnvelopedData): "
                    + e.getMessage());
        }
    }

    /** The signature side of a sealed payload whose signed content has been read to its end. */
    static SealedPayload afterContent(CMSSignedDataParser signed, List<SealedRecipient> recipients)
            throws CMSException {
        return new SealedPayload(recipients, signed.getSignerInfos().getSigners(), certificates(signed));
    }

    /** Carries the stream's own read failures through the parser, which would report them like malformed input. */
    private static final class ReadFailuresUnchecked extends java.io.FilterInputStream {

        static final class Failure extends java.io.UncheckedIOException {
            Failure(IOException cause) {
                super(cause);
            }
        }

        ReadFailuresUnchecked(InputStream in) {
            super(in);
        }

        @Override
        public int read() {
            try {
                return super.read();
            } catch (IOException e) {
                throw new Failure(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw new Failure(e);
            }
        }
    }

    /**
     * The outer layer of a sealed payload, its signed content not read yet (the digest for the signature is computed
     * as the caller reads it).
     */
    static CMSSignedDataParser signedLayer(InputStream in) throws CMSException, OperatorCreationException {
        // The JDK's SHA-256 (CPU instructions) for the bulk digest: several times BouncyCastle's.
        CMSSignedDataParser signed = new CMSSignedDataParser(new JcaDigestCalculatorProviderBuilder().build(), in);
        CMSTypedStream content = signed.getSignedContent();
        if (content == null || !CmsSealer.CONTENT_INFO.equals(content.getContentType())) {
            throw new MalformedSealException("the signed content is not an enveloped payload");
        }
        return signed;
    }

    public List<SealedRecipient> recipients() {
        return recipients;
    }

    /** The certificate the signer included; a verifier trusts it only if it is registered for the sender. */
    public Optional<X509Certificate> includedSignerCertificate() {
        return includedCertificates.stream().filter(this::names).findFirst();
    }

    /** Whether {@code certificate} is the signer's and its key verifies the signature over the whole payload. */
    public boolean isSignedBy(X509Certificate certificate) {
        return signers.stream().filter(s -> names(s, certificate)).anyMatch(s -> verifies(s, certificate));
    }

    /** Whether {@code certificate} is named as a signer (its signature still to be checked). */
    public boolean names(X509Certificate certificate) {
        return signers.stream().anyMatch(s -> names(s, certificate));
    }

    private static boolean names(SignerInformation signer, X509Certificate certificate) {
        try {
            return signer.getSID().match(new X509CertificateHolder(certificate.getEncoded()));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean verifies(SignerInformation signer, X509Certificate certificate) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER)
                    .build(certificate));
        } catch (CMSException | OperatorCreationException e) {
            return false;
        }
    }

    private static List<X509Certificate> certificates(CMSSignedDataParser signed) throws CMSException {
        var converter = new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER);
        List<X509Certificate> result = new ArrayList<>();
        for (Object holder : signed.getCertificates().getMatches(null)) {
            try {
                result.add(converter.getCertificate((X509CertificateHolder) holder));
            } catch (java.security.cert.CertificateException e) {
                throw new MalformedSealException("an included certificate is unreadable");
            }
        }
        return result;
    }
}
