package se.kurir.envelope;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the XML form of an envelope ({@code urn:kurir:envelope:1}) and validates it against {@code xsd/envelope.xsd}.
 * The parser refuses any DOCTYPE, so external entities and entity expansion cannot happen.
 */
@Component
public class XmlEnvelopeReader {

    static final String NAMESPACE = "urn:kurir:envelope:1";
    private static final String XSD = "/xsd/envelope.xsd";

    private final Schema schema;
    private final DocumentBuilderFactory factory;

    public XmlEnvelopeReader() {
        try {
            SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            URL xsd = XmlEnvelopeReader.class.getResource(XSD);
            if (xsd == null) {
                throw new IllegalStateException("Envelope schema missing from class path: " + XSD);
            }
            schema = schemas.newSchema(xsd);
            factory = hardenedFactory();
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("Cannot load envelope XSD", e);
        }
    }

    static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    public Envelope read(byte[] xml) {
        Document document = parse(xml);
        validate(document);
        return toEnvelope(document.getDocumentElement()).checkedAsSent();
    }

    private Document parse(byte[] xml) {
        try {
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw InvalidEnvelopeException.malformed("not acceptable XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void validate(Document document) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new DOMSource(document));
        } catch (SAXParseException e) {
            throw new InvalidEnvelopeException(List.of(new EnvelopeViolation(EnvelopeViolation.FIELD_INVALID,
                    "envelope", "line " + e.getLineNumber() + ": " + e.getMessage())));
        } catch (SAXException e) {
            throw InvalidEnvelopeException.malformed(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Envelope toEnvelope(Element root) {
        Element legal = child(root, "legalBasis");
        LegalBasis legalBasis = new LegalBasis(
                text(legal, "statute"), text(legal, "provision"),
                DisclosureMode.valueOf(text(legal, "disclosureMode")), text(legal, "purpose"),
                Classification.valueOf(text(legal, "classification")),
                Boolean.parseBoolean(text(legal, "personalData")), text(legal, "controller"),
                text(legal, "retention"), text(legal, "preAssessmentRef"));
        String status = text(root, "status");
        return new Envelope(text(root, "messageId"), text(root, "conversationId"), text(root, "inReplyTo"),
                text(root, "correlationId"), text(root, "recipient"), text(root, "product"),
                status == null ? null : MessageStatus.valueOf(status), text(root, "subject"), metadata(root),
                legalBasis, payload(root));
    }

    private static PayloadDigest payload(Element root) {
        Element payload = child(root, "payload");
        if (payload == null) {
            return null;
        }
        String size = text(payload, "size");
        try {
            return new PayloadDigest(text(payload, "sha256"), size == null ? null : Long.valueOf(size));
        } catch (NumberFormatException e) {
            // The schema bounds it to a long already; this keeps a lax schema from ever turning into a 500.
            throw new InvalidEnvelopeException(List.of(new EnvelopeViolation(EnvelopeViolation.FIELD_INVALID,
                    "payload.size", "not a size in bytes (0 to 9223372036854775807)")));
        }
    }

    private static Map<String, String> metadata(Element root) {
        Map<String, String> metadata = new LinkedHashMap<>();
        Element element = child(root, "metadata");
        if (element != null) {
            for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element entry) {
                    metadata.put(entry.getAttribute("name"), entry.getTextContent());
                }
            }
        }
        return metadata;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
