package se.kurir.adapter.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.springframework.stereotype.Component;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an SDK message v3 as the receiving message service must: first against the schema ({@code
 * xsd/sdk/MessageWithAttachments-3.xsd}: what fails is SV), then against Digg's business rules (BV, each under its
 * rule id, see {@link Rule}), in two streaming passes over the stored message, so a message of 30 MB is never held.
 * DOCTYPEs are refused and nothing external is fetched. What it reports never carries a value from the message.
 */
@Component
class SdkMessageReader {

    static final String SCHEMA = "/xsd/sdk/MessageWithAttachments-3.xsd";
    private static final int MAX_ISSUES = 20;
    private static final int KEPT_TEXT = 1024;

    /** Digg's business rules for the message, as Kurir names them in receipts. */
    enum Rule {
        EMPTY("SDK-R1", "is included but empty; every element included must have a value"),
        TIMESTAMP("SDK-R2", "must be a UTC time with fractions of a second, YYYY-MM-DDThh:mm:ss.sZ"),
        UUID("SDK-R3", "is not a UUID"),
        LABEL_LENGTH("SDK-R4", "is longer than 256 characters"),
        BASE64("SDK-R5", "is not base64 (RFC 4648)"),
        ACTOR_ID("SDK-R6", "must be " + SdkMessage.ACTOR_ID),
        FUNCTIONAL_ADDRESS("SDK-R7", "must be " + SdkMessage.FUNCTIONAL_ADDRESS);

        private final String id;
        private final String text;

        Rule(String id, String text) {
            this.id = id;
            this.text = text;
        }

        SdkIssue at(String path) {
            return SdkIssue.rule(path, id + ": " + path.substring(path.lastIndexOf('/') + 1) + " " + text);
        }
    }

    /** What was read: the header (null when the schema refused the message) and every issue found. */
    record Result(SdkMessage message, List<SdkIssue> issues) {
        boolean valid() {
            return message != null && issues.isEmpty();
        }
    }

    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{1,3}Z");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String HEADER = "/messagePayload/message/messageHeader/";

    private final Schema schema;
    private final SAXParserFactory parsers;
    private final XMLInputFactory stax;

