package se.kurir.adapter.sdk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the SDK message v3 an agency system describes through the MT–MK API (a JSON:API {@code messages} document)
 * in the order the message schema sets, whatever order the JSON came in. The document is read twice from the store:
 * once for everything but the attachments' base64 {@code content} (whose places are noted, and whose other strings
 * are bounded), once per attachment to stream its content straight into the XML. What the client leaves out and the
 * message service sets (messageId, conversationId, creationDateTime, a functional address's scheme) is filled in;
 * what it gets wrong is left for the message checks to name.
 */
final class SdkXmlWriter {

    static final DateTimeFormatter CREATION_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int STRING_LIMIT = 1024 * 1024;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(STRING_LIMIT).build()).build();
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();
    private static final String M = SdkMessage.NAMESPACE;

    private final Supplier<InputStream> document;
    private final JsonNode attributes;

    private SdkXmlWriter(Supplier<InputStream> document, JsonNode attributes) {
        this.document = document;
        this.attributes = attributes;
    }

    /**
     * @param document opens the stored JSON:API document; it is read once now and once per attachment when written
     * @throws InvalidDocumentException naming what is not a messages document
     */
    static SdkXmlWriter read(Supplier<InputStream> document) {
        JsonNode root;
        try (InputStream in = document.get(); JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidDocumentException("body: not a JSON object");
            }
            root = tree(parser, "");
        } catch (IOException e) {
            throw new InvalidDocumentException("body: not a readable JSON:API document (" + e.getMessage()
                    .replaceAll("(?s)\\s*at \\[Source.*", "") + ")");
        }
        JsonNode data = root.path("data");
        if (!data.isObject() || !"messages".equals(data.path("type").asText())) {
            throw new InvalidDocumentException("data.type: must be messages");
        }
        if (!data.path("attributes").isObject()) {
            throw new InvalidDocumentException("data.attributes: is required");
        }
        return new SdkXmlWriter(document, data.path("attributes"));
    }

    String messageId() {
        return text(attributes, "messageId");
    }

    String conversationId() {
        return text(attributes, "conversationId");
    }

    /** The message, its ids given or assigned here. */
    void write(OutputStream out, String messageId, Instant now) throws IOException {
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix("m", M);
            xml.writeStartElement(M, "messagePayload");
            xml.writeNamespace("m", M);
            xml.writeStartElement(M, "message");
            header(xml, messageId, now);
            body(xml);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("Cannot write the SDK message " + messageId, e);
        }
    }

    private void header(XMLStreamWriter xml, String messageId, Instant now) throws XMLStreamException, IOException {
        xml.writeStartElement(M, "messageHeader");
        element(xml, "creationDateTime", text(attributes, "creationDateTime") != null
                ? text(attributes, "creationDateTime") : CREATION_TIME.format(now));
        element(xml, "messageId", messageId);
        element(xml, "conversationId", conversationId() != null ? conversationId() : messageId);
        optional(xml, "refToMessageId", text(attributes, "refToMessageId"));
        optional(xml, "label", text(attributes, "label"));
        element(xml, "confidentiality", attributes.path("confidentiality").asText(""));
        if (attributes.path("generatingSystem").isObject()) {
            identifier(xml, "generatingSystem", attributes.path("generatingSystem"));
        }
        party(xml, "recipient", "recipientID", text(attributes, "recipient"), attributes.path("recipientAttention"));
        party(xml, "sender", "senderID", text(attributes, "sender"), attributes.path("senderAttention"));
        xml.writeEndElement();
    }

    private void party(XMLStreamWriter xml, String name, String idName, String organisation, JsonNode attention)
            throws XMLStreamException {
        xml.writeStartElement(M, name);
        xml.writeStartElement(M, idName);
        element(xml, "root", SdkMessage.ACTOR_ID);
        element(xml, "extension", organisation == null ? "" : organisation);
        xml.writeEndElement();
        if (attention.isObject()) {
            xml.writeStartElement(M, "attention");
            for (JsonNode person : attention.path("attentionPerson")) {
                xml.writeStartElement(M, "person");
                identifier(xml, "personId", person);
                optional(xml, "label", text(person, "label"));
                xml.writeEndElement();
            }
            JsonNode sub = attention.path("subOrganization");
            xml.writeStartElement(M, "subOrganization");
            // A functional address has one scheme; a client that leaves it out means it.
            xml.writeStartElement(M, "organizationId");
            element(xml, "root", text(sub, "root") == null ? SdkMessage.FUNCTIONAL_ADDRESS : text(sub, "root"));
            element(xml, "extension", text(sub, "extension") == null ? "" : text(sub, "extension"));
            xml.writeEndElement();
            optional(xml, "label", text(sub, "label"));
            xml.writeEndElement();
            for (JsonNode reference : attention.path("referenceId")) {
                xml.writeStartElement(M, "reference");
                identifier(xml, "referenceId", reference);
                optional(xml, "label", text(reference, "label"));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void body(XMLStreamWriter xml) throws XMLStreamException, IOException {
        xml.writeStartElement(M, "messageBody");
        for (JsonNode document : attributes.path("digitalDocument")) {
            xml.writeStartElement(M, "documents");
            element(xml, "documentID", text(document, "documentId") == null ? "" : text(document, "documentId"));
            optional(xml, "documentName", text(document, "documentName"));
            optional(xml, "index", text(document, "index"));
            for (JsonNode file : document.path("contentFiles")) {
                xml.writeStartElement(M, "ContentFiles");
                element(xml, "fileName", String.valueOf(text(file, "fileName")));
                element(xml, "contentType", String.valueOf(text(file, "contentType")));
                xml.writeStartElement(M, "content");
                if (file.path("content") instanceof LongNode offset) {
                    copyContent(xml, offset.longValue());
                }
                xml.writeEndElement();
                xml.writeEndElement();
            }
            for (JsonNode text : document.path("contentTextBody")) {
                xml.writeStartElement(M, "ContentText");
                element(xml, "characterSequence", text.asText());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** Streams one attachment's base64 from its place in the stored document into the message. */
    private void copyContent(XMLStreamWriter xml, long offset) throws IOException, XMLStreamException {
        try (InputStream in = document.get()) {
            in.skipNBytes(offset);
            Reader content = new JsonStringReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            char[] buffer = new char[8192];
            for (int n; (n = content.read(buffer, 0, buffer.length)) > 0;) {
                xml.writeCharacters(buffer, 0, n);
            }
        }
    }

    private static void identifier(XMLStreamWriter xml, String name, JsonNode id) throws XMLStreamException {
        xml.writeStartElement(M, name);
        element(xml, "root", text(id, "root") == null ? "" : text(id, "root"));
        element(xml, "extension", text(id, "extension") == null ? "" : text(id, "extension"));
        xml.writeEndElement();
    }

    private static void optional(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value != null) {
            element(xml, name, value);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(M, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    /** The document as a tree, each attachment's content replaced by its byte offset in the document. */
    private static JsonNode tree(JsonParser parser, String path) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    String at = path + "." + name;
                    if (value == JsonToken.VALUE_STRING && at.equals(".data.attributes.digitalDocument[].contentFiles[]"
                            + ".content")) {
                        object.set(name, LongNode.valueOf(parser.currentTokenLocation().getByteOffset()));
                    } else {
                        object.set(name, tree(parser, at));
                    }
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(tree(parser, path + "[]"));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(parser.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(parser.getBooleanValue());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return nodes.textNode(parser.getText());
            }
            default -> {
                return nodes.nullNode();
            }
        }
    }

    /** The request is not a JSON:API messages document. */
    static final class InvalidDocumentException extends RuntimeException {
        InvalidDocumentException(String detail) {
            super(detail);
        }
    }
}
