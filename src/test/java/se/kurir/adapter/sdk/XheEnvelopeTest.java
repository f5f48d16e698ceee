package se.kurir.adapter.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import se.kurir.crypto.CertificateUsage;
import se.kurir.crypto.KeyKind;
import se.kurir.tool.CertificateAuthority;

/**
 * SDK's end-to-end protection with real keys: an SDK message sealed in an XHE envelope (XML Encryption to the
 * recipient, an enveloped RSA-SHA256 signature) opens only for the recipient and only as it was signed. Every way an
 * envelope can be wrong that SDK answers with SIG is tried, and those it answers with no receipt.
 */
class XheEnvelopeTest {

    private static final Instant NOW = Instant.now();
    private static final CertificateAuthority CA = CertificateAuthority.create("XHE test CA",
            NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    private static final CertificateAuthority OTHER_CA = CertificateAuthority.create("Another CA",
            NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    private static final KeyPair SKV_SIGNING = rsa();
    private static final KeyPair FK_ENCRYPTION = rsa();
    private static final X509Certificate SKV_CERT = CA.issue("2021005448", "Skatteverket", CertificateUsage.SIGNING,
            SKV_SIGNING.getPublic(), NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(30)));
    private static final X509Certificate FK_CERT = CA.issue("2021005521", "Försäkringskassan",
            CertificateUsage.ENCRYPTION, FK_ENCRYPTION.getPublic(), NOW.minus(Duration.ofHours(1)),
            NOW.plus(Duration.ofDays(30)));
    private static final XheEnvelope.Header HEADER = new XheEnvelope.Header(SdkMessages.MESSAGE_ID,
            "2026-12-07T09:15:30.123Z", "0203:skatteverket.se", "0203:forsakringskassan.se");
    private static final Function<X509Certificate, Optional<PrivateKey>> FK_KEYS = certificate ->
            certificate.equals(FK_CERT) ? Optional.of(FK_ENCRYPTION.getPrivate()) : Optional.empty();

    private static byte[] sealed() {
        return XheEnvelope.seal(SdkMessages.minimal().getBytes(StandardCharsets.UTF_8), HEADER, FK_CERT, SKV_CERT,
                SKV_SIGNING.getPrivate());
    }

    private static XheEnvelope.Opened open(byte[] xhe, Instant at) {
        return XheEnvelope.open(xhe, List.of(CA.certificate()), at, FK_KEYS);
    }

    @Test
    void aSealedMessageOpensForItsRecipientAsItWasSent() {
        byte[] xhe = sealed();
        String text = new String(xhe, StandardCharsets.UTF_8);

        assertThat(text).contains("xmlenc#aes256-cbc", "xmlenc#rsa-oaep-mgf1p", "xmldsig-more#rsa-sha256",
                "enveloped-signature", "<xhb:CustomizationID>urn:fdc:digg.se:edelivery:xhe:1</xhb:CustomizationID>")
                .doesNotContain("19121212", "Fråga om inkomstuppgift");

        var opened = open(xhe, NOW);

        assertThat(opened).isInstanceOf(XheEnvelope.Opened.Message.class);
        var message = (XheEnvelope.Opened.Message) opened;
        assertThat(message.header()).isEqualTo(HEADER);
        assertThat(message.signer()).isEqualTo(SKV_CERT);
        var read = new SdkMessageReader().read(() -> new ByteArrayInputStream(message.sdkMessage()));
        assertThat(read.issues()).isEmpty();
        assertThat(read.message().messageId()).isEqualTo(SdkMessages.MESSAGE_ID);
    }

    @Test
    void anEnvelopeChangedAfterSigningOrPrettyPrintedIsSig() throws Exception {
        byte[] altered = new String(sealed(), StandardCharsets.UTF_8)
                .replace("0203:skatteverket.se", "0203:skatteverket.sf").getBytes(StandardCharsets.UTF_8);

        assertSig(open(altered, NOW), "does not verify");
        assertSig(open(prettyPrinted(sealed()), NOW), "does not verify");
    }

    @Test
    void aSignerNoTrustAnchorIssuedOrASelfSignedOneOrOneNotValidThenIsSig() throws Exception {
        KeyPair other = rsa();
        X509Certificate untrusted = OTHER_CA.issue("2021005448", "Skatteverket", CertificateUsage.SIGNING,
                other.getPublic(), NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(30)));
        KeyPair self = rsa();
        X509Certificate selfSigned = selfSigned(self);

        assertSig(open(XheEnvelope.seal(SdkMessages.minimal().getBytes(StandardCharsets.UTF_8), HEADER, FK_CERT,
                untrusted, other.getPrivate()), NOW), "not issued by a trusted authority");
        assertSig(open(XheEnvelope.seal(SdkMessages.minimal().getBytes(StandardCharsets.UTF_8), HEADER, FK_CERT,
                selfSigned, self.getPrivate()), NOW), "not issued by a trusted authority");
        assertSig(open(sealed(), NOW.plus(Duration.ofDays(60))), "not valid at the time of receipt");
    }

