package se.kurir.adapter.sdk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A Meddelandekvittens, the receiving message service's answer to an SDK message: a UBL ApplicationResponse saying
 * ACCEPTED, or REJECTED with one line response per issue, coded SV, BV or SIG with the specification's detail code.
 * It names the message by its id and the parties by their {@code 0203:} addresses, and never carries content.
 *
 * @param sender the party that answers: the message's recipient organisation
 * @param receiver the party answered: the message's sender organisation
 */
record SdkReceipt(String id, Instant issued, String sender, String receiver, String messageId, List<SdkIssue> issues) {

    static final String NAMESPACE = "urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2";
    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    static final String CUSTOMIZATION = "urn:fdc:digg.se:edelivery:messagetype:response:1";
    static final String MEDIA_TYPE = "application/xml; profile=\"" + CUSTOMIZATION + "\"";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    SdkReceipt {
        issues = List.copyOf(issues);
    }

    boolean accepted() {
        return issues.isEmpty();
    }

    byte[] xml() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.setPrefix("cac", CAC);
            xml.setPrefix("cbc", CBC);
            xml.writeStartElement(NAMESPACE, "ApplicationResponse");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeNamespace("cac", CAC);
            xml.writeNamespace("cbc", CBC);
            basic(xml, "CustomizationID", CUSTOMIZATION);
            basic(xml, "ProfileID", "bdx:noprocess");
            basic(xml, "ID", id);
            basic(xml, "IssueDate", DateTimeFormatter.ISO_LOCAL_DATE.format(issued.atOffset(ZoneOffset.UTC)));
            basic(xml, "IssueTime", DateTimeFormatter.ofPattern("HH:mm:ss'Z'").format(issued.atOffset(ZoneOffset.UTC)));
            party(xml, "SenderParty", sender);
            party(xml, "ReceiverParty", receiver);
            xml.writeStartElement(CAC, "DocumentResponse");
            xml.writeStartElement(CAC, "Response");
            basic(xml, "ResponseCode", accepted() ? "ACCEPTED" : "REJECTED");
            xml.writeEndElement();
            xml.writeStartElement(CAC, "DocumentReference");
            basic(xml, "ID", messageId);
            xml.writeEndElement();
            for (SdkIssue issue : issues) {
                xml.writeStartElement(CAC, "LineResponse");
                xml.writeStartElement(CAC, "LineReference");
                basic(xml, "LineID", issue.lineId());
                xml.writeEndElement();
                xml.writeStartElement(CAC, "Response");
                basic(xml, "ResponseCode", issue.kind().name());
                xml.writeStartElement(CAC, "Status");
                basic(xml, "StatusReasonCode", issue.code());
                basic(xml, "StatusReason", issue.reason());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the receipt of " + messageId, e);
        }
        return out.toByteArray();
    }

    private static void basic(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(CBC, name);
        xml.writeCharacters(value == null ? "NA" : value);
        xml.writeEndElement();
    }

    private static void party(XMLStreamWriter xml, String name, String endpoint) throws XMLStreamException {
        xml.writeStartElement(CAC, name);
        xml.writeStartElement(CBC, "EndpointID");
        xml.writeAttribute("schemeID", SdkMessage.ACTOR_ID);
        xml.writeCharacters(endpoint == null ? "NA" : endpoint);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** For logs and tests: the receipt's text. */
    @Override
    public String toString() {
        return new String(xml(), StandardCharsets.UTF_8);
    }
}