    SdkMessageReader() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            URL xsd = SdkMessageReader.class.getResource(SCHEMA);
            schema = factory.newSchema(xsd);
            parsers = SAXParserFactory.newInstance();
            parsers.setNamespaceAware(true);
            parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            parsers.setFeature("http://xml.org/sax/features/external-general-entities", false);
            parsers.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("The SDK message schema cannot be loaded", e);
        }
        stax = XMLInputFactory.newDefaultFactory();
        stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        stax.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** @param message opens the stored message; it is read twice */
    Result read(Supplier<InputStream> message) {
        List<SdkIssue> issues = validate(message);
        if (!issues.isEmpty()) {
            return new Result(null, issues);
        }
        return checkRules(message);
    }

    private List<SdkIssue> validate(Supplier<InputStream> message) {
        List<SdkIssue> issues = new ArrayList<>();
        PathTracker path = new PathTracker();
        try (InputStream in = message.get()) {
            XMLReader reader = parsers.newSAXParser().getXMLReader();
            ValidatorHandler validator = schema.newValidatorHandler();
            validator.setContentHandler(path);
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not reject a message
                }

                @Override
                public void error(SAXParseException e) {
                    // one issue per element: a wrong value breaks its type and the element's both
                    boolean named = issues.stream().anyMatch(issue -> issue.lineId().equals(path.path()));
                    if (!named && issues.size() < MAX_ISSUES) {
                        issues.add(SdkIssue.schema(path.path(), "does not match the message schema ("
                                + constraint(e) + ")"));
                    }
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            reader.setContentHandler(validator);
            reader.parse(new InputSource(in));
        } catch (SAXParseException e) {
            issues.add(SdkIssue.schema(path.path(), "is not well-formed XML, or it has a DOCTYPE ("
                    + constraint(e) + ")"));
        } catch (SAXException | ParserConfigurationException e) {
            issues.add(SdkIssue.schema("NA", "cannot be read as XML"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return issues;
    }

    /** The schema constraint a parser message names ({@code cvc-...}), never the value it quotes. */
    private static String constraint(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.indexOf(':');
        String key = colon > 0 ? message.substring(0, colon) : "";
        return (key.matches("[A-Za-z0-9.-]{3,60}") ? key : "parse error") + " at line " + e.getLineNumber();
    }

    private Result checkRules(Supplier<InputStream> message) {
        List<SdkIssue> issues = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<Boolean> hasText = new ArrayDeque<>();
        int documents = 0;
        try (InputStream in = message.get()) {
            XMLStreamReader xml = stax.createXMLStreamReader(in);
            StringBuilder text = new StringBuilder();
            long textLength = 0;
            Base64Check base64 = null;
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        path.addLast(xml.getLocalName());
                        hasText.addLast(false);
                        text.setLength(0);
                        textLength = 0;
                        String at = String.join("/", path);
                        base64 = at.endsWith("ContentFiles/content") ? new Base64Check() : null;
                        documents += at.equals("messagePayload/message/messageBody/documents") ? 1 : 0;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        char[] chars = xml.getTextCharacters();
                        int start = xml.getTextStart();
                        int length = xml.getTextLength();
                        if (!isBlank(chars, start, length)) {
                            markText(hasText); // the element and every element around it have a value
                        }
                        if (base64 != null) {
                            base64.accept(chars, start, length);
                        } else if (text.length() < KEPT_TEXT) {
                            text.append(chars, start, Math.min(length, KEPT_TEXT - text.length()));
                        }
                        textLength += length;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String at = "/" + String.join("/", path);
                        if (!hasText.removeLast() && issues.size() < MAX_ISSUES) {
                            issues.add(Rule.EMPTY.at(at));
                        }
                        if (base64 != null && !base64.valid() && issues.size() < MAX_ISSUES) {
                            issues.add(Rule.BASE64.at(at));
                        }
                        base64 = null;
                        if (at.endsWith("/subOrganization/organizationId/root")
                                && !text.toString().strip().equals(SdkMessage.FUNCTIONAL_ADDRESS)) {
                            issues.add(Rule.FUNCTIONAL_ADDRESS.at(at));
                        }
                        if (at.equals(HEADER + "label") && textLength > 256) {
                            issues.add(Rule.LABEL_LENGTH.at(at));
                        }
                        values.putIfAbsent(at, text.toString().strip());
                        path.removeLast();
                        text.setLength(0);
                        textLength = 0;
                    }
                    default -> {
                        // comments, processing instructions, whitespace between elements
                    }
                }
            }
        } catch (XMLStreamException e) {
            return new Result(null, List.of(SdkIssue.schema("NA", "cannot be read as XML")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkHeader(values, issues);
        SdkMessage read = new SdkMessage(values.get(HEADER + "creationDateTime"), values.get(HEADER + "messageId"),
                values.get(HEADER + "conversationId"), values.get(HEADER + "refToMessageId"),
                values.get(HEADER + "label"), "true".equals(values.get(HEADER + "confidentiality"))
                        || "1".equals(values.get(HEADER + "confidentiality")),
                values.get(HEADER + "generatingSystem/extension"), values.get(HEADER + "recipient/recipientID/extension"),
                values.get(HEADER + "recipient/attention/subOrganization/organizationId/extension"),
                values.get(HEADER + "sender/senderID/extension"),
                values.get(HEADER + "sender/attention/subOrganization/organizationId/extension"), documents);
        return new Result(read, List.copyOf(issues));
    }

    private static void checkHeader(Map<String, String> values, List<SdkIssue> issues) {
        String created = HEADER + "creationDateTime";
        if (!TIMESTAMP.matcher(values.getOrDefault(created, "")).matches()) {
            issues.add(Rule.TIMESTAMP.at(created));
        }
        for (String id : List.of("messageId", "conversationId", "refToMessageId")) {
            String value = values.get(HEADER + id);
            if (value != null && !UUID.matcher(value).matches()) {
                issues.add(Rule.UUID.at(HEADER + id));
            }
        }
        for (String root : List.of("recipient/recipientID/root", "sender/senderID/root")) {
            String value = values.get(HEADER + root);
            if (value != null && !value.equals(SdkMessage.ACTOR_ID)) {
                issues.add(Rule.ACTOR_ID.at(HEADER + root));
            }
        }
    }

    private static void markText(Deque<Boolean> hasText) {
        int n = hasText.size();
        hasText.clear();
        for (int i = 0; i < n; i++) {
            hasText.addLast(true);
        }
    }

    private static boolean isBlank(char[] chars, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    /** Base64 as RFC 4648 writes it, checked as it streams by: the alphabet, padding only at the end. */
    private static final class Base64Check {
        private long symbols;
        private int padding;
        private boolean valid = true;

        void accept(char[] chars, int start, int length) {
            for (int i = start; i < start + length && valid; i++) {
                char c = chars[i];
                if (Character.isWhitespace(c)) {
                    continue;
                }
                if (c == '=') {
                    padding++;
                    valid = padding <= 2;
                } else {
                    valid = padding == 0 && (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                            || c == '+' || c == '/');
                    symbols++;
                }
            }
        }

        boolean valid() {
            return valid && symbols > 0 && (symbols + padding) % 4 == 0;
        }
    }

    /** The path of the element being validated, for the schema's issues. */
    private static final class PathTracker extends DefaultHandler {
        private final Deque<String> path = new ArrayDeque<>();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            path.addLast(localName);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            path.pollLast();
        }

        String path() {
            return path.isEmpty() ? "NA" : "/" + String.join("/", path);
        }
    }
}
