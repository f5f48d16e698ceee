package se.kurir.adapter.sdk;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Writes the documents of a stored SDK message v3 as the MT–MK API's {@code digitalDocument} attribute, in one
 * streaming pass: each attachment's base64 {@code content} and each text passed from the XML into the JSON in chunks,
 * never held. The message was checked when it came in, so its shape is known.
 */
final class SdkJsonWriter {

    private static final XMLInputFactory XML = XMLInputFactory.newDefaultFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private SdkJsonWriter() {
    }

    /** Writes the message's documents as the {@code digitalDocument} field of the object the caller has opened. */
    static void writeDocuments(InputStream message, JsonGenerator json) throws IOException {
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(message);
            while (xml.hasNext() && !(xml.next() == XMLStreamConstants.START_ELEMENT
                    && xml.getLocalName().equals("messageBody"))) {
                // past the header
            }
            json.writeArrayFieldStart("digitalDocument");
            while (nextChild(xml)) {
                if (xml.getLocalName().equals("documents")) {
                    document(xml, json);
                } else {
                    skip(xml);
                }
            }
            json.writeEndArray();
        } catch (XMLStreamException e) {
            throw new IOException("The stored SDK message cannot be read", e);
        }
    }

    /** One document: its id, name and index, its files (content streamed) and its texts (streamed too). */
    private static void document(XMLStreamReader xml, JsonGenerator json) throws XMLStreamException, IOException {
        json.writeStartObject();
        boolean files = false;
        boolean texts = false;
        while (nextChild(xml)) {
            switch (xml.getLocalName()) {
                case "documentID" -> json.writeStringField("documentId", xml.getElementText());
                case "documentName", "index" -> json.writeStringField(xml.getLocalName(), xml.getElementText());
                case "ContentFiles" -> {
                    if (!files) {
                        json.writeArrayFieldStart("contentFiles");
                        files = true;
                    }
                    json.writeStartObject();
                    while (nextChild(xml)) {
                        switch (xml.getLocalName()) {
                            case "fileName", "contentType" -> json.writeStringField(xml.getLocalName(),
                                    xml.getElementText());
                            case "content" -> {
                                json.writeFieldName("content");
                                json.writeString(new ElementText(xml), -1);
                            }
                            default -> skip(xml);
                        }
                    }
                    json.writeEndObject();
                }
                case "ContentText" -> {
                    if (files) {
                        json.writeEndArray();
                        files = false;
                    }
                    if (!texts) {
                        json.writeArrayFieldStart("contentTextBody");
                        texts = true;
                    }
                    while (nextChild(xml)) {
                        if (xml.getLocalName().equals("characterSequence")) {
                            json.writeString(new ElementText(xml), -1);
                        } else {
                            skip(xml);
                        }
                    }
                }
                default -> skip(xml);
            }
        }
        if (files || texts) {
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /** Moves to the current element's next child; false, at its end tag, when there is none. */
    private static boolean nextChild(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        for (int depth = 1; depth > 0;) {
            int event = xml.next();
            depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    /** The text of the current element as a Reader, chunk by chunk as the parser gives it; ends at its end tag. */
    private static final class ElementText extends Reader {
        private final XMLStreamReader xml;
        private char[] chunk = new char[0];
        private int start;
        private int left;
        private boolean ended;

        ElementText(XMLStreamReader xml) {
            this.xml = xml;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            while (left == 0 && !ended) {
                try {
                    int event = xml.next();
                    if (event == XMLStreamConstants.END_ELEMENT) {
                        ended = true;
                    } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                        chunk = xml.getTextCharacters();
                        start = xml.getTextStart();
                        left = xml.getTextLength();
                    }
                } catch (XMLStreamException e) {
                    throw new IOException(e);
                }
            }
            if (left == 0) {
                return -1;
            }
            int n = Math.min(length, left);
            System.arraycopy(chunk, start, buffer, offset, n);
            start += n;
            left -= n;
            return n;
        }

        @Override
        public void close() {
            // the parser belongs to the caller
        }
    }
}
