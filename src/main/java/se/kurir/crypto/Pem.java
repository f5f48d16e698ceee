package se.kurir.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** Certificates in PEM text, and their fingerprints. */
public final class Pem {

    private Pem() {
    }

    /** Every certificate in the text; an empty text or anything unreadable is {@link CertificateRefusedException}. */
    public static List<X509Certificate> certificates(String text) {
        List<X509Certificate> result = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(text))) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER);
            for (PemObject object; (object = reader.readPemObject()) != null;) {
                if ("CERTIFICATE".equals(object.getType())) {
                    result.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(object.getContent())));
                }
            }
        } catch (IOException | CertificateException | java.security.NoSuchProviderException e) {
            throw new CertificateRefusedException(CertificateRefusedException.Code.CERTIFICATE_UNREADABLE,
                    "certificate: not a PEM-encoded X.509 certificate (" + e.getMessage() + ")");
        }
        if (result.isEmpty()) {
            throw new CertificateRefusedException(CertificateRefusedException.Code.CERTIFICATE_UNREADABLE,
                    "certificate: no '-----BEGIN CERTIFICATE-----' block found");
        }
        return result;
    }

    public static String text(Object certificateOrKey) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificateOrKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 and DER encoding are required", e);
        }
    }
}
