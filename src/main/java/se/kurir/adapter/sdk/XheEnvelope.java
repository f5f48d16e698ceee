package se.kurir.adapter.sdk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.Constants;
import org.apache.xml.security.utils.EncryptionConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * SDK's end-to-end protection, as Digg's XHE profile (Kuverteringsprofil XHE) has it: the SDK message inside an OASIS
 * XHE envelope, encrypted with W3C XML Encryption (AES-256-CBC, the key transported with RSA-OAEP to the recipient's
 * encryption certificate), and the whole envelope signed with an enveloped XML signature (RSA-SHA256). Apache Santuario
 * does the cryptography. Opening verifies before it decrypts anything: a signature that does not verify (an envelope
 * altered after signing, pretty-printed included), a signer no trust anchor issued or whose certificate is not valid
 * at the time, or a payload left unencrypted is a SIG issue; a payload that cannot be decrypted gets no receipt, as SDK
 * gives none. The envelope is held as a DOM while it is sealed or opened: SDK caps a message at 30 MB.
 */
final class XheEnvelope {

    static final String XHE = "http://docs.oasis-open.org/bdxr/ns/XHE/1/ExchangeHeaderEnvelope";
    static final String XHA = "http://docs.oasis-open.org/bdxr/ns/XHE/1/AggregateComponents";
    static final String XHB = "http://docs.oasis-open.org/bdxr/ns/XHE/1/BasicComponents";
    static final String CUSTOMIZATION = "urn:fdc:digg.se:edelivery:xhe:1";
    static final String DOCUMENT_ID = "urn:riv:infrastructure:messaging:MessageWithAttachments:3::messagePayload##3.0";

    static {
        Init.init();
    }

    private XheEnvelope() {
    }

    /** Who sends what to whom, as the XHE header says it. */
    record Header(String id, String creationDateTime, String from, String to) {
    }

    /** What opening an envelope gave: the SDK message, or the issues a REJECTED receipt names, or nothing to answer. */
    sealed interface Opened {
        record Message(Header header, byte[] sdkMessage, X509Certificate signer) implements Opened {
        }

        record Refused(Header header, List<SdkIssue> issues) implements Opened {
        }

        /** The specification sends no receipt: unreadable envelope, or a payload this node cannot decrypt. */
        record Unanswered(String reason) implements Opened {
        }
    }

    /**
     * @param recipientEncryption the recipient's encryption certificate (RSA); its public key wraps the payload's key
     * @param signerCertificate the certificate the envelope is signed under, given in its KeyInfo
     */
    static byte[] seal(byte[] sdkMessage, Header header, X509Certificate recipientEncryption,
            X509Certificate signerCertificate, PrivateKey signerKey) {
        try {
            Document doc = builder().newDocument();
            Element root = doc.createElementNS(XHE, "xhe:XHE");
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xhe", XHE);
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xha", XHA);
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xhb", XHB);
            doc.appendChild(root);
            text(root, XHB, "xhb:XHEVersionID", "1.0");
            text(root, XHB, "xhb:CustomizationID", CUSTOMIZATION);
            Element head = child(root, XHA, "xha:Header");
            text(head, XHB, "xhb:ID", header.id());
            text(head, XHB, "xhb:CreationDateTime", header.creationDateTime());
            party(head, "xha:FromParty", header.from());
            party(head, "xha:ToParty", header.to());
            Element payload = child(child(root, XHA, "xha:Payloads"), XHA, "xha:Payload");
            text(payload, XHB, "xhb:DocumentTypeCode", DOCUMENT_ID);
            text(payload, XHB, "xhb:ContentTypeCode", "application/xml");
            text(payload, XHB, "xhb:InstanceEncryptionIndicator", "true");
            Element content = child(payload, XHA, "xha:PayloadContent");
            Element message = (Element) doc.importNode(builder().parse(new ByteArrayInputStream(sdkMessage))
                    .getDocumentElement(), true);
            content.appendChild(message);
            encrypt(doc, message, recipientEncryption);
            sign(doc, root, signerCertificate, signerKey);
            return bytes(doc);
        } catch (Exception e) { // XMLCipher declares Exception
            throw new IllegalStateException("Cannot seal the SDK message " + header.id(), e);
        }
    }

