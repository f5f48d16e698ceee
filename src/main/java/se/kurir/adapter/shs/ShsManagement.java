package se.kurir.adapter.shs;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An {@code shs.management} document as an SHS client sends it in a confirm or error message: the corr.id and
 * content.id of the message it answers, and a confirmation or an error (code and info). Read with DTD processing
 * off, so nothing it declares is fetched or expanded.
 *
 * @param errorCode for an error, the SHS error code as the client wrote it; null for a confirmation
 */
record ShsManagement(String corrId, String contentId, boolean confirmation, String errorCode) {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newDefaultFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** @throws ShsException SHS_MANAGEMENT_INVALID naming what is missing or unreadable */
    static ShsManagement read(byte[] document) {
        try {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(document));
            while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
                // to the root
            }
            if (!xml.isStartElement() || !xml.getLocalName().equals("shs.management")) {
                throw invalid("shs.management: the data part is not an shs.management document");
            }
            String corrId = xml.getAttributeValue(null, "corr.id");
            String contentId = xml.getAttributeValue(null, "content.id");
            Boolean confirmation = null;
            String errorCode = null;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "confirmation" -> confirmation = true;
                    case "error" -> confirmation = false;
                    case "errorcode" -> errorCode = xml.getElementText().strip();
                    default -> {
                        // errorinfo and what later versions add: the recipient's own words are not passed on
                    }
                }
            }
            if (corrId == null || contentId == null) {
                throw invalid("shs.management: corr.id and content.id are required");
            }
            if (confirmation == null) {
                throw invalid("shs.management: neither confirmation nor error");
            }
            if (!confirmation && ShsErrorCode.ofWireName(errorCode).isEmpty()) {
                throw invalid("shs.management/error/errorcode: '" + errorCode + "' is no SHS error code");
            }
            return new ShsManagement(corrId.strip(), contentId.strip(), confirmation, errorCode);
        } catch (XMLStreamException e) {
            throw invalid("shs.management: not well-formed XML, or it uses an entity (" + e.getMessage() + ")");
        }
    }

    private static ShsException invalid(String detail) {
        return new ShsException(ShsProblem.SHS_MANAGEMENT_INVALID, detail);
    }
}
