package se.kurir.adapter.shs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The SHS documents the gateway writes (label, message list, management message): ISO-8859-1 as SHS has them on the
 * wire, a character outside it as a character reference, with the DOCTYPE SHS clients expect.
 */
final class ShsXml {

    // The JDK's own writer, not whichever StAX provider a library brings along (xmlsec brings Woodstox): SHS clients
    // compare the declaration's quoting and encoding name as text, so it must not change with the class path.
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    /** What goes inside the root element. */
    interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private ShsXml() {
    }

    /**
     * @param dtd the system id of the root's DTD, or null for a document SHS declares none for
     * @param what names the document in the exception should writing fail
     */
    static byte[] document(String root, String dtd, String what, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, StandardCharsets.ISO_8859_1.name());
            xml.writeStartDocument(StandardCharsets.ISO_8859_1.name(), "1.0");
            if (dtd != null) {
                xml.writeDTD("\n<!DOCTYPE " + root + " SYSTEM \"" + dtd + "\">\n");
            }
            xml.writeStartElement(root);
            body.write(xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write " + what, e);
        }
        return out.toByteArray();
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