    /**
     * Verifies the envelope and, only then, decrypts its payload.
     *
     * @param anchors the certificate authorities a signer's certificate must be issued by
     * @param at when the signer's certificate must be valid
     * @param decryptionKeys this node's private key for an encryption certificate, if it holds it
     */
    static Opened open(byte[] xhe, List<X509Certificate> anchors, Instant at,
            Function<X509Certificate, Optional<PrivateKey>> decryptionKeys) {
        Document doc;
        try {
            doc = builder().parse(new ByteArrayInputStream(xhe));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return new Opened.Unanswered("the envelope is not well-formed XML, or it has a DOCTYPE");
        }
        Element root = doc.getDocumentElement();
        if (!XHE.equals(root.getNamespaceURI()) || !"XHE".equals(root.getLocalName())) {
            return new Opened.Unanswered("the document is not an XHE envelope");
        }
        Header header = header(root);
        Optional<SdkIssue> signature = verify(root, anchors, at);
        if (signature.isPresent()) {
            return new Opened.Refused(header, List.of(signature.get()));
        }
        Element payload = first(root, XHA, "Payload");
        Element encrypted = payload == null ? null : first(payload, EncryptionConstants.EncryptionSpecNS,
                "EncryptedData");
        if (encrypted == null || !"true".equals(textOf(payload, XHB, "InstanceEncryptionIndicator"))) {
            return new Opened.Refused(header, List.of(sig("/XHE/Payloads/Payload/PayloadContent",
                    "the payload is not encrypted, which the transport model demands")));
        }
        try {
            X509Certificate recipient = recipientCertificate(encrypted);
            Optional<PrivateKey> key = recipient == null ? Optional.empty() : decryptionKeys.apply(recipient);
            if (key.isEmpty()) {
                return new Opened.Unanswered("the payload is encrypted for a key this node does not hold");
            }
            XMLCipher cipher = XMLCipher.getInstance();
            cipher.init(XMLCipher.DECRYPT_MODE, null);
            cipher.setKEK(key.get());
            Node parent = encrypted.getParentNode();
            cipher.doFinal(doc, encrypted);
            Element message = firstElement(parent);
            return new Opened.Message(header, bytes(message), signer(root));
        } catch (Exception e) {
            return new Opened.Unanswered("the payload cannot be decrypted");
        }
    }

