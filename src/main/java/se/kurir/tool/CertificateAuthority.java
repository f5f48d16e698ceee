package se.kurir.tool;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import se.kurir.crypto.BouncyCastle;
import se.kurir.crypto.CertificateUsage;
import se.kurir.crypto.KeyKind;

/**
 * A small certificate authority for the demo federation and for tests: it issues participants' signing and
 * encryption certificates (organisation number in the subject as organizationIdentifier NTRSE-...) and TLS
 * certificates. Real federations use their agencies' function certificates; nothing in the gateway depends on this.
 */
public final class CertificateAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair key;
    private final X509Certificate certificate;

    private CertificateAuthority(KeyPair key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    public static CertificateAuthority create(String name, Instant notBefore, Instant notAfter) {
        try {
            KeyPair key = generate(KeyKind.EC_P256);
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "SE")
                    .addRDN(BCStyle.O, name).addRDN(BCStyle.CN, name).build();
            var builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(notBefore),
                    Date.from(notAfter), subject, key.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key.getPublic()));
            return new CertificateAuthority(key, sign(builder, key));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create a certificate authority", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public static KeyPair generate(KeyKind kind) throws GeneralSecurityException {
        KeyPairGenerator generator;
        switch (kind) {
            case RSA -> {
                generator = KeyPairGenerator.getInstance("RSA", BouncyCastle.PROVIDER);
                generator.initialize(3072, RANDOM);
            }
            case EC_P256 -> {
                generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
                generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            }
            case MLKEM768_ECDH_P256 -> generator = KeyPairGenerator.getInstance(KeyKind.COMPOSITE_KEM,
                    BouncyCastle.PROVIDER);
            default -> throw new IllegalArgumentException("no key of kind " + kind);
        }
        return generator.generateKeyPair();
    }

    /** A participant's signing or encryption certificate for {@code key}. */
    public X509Certificate issue(String orgNumber, String name, CertificateUsage usage, PublicKey key,
            Instant notBefore, Instant notAfter) {
        int keyUsage = usage == CertificateUsage.SIGNING ? KeyUsage.digitalSignature | KeyUsage.nonRepudiation
                : KeyKind.of(key) == KeyKind.EC_P256 ? KeyUsage.keyAgreement : KeyUsage.keyEncipherment;
        try {
            return sign(builder(participant(orgNumber, name + " " + usage.name().toLowerCase()), key, notBefore,
                    notAfter).addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage)), this.key);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate", e);
        }
    }

    /**
     * A TLS certificate: a client certificate for an agency system when {@code orgNumber} is given (the
     * organisation number maps it to its participant), a server certificate for {@code dnsNames} otherwise.
     */
    public X509Certificate issueTls(String orgNumber, String name, PublicKey key, List<String> dnsNames,
            Instant notBefore, Instant notAfter) {
        X500Name subject = orgNumber == null
                ? new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "SE").addRDN(BCStyle.CN, name).build()
                : participant(orgNumber, name);
        KeyPurposeId purpose = orgNumber == null ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth;
        return issueTls(subject, key, dnsNames, notBefore, notAfter, purpose);
    }

    /**
     * A federation node's TLS certificate: its listener's server certificate for {@code dnsNames} and, the same key,
     * the client certificate it calls its peers with (the directory names it by this certificate's fingerprint).
     */
    public X509Certificate issueNode(String nodeId, PublicKey key, List<String> dnsNames, Instant notBefore,
            Instant notAfter) {
        return issueTls(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "SE").addRDN(BCStyle.O, "Kurir")
                .addRDN(BCStyle.CN, nodeId).build(), key, dnsNames, notBefore, notAfter,
                KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth);
    }

    private X509Certificate issueTls(X500Name subject, PublicKey key, List<String> dnsNames, Instant notBefore,
            Instant notAfter, KeyPurposeId... purposes) {
        try {
            var builder = builder(subject, key, notBefore, notAfter)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
            if (!dnsNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dnsNames.stream()
                        .map(n -> new GeneralName(n.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName,
                                n))
                        .toArray(GeneralName[]::new)));
            }
            return sign(builder, this.key);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a TLS certificate", e);
        }
    }

    /** Writes a keystore holding the given key entries, each with its certificate and this authority's. */
    public static void writeKeyStore(Path file, String type, char[] password, List<Entry> entries)
            throws IOException, GeneralSecurityException {
        // PKCS#12 with PBES2/AES: BouncyCastle's plain "PKCS12" writes RC2-40 and 3DES, which OpenSSL 3 refuses.
        KeyStore store = KeyStore.getInstance("PKCS12".equals(type) ? "PKCS12-AES256-AES128" : type,
                BouncyCastle.PROVIDER);
        store.load(null, password);
        for (Entry entry : entries) {
            store.setKeyEntry(entry.alias(), entry.key().getPrivate(), password, entry.chain());
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }

    /** A trust store holding certificates only (no keys). */
    public static void writeTrustStore(Path file, char[] password, List<X509Certificate> certificates)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("trusted-" + i, certificates.get(i));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }

    public record Entry(String alias, KeyPair key, Certificate... chain) {
    }

    private X509v3CertificateBuilder builder(X500Name subject, PublicKey key, Instant notBefore, Instant notAfter)
            throws IOException, GeneralSecurityException {
        var utils = new JcaX509ExtensionUtils();
        return new JcaX509v3CertificateBuilder(certificate, serial(), Date.from(notBefore), Date.from(notAfter),
                subject, key)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(certificate))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
    }

    /** A participant's name; without an organisation number, the node's own (its audit checkpoint key, say). */
    private static X500Name participant(String orgNumber, String name) {
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "SE")
                .addRDN(BCStyle.O, name);
        if (orgNumber != null) {
            subject.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, "NTRSE-" + orgNumber);
        }
        return subject.addRDN(BCStyle.CN, name).build();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BouncyCastle.PROVIDER)
                        .build(issuer.getPrivate())));
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }
}
