package se.kurir.adapter.shs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;
import se.kurir.delivery.MessageRecord;
import se.kurir.envelope.Envelope;
import se.kurir.envelope.MessageStatus;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;

/**
 * Writes the {@code shs.label} of a message in a mailbox, in ISO-8859-1 as SHS has it on the wire (a character
 * outside it as a character reference): what an SHS message carried is given back from its envelope's
 * {@code shs.} metadata; a message that came another way gets the label SHS would have given it. A product with no
 * SHS product type is named by a UUID derived from its Kurir id, stable across nodes, with the id as commonName.
 */
@Component
class ShsLabelWriter {

    private final Registry registry;

    ShsLabelWriter(Registry registry) {
        this.registry = registry;
    }

    byte[] write(MessageRecord message) {
        return document(message.messageId(), xml -> writeLabel(xml, message));
    }

    /** The label of a confirm or error message: from and to swapped, the answered message's corr.id and content.id. */
    byte[] write(ShsAdmMessage adm, long size) {
        return document(adm.txId(), xml -> writeAdmLabel(xml, adm, size));
    }

    /** The label of the reply to a synch request: from and to swapped, the request's corr.id and content.id. */
    byte[] reply(ShsLabel request, String answerer, String txId, long size, String datapartType) {
        return document(txId, xml -> {
            xml.writeAttribute("version", "1.2");
            xml.writeAttribute("tx.id", txId);
            xml.writeAttribute("corr.id", request.corrId());
            if (request.agreement() != null) {
                xml.writeAttribute("shs.agreement", request.agreement());
            }
            xml.writeAttribute("transfer-type", "synch");
            xml.writeAttribute("sequence-type", "reply");
            xml.writeAttribute("status", request.status());
            ShsAddress from = ShsAddress.ofMailbox(answerer);
            ShsXml.element(xml, "originator", new ShsAddress(from.orgNumber(), null).toString());
            ShsXml.element(xml, "from", from.toString());
            ShsXml.element(xml, "to", request.sender().toString());
            ShsXml.element(xml, "product", ShsAddress.PREFIX + request.product());
            xml.writeStartElement("content");
            xml.writeAttribute("content.id", request.contentId());
            xml.writeEmptyElement("data");
            xml.writeAttribute("datapartType", datapartType);
            xml.writeAttribute("no-of-bytes", Long.toString(size));
            xml.writeEndElement();
        });
    }

    private static byte[] document(String txId, ShsXml.Body body) {
        return ShsXml.document("shs.label", "shs.dtd", "the SHS label of " + txId, body);
    }

    private static void writeAdmLabel(XMLStreamWriter xml, ShsAdmMessage adm, long size) throws XMLStreamException {
        MessageRecord answered = adm.answered();
        Map<String, String> metadata = answered.envelope().metadata();
        xml.writeAttribute("version", "1.2");
        xml.writeAttribute("tx.id", adm.txId());
        xml.writeAttribute("corr.id", corrId(answered.envelope()));
        if (metadata.containsKey(ShsEnvelopes.AGREEMENT)) {
            xml.writeAttribute("shs.agreement", metadata.get(ShsEnvelopes.AGREEMENT));
        }
        xml.writeAttribute("transfer-type", "asynch");
        xml.writeAttribute("sequence-type", "adm");
        xml.writeAttribute("status", status(answered.envelope()));
        ShsAddress from = ShsAddress.ofMailbox(answered.recipient());
        ShsXml.element(xml, "originator", new ShsAddress(from.orgNumber(), null).toString());
        ShsXml.element(xml, "from", from.toString());
        ShsXml.element(xml, "to", adm.outbox());
        ShsXml.element(xml, "product", adm.kind().product());
        ShsXml.element(xml, "datetime", timestamp(adm.issuedAt()));
        xml.writeStartElement("content");
        xml.writeAttribute("content.id", contentId(answered));
        xml.writeEmptyElement("data");
        xml.writeAttribute("datapartType", "xml");
        xml.writeAttribute("no-of-bytes", Long.toString(size));
        xml.writeEndElement();
    }