    private static void encrypt(Document doc, Element message, X509Certificate recipient) throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey contentKey = generator.generateKey();
        XMLCipher keyCipher = XMLCipher.getInstance(XMLCipher.RSA_OAEP);
        keyCipher.init(XMLCipher.WRAP_MODE, recipient.getPublicKey());
        EncryptedKey encryptedKey = keyCipher.encryptKey(doc, contentKey);
        KeyInfo recipientInfo = new KeyInfo(doc);
        org.apache.xml.security.keys.content.X509Data data = new org.apache.xml.security.keys.content.X509Data(doc);
        data.addCertificate(recipient);
        recipientInfo.add(data);
        encryptedKey.setKeyInfo(recipientInfo);
        XMLCipher cipher = XMLCipher.getInstance(XMLCipher.AES_256);
        cipher.init(XMLCipher.ENCRYPT_MODE, contentKey);
        EncryptedData encryptedData = cipher.getEncryptedData();
        KeyInfo info = new KeyInfo(doc);
        info.add(encryptedKey);
        encryptedData.setKeyInfo(info);
        cipher.doFinal(doc, message, false);
    }

    private static void sign(Document doc, Element root, X509Certificate certificate, PrivateKey key)
            throws XMLSecurityException {
        XMLSignature signature = new XMLSignature(doc, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS);
        root.appendChild(signature.getElement());
        Transforms transforms = new Transforms(doc);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        signature.addDocument("", transforms, org.apache.xml.security.algorithms.MessageDigestAlgorithm
                .ALGO_ID_DIGEST_SHA256);
        signature.addKeyInfo(certificate);
        signature.sign(key);
    }

    /**
     * The signature: one, a child of the envelope, over the whole envelope (one reference, URI ""), RSA-SHA256, by a
     * certificate a trust anchor issued and valid at {@code at}. Anything else is a SIG issue.
     */
    private static Optional<SdkIssue> verify(Element root, List<X509Certificate> anchors, Instant at) {
        Element element = null;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && Constants.SignatureSpecNS.equals(e.getNamespaceURI())
                    && "Signature".equals(e.getLocalName())) {
                if (element != null) {
                    return Optional.of(sig("/XHE/Signature", "the envelope has more than one signature"));
                }
                element = e;
            }
        }
        if (element == null) {
            return Optional.of(sig("/XHE", "the envelope is not signed"));
        }
        try {
            XMLSignature signature = new XMLSignature(element, "", true);
            if (signature.getSignedInfo().getLength() != 1 || !"".equals(signature.getSignedInfo().item(0)
                    .getURI())) {
                return Optional.of(sig("/XHE/Signature/SignedInfo", "the signature does not cover the whole "
                        + "envelope (one reference, URI \"\")"));
            }
            if (!XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256.equals(signature.getSignedInfo()
                    .getSignatureMethodURI())) {
                return Optional.of(sig("/XHE/Signature/SignedInfo/SignatureMethod", "the signature is not "
                        + "RSA-SHA256"));
            }
            X509Certificate signer = signature.getKeyInfo() == null ? null
                    : signature.getKeyInfo().getX509Certificate();
            if (signer == null) {
                return Optional.of(sig("/XHE/Signature/KeyInfo", "the signature names no certificate"));
            }
            if (!signature.checkSignatureValue(signer)) {
                return Optional.of(sig("/XHE/Signature", "the signature does not verify: the envelope was changed "
                        + "after it was signed"));
            }
            try {
                signer.checkValidity(Date.from(at));
            } catch (GeneralSecurityException e) {
                return Optional.of(sig("/XHE/Signature/KeyInfo", "the signer's certificate is not valid at the "
                        + "time of receipt"));
            }
            if (anchors.stream().noneMatch(anchor -> issued(anchor, signer, at))) {
                return Optional.of(sig("/XHE/Signature/KeyInfo", "the signer's certificate is not issued by a "
                        + "trusted authority"));
            }
            return Optional.empty();
        } catch (XMLSecurityException e) {
            return Optional.of(sig("/XHE/Signature", "the signature cannot be checked"));
        }
    }

    private static boolean issued(X509Certificate anchor, X509Certificate certificate, Instant at) {
        if (!anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            anchor.checkValidity(Date.from(at));
            certificate.verify(anchor.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static X509Certificate signer(Element root) throws XMLSecurityException {
        Element element = first(root, Constants.SignatureSpecNS, "Signature");
        return new XMLSignature(element, "", true).getKeyInfo().getX509Certificate();
    }

    /** The certificate the payload's key was wrapped for, as the EncryptedKey's KeyInfo names it. */
    private static X509Certificate recipientCertificate(Element encrypted) throws XMLSecurityException {
        Element encryptedKey = first(encrypted, EncryptionConstants.EncryptionSpecNS, "EncryptedKey");
        Element keyInfo = encryptedKey == null ? null : first(encryptedKey, Constants.SignatureSpecNS, "KeyInfo");
        return keyInfo == null ? null : new KeyInfo(keyInfo, "").getX509Certificate();
    }

    private static Header header(Element root) {
        Element head = first(root, XHA, "Header");
        if (head == null) {
            return new Header(null, null, null, null);
        }
        Element from = first(head, XHA, "FromParty");
        Element to = first(head, XHA, "ToParty");
        return new Header(textOf(head, XHB, "ID"), textOf(head, XHB, "CreationDateTime"),
                from == null ? null : textOf(from, XHB, "ID"), to == null ? null : textOf(to, XHB, "ID"));
    }

    private static SdkIssue sig(String lineId, String reason) {
        return new SdkIssue(SdkIssue.Kind.SIG, lineId, "security", reason);
    }

    private static void party(Element head, String name, String id) {
        Element party = child(child(head, XHA, name), XHA, "xha:PartyIdentification");
        Element element = text(party, XHB, "xhb:ID", id);
        element.setAttribute("schemeID", SdkMessage.ACTOR_ID);
    }

    private static Element child(Element parent, String namespace, String name) {
        Element element = parent.getOwnerDocument().createElementNS(namespace, name);
        parent.appendChild(element);
        return element;
    }

    private static Element text(Element parent, String namespace, String name, String value) {
        Element element = child(parent, namespace, name);
        element.setTextContent(value);
        return element;
    }

    /** The first descendant element of that name, in document order. */
    private static Element first(Element parent, String namespace, String localName) {
        var found = parent.getElementsByTagNameNS(namespace, localName);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    private static String textOf(Element parent, String namespace, String localName) {
        Element element = first(parent, namespace, localName);
        return element == null ? null : element.getTextContent().strip();
    }

    private static Element firstElement(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IllegalStateException("the decrypted payload holds no element");
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }

    private static byte[] bytes(Node node) throws TransformerException {
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        Transformer transformer = factory.newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(node), new StreamResult(out));
        return out.toByteArray();
    }
}