    @Test
    void aSignedEnvelopeWhosePayloadIsNotEncryptedIsSig() throws Exception {
        assertSig(open(signedUnencrypted(), NOW), "not encrypted");
    }

    @Test
    void anEnvelopeForAKeyThisNodeDoesNotHoldOrNoEnvelopeAtAllGetsNoReceipt() {
        var foreign = XheEnvelope.open(sealed(), List.of(CA.certificate()), NOW, certificate -> Optional.empty());
        var doctype = open(("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")
                .getBytes(StandardCharsets.UTF_8), NOW);

        assertThat(foreign).isInstanceOf(XheEnvelope.Opened.Unanswered.class);
        assertThat(doctype).isInstanceOf(XheEnvelope.Opened.Unanswered.class);
    }

    private static void assertSig(XheEnvelope.Opened opened, String reason) {
        assertThat(opened).isInstanceOf(XheEnvelope.Opened.Refused.class);
        assertThat(((XheEnvelope.Opened.Refused) opened).issues()).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(SdkIssue.Kind.SIG);
            assertThat(issue.code()).isEqualTo("security");
            assertThat(issue.reason()).contains(reason);
        });
    }

    /** The envelope as an editor's "format document" leaves it: indented, every byte of content the same. */
    private static byte[] prettyPrinted(byte[] xhe) throws Exception {
        Document doc = parse(xhe);
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

    /** An XHE envelope with the SDK message in clear, signed correctly by a trusted signer: written here by hand. */
    private static byte[] signedUnencrypted() throws Exception {
        String xhe = """
                <xhe:XHE xmlns:xhe="%s" xmlns:xha="%s" xmlns:xhb="%s"><xhb:XHEVersionID>1.0</xhb:XHEVersionID>
                <xha:Header><xhb:ID>%s</xhb:ID></xha:Header><xha:Payloads><xha:Payload>
                <xhb:InstanceEncryptionIndicator>false</xhb:InstanceEncryptionIndicator>
                <xha:PayloadContent>%s</xha:PayloadContent></xha:Payload></xha:Payloads></xhe:XHE>
                """.formatted(XheEnvelope.XHE, XheEnvelope.XHA, XheEnvelope.XHB, SdkMessages.MESSAGE_ID,
                SdkMessages.minimal().replaceFirst("<\\?xml[^>]*>", ""));
        Document doc = parse(xhe.getBytes(StandardCharsets.UTF_8));
        Element root = doc.getDocumentElement();
        XMLSignature signature = new XMLSignature(doc, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS);
        root.appendChild(signature.getElement());
        Transforms transforms = new Transforms(doc);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        signature.addDocument("", transforms, "http://www.w3.org/2001/04/xmlenc#sha256");
        signature.addKeyInfo(SKV_CERT);
        signature.sign(SKV_SIGNING.getPrivate());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static X509Certificate selfSigned(KeyPair key) throws Exception {
        X500Name name = new X500Name("C=SE,O=Skatteverket,CN=self-signed");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(42),
                Date.from(NOW.minus(Duration.ofHours(1))), Date.from(NOW.plus(Duration.ofDays(30))), name,
                key.getPublic());
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
    }

    private static KeyPair rsa() {
        try {
            return CertificateAuthority.generate(KeyKind.RSA);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