    private void writeLabel(XMLStreamWriter xml, MessageRecord message) throws XMLStreamException {
        Envelope envelope = message.envelope();
        Map<String, String> metadata = envelope.metadata();
        xml.writeAttribute("version", "1.2");
        xml.writeAttribute("tx.id", message.messageId());
        xml.writeAttribute("corr.id", corrId(envelope));
        if (metadata.containsKey(ShsEnvelopes.AGREEMENT)) {
            xml.writeAttribute("shs.agreement", metadata.get(ShsEnvelopes.AGREEMENT));
        }
        xml.writeAttribute("transfer-type", "asynch");
        xml.writeAttribute("sequence-type", metadata.getOrDefault(ShsEnvelopes.SEQUENCE_TYPE, "event"));
        xml.writeAttribute("status", status(envelope));
        ShsXml.element(xml, "originator", metadata.getOrDefault(ShsEnvelopes.ORIGINATOR,
                new ShsAddress(message.sender(), null).toString()));
        ShsXml.element(xml, "from", metadata.getOrDefault(ShsEnvelopes.FROM, new ShsAddress(message.sender(), null)
                .toString()));
        ShsXml.element(xml, "to", ShsAddress.ofMailbox(envelope.recipient()).toString());
        if (metadata.containsKey(ShsEnvelopes.END_RECIPIENT)) {
            ShsXml.element(xml, "end-recipient", metadata.get(ShsEnvelopes.END_RECIPIENT));
        }
        xml.writeStartElement("product");
        xml.writeAttribute("commonName", envelope.product());
        xml.writeCharacters(ShsAddress.PREFIX + shsProduct(envelope.product()));
        xml.writeEndElement();
        for (var entry : metadata.entrySet()) {
            if (entry.getKey().startsWith(ShsEnvelopes.META)) {
                xml.writeStartElement("meta");
                xml.writeAttribute("name", entry.getKey().substring(ShsEnvelopes.META.length())
                        .replaceAll("\\.[0-9]+$", ""));
                xml.writeCharacters(entry.getValue());
                xml.writeEndElement();
            }
        }
        if (envelope.subject() != null) {
            ShsXml.element(xml, "subject", envelope.subject());
        }
        if (metadata.containsKey(ShsEnvelopes.DATETIME)) {
            ShsXml.element(xml, "datetime", metadata.get(ShsEnvelopes.DATETIME));
        }
        xml.writeStartElement("content");
        xml.writeAttribute("content.id", contentId(message));
        for (ShsDataParts.Described part : dataParts(message)) {
            xml.writeEmptyElement("data");
            xml.writeAttribute("datapartType", part.type());
            if (part.filename() != null) {
                xml.writeAttribute("filename", part.filename());
            }
            xml.writeAttribute("no-of-bytes", Long.toString(part.bytes()));
            if (part.records() != null) {
                xml.writeAttribute("no-of-records", part.records().toString());
            }
        }
        xml.writeEndElement();
    }

    /** The data parts as the label lists them: each of several, or the one the payload is. */
    private static List<ShsDataParts.Described> dataParts(MessageRecord message) {
        Map<String, String> metadata = message.envelope().metadata();
        List<ShsDataParts.Described> several = ShsDataParts.of(metadata);
        if (!several.isEmpty() && ShsDataParts.isDocument(message.mediaType())) {
            return several;
        }
        return List.of(new ShsDataParts.Described(metadata.getOrDefault(ShsEnvelopes.DATAPART_TYPE, "binary"),
                metadata.get(ShsEnvelopes.FILENAME), Optional.ofNullable(metadata.get(ShsEnvelopes.RECORDS))
                        .map(Long::valueOf).orElse(null), message.payload().size()));
    }

    static String status(Envelope envelope) {
        return envelope.status() == MessageStatus.TEST ? "test" : "production";
    }

    /** A time as SHS labels and lists give it: Swedish time with its offset. */
    static String timestamp(Instant instant) {
        return instant.atZone(ShsLabelReader.SWEDISH_TIME).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The SHS corr.id: the sender's correlation id, else the conversation the message belongs to. */
    static String corrId(Envelope envelope) {
        return envelope.correlationId() != null ? envelope.correlationId() : envelope.conversationId();
    }

    /** The SHS content.id: the sender's, else the message id. */
    static String contentId(MessageRecord message) {
        return message.envelope().metadata().getOrDefault(ShsEnvelopes.CONTENT_ID, message.messageId());
    }

    /** The SHS product type of a Kurir product: the registry's, else one derived from the product's id. */
    String shsProduct(String productId) {
        return registry.product(productId).map(Product::shsProduct).orElseGet(() -> UUID.nameUUIDFromBytes(
                ("urn:kurir:product:" + productId).getBytes(StandardCharsets.UTF_8)).toString());
    }

}
