package se.kurir.adapter.sdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;
import se.kurir.delivery.MessageRecord;
import se.kurir.envelope.Classification;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Participant;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;

/**
 * A Kurir message written as an SDK message v3, for a recipient reached through SDK: its envelope as the header (ids,
 * subject as label, the legal basis's classification as the confidentiality flag, organisations by their SDK
 * domain, the mailbox by its functional address) and its payload, whatever the product, as one attached file with its
 * media type, base64 written as it is read.
 */
@Component
class SdkWrapping {

    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();
    private static final String M = SdkMessage.NAMESPACE;

    private final Registry registry;

    SdkWrapping(Registry registry) {
        this.registry = registry;
    }

    /** A participant's SDK address, {@code 0203:<domain>}. */
    String address(String orgNumber) {
        return registry.participant(orgNumber).map(Participant::sdkAddress).orElseThrow(() ->
                new IllegalStateException(orgNumber + " has no SDK domain in the registry"));
    }

    byte[] wrap(MessageRecord message, InputStream payload) throws IOException {
        var envelope = message.envelope();
        Mailbox mailbox = registry.mailbox(message.recipient()).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix("m", M);
            xml.writeStartElement(M, "messagePayload");
            xml.writeNamespace("m", M);
            xml.writeStartElement(M, "message");
            xml.writeStartElement(M, "messageHeader");
            element(xml, "creationDateTime", SdkXmlWriter.CREATION_TIME.format(message.receivedAt()));
            element(xml, "messageId", message.messageId());
            element(xml, "conversationId", envelope.conversationId() != null ? envelope.conversationId()
                    : message.messageId());
            if (envelope.inReplyTo() != null) {
                element(xml, "refToMessageId", envelope.inReplyTo());
            }
            if (envelope.subject() != null && !envelope.subject().isBlank()) {
                element(xml, "label", envelope.subject().length() > 256 ? envelope.subject().substring(0, 256)
                        : envelope.subject());
            }
            element(xml, "confidentiality", Boolean.toString(envelope.legalBasis().classification()
                    != Classification.NONE));
            party(xml, "recipient", "recipientID", address(mailbox.participant()),
                    mailbox.sdkFunctionalAddress() != null ? mailbox.sdkFunctionalAddress() : mailbox.address());
            party(xml, "sender", "senderID", address(message.sender()), null);
            xml.writeEndElement();
            xml.writeStartElement(M, "messageBody");
            xml.writeStartElement(M, "documents");
            element(xml, "documentID", "1");
            element(xml, "documentName", registry.product(message.product()).map(Product::name)
                    .orElse(message.product()));
            xml.writeStartElement(M, "ContentFiles");
            element(xml, "fileName", message.messageId());
            element(xml, "contentType", message.mediaType());
            xml.writeStartElement(M, "content");
            base64(xml, payload);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("Cannot write message " + message.messageId() + " as an SDK message", e);
        }
        return out.toByteArray();
    }

    private static void base64(XMLStreamWriter xml, InputStream payload) throws IOException, XMLStreamException {
        Base64.Encoder encoder = Base64.getEncoder();
        byte[] chunk = new byte[3 * 16 * 1024];
        for (int n; (n = payload.readNBytes(chunk, 0, chunk.length)) > 0;) {
            byte[] encoded = encoder.encode(n == chunk.length ? chunk : Arrays.copyOf(chunk, n));
            xml.writeCharacters(new String(encoded, StandardCharsets.US_ASCII));
        }
    }

    private static void party(XMLStreamWriter xml, String name, String idName, String organisation,
            String functionalAddress) throws XMLStreamException {
        xml.writeStartElement(M, name);
        xml.writeStartElement(M, idName);
        element(xml, "root", SdkMessage.ACTOR_ID);
        element(xml, "extension", organisation);
        xml.writeEndElement();
        if (functionalAddress != null) {
            xml.writeStartElement(M, "attention");
            xml.writeStartElement(M, "subOrganization");
            xml.writeStartElement(M, "organizationId");
            element(xml, "root", SdkMessage.FUNCTIONAL_ADDRESS);
            element(xml, "extension", functionalAddress);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(M, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
