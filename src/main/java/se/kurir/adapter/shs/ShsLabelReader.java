package se.kurir.adapter.shs;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.springframework.stereotype.Component;
import se.kurir.adapter.shs.ShsLabel.DataPart;
import se.kurir.adapter.shs.ShsLabel.Meta;
import se.kurir.adapter.shs.ShsLabel.TransferType;

/**
 * Reads an {@code shs.label} as SHS clients in the field write it: ISO-8859-1 or UTF-8 (declared, or not), a DOCTYPE
 * naming the SHS DTD (recognised, never fetched: DTD processing is off, so an entity the label declares is never
 * expanded and one it uses is an error), start tags and attribute values hard-wrapped across lines, no
 * {@code version}, a {@code datetime} without a zone or with the date only. What the label must say and does not is
 * refused naming the attribute or element.
 */
@Component
class ShsLabelReader {

    static final ZoneId SWEDISH_TIME = ZoneId.of("Europe/Stockholm");
    private static final Pattern DECLARED_ENCODING = Pattern.compile(
            "^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
    /** The products of SHS's own messages: confirm and error (adm), agreement (agreement administration). */
    private static final List<String> SPECIAL_PRODUCTS = List.of("confirm", "error", "agreement");
    private static final Pattern LINE_BREAK_IN_VALUE = Pattern.compile("\\r?\\n[ \\t]*");

    private final XMLInputFactory factory;

    ShsLabelReader() {
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /**
     * @param charset the label part's charset parameter, or null; the label's own declaration wins over it
     * @throws ShsException SHS_LABEL_INVALID, naming what is wrong
     */
    ShsLabel read(byte[] bytes, String charset) {
        String text = unwrapAttributeValues(decode(bytes, charset));
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new StringReader(text));
            try {
                return label(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")";
            throw invalid("shs.label: not well-formed XML" + where + ": " + firstLine(e.getMessage()));
        }
    }

    /**
     * The label's declared encoding, else the part's charset, else UTF-8 if the bytes are UTF-8, else ISO-8859-1 (the
     * SHS default). A label declared UTF-8 whose bytes are not is read as ISO-8859-1: old clients write Latin-1
     * under a copied declaration.
     */
    static String decode(byte[] bytes, String charset) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_ENCODING.matcher(head.startsWith("\uFEFF") ? head.substring(1) : head);
        Charset named = declared.find() ? charset(declared.group(1)) : charset(charset);
        if (named != null && !named.equals(StandardCharsets.UTF_8)) {
            return new String(bytes, named);
        }
        try {
            String utf8 = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return utf8.startsWith("\uFEFF") ? utf8.substring(1) : utf8;
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /**
     * Takes out the line breaks a hard wrap put inside attribute values ({@code tx.id="4f3c…\n  9a1b"}), with the
     * next line's indentation: XML would keep them as spaces, and no SHS attribute value has a line break of its own.
     */
    static String unwrapAttributeValues(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inTag = false;
        char quote = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quote != 0 && (c == '\r' || c == '\n')) {
                Matcher wrap = LINE_BREAK_IN_VALUE.matcher(text).region(i, text.length());
                if (wrap.lookingAt()) {
                    i = wrap.end();
                    continue;
                }
            }
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (inTag) {
                if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    inTag = false;
                }
            } else if (c == '<') {
                inTag = true;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private ShsLabel label(XMLStreamReader xml) throws XMLStreamException {
        while (xml.next() != XMLStreamConstants.START_ELEMENT) {
            if (!xml.hasNext()) {
                throw invalid("shs.label: the document has no element");
            }
        }
        if (!xml.getLocalName().equals("shs.label")) {
            throw invalid("shs.label: the document's element is " + xml.getLocalName() + ", not shs.label");
        }
        String txId = uuid("shs.label/tx.id", required(xml, "tx.id"));
        String corrId = compact(required(xml, "corr.id"));
        String agreement = optional(xml, "shs.agreement");
        TransferType transfer = choice("shs.label/transfer-type", optional(xml, "transfer-type"), "asynch",
                TransferType.class);
        String sequence = oneOf("shs.label/sequence-type", optional(xml, "sequence-type"), "event",
                List.of("event", "request", "reply", "adm"));
        String status = oneOf("shs.label/status", optional(xml, "status"), "production",
                List.of("production", "test"));
        Elements elements = elements(xml);
        if (elements.originator == null && elements.from == null) {
            throw invalid("shs.label/from: the label names neither from nor originator");
        }
        if (elements.product == null) {
            throw invalid("shs.label/product: the element is required");
        }
        if (elements.contentId == null) {
            throw invalid("shs.label/content: the element (with its content.id) is required");
        }
        return new ShsLabel(txId, corrId, agreement == null ? null : compact(agreement), transfer, sequence, status,
                elements.originator, elements.from, elements.to, elements.endRecipient, elements.product,
                elements.meta, elements.subject, elements.datetime, elements.contentId, elements.contentComment,
                elements.data);
    }

    /** The label's child elements as they come; each of the single ones at most once. */
    private static final class Elements {
        ShsAddress originator;
        ShsAddress from;
        ShsAddress to;
        ShsAddress endRecipient;
        String product;
        final List<Meta> meta = new ArrayList<>();
        String subject;
        OffsetDateTime datetime;
        String contentId;
        String contentComment;
        final List<DataPart> data = new ArrayList<>();
    }

    private Elements elements(XMLStreamReader xml) throws XMLStreamException {
        Elements e = new Elements();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            switch (name) {
                case "originator" -> e.originator = once(name, e.originator, address(name, xml.getElementText()));
                case "from" -> e.from = once(name, e.from, address(name, xml.getElementText()));
                case "to" -> e.to = once(name, e.to, address(name, xml.getElementText()));
                case "end-recipient" -> e.endRecipient = once(name, e.endRecipient,
                        address(name, xml.getElementText()));
                case "product" -> e.product = once(name, e.product, product(xml.getElementText()));
                case "meta" -> {
                    String meta = required(xml, "name").strip();
                    e.meta.add(new Meta(meta, collapse(xml.getElementText())));
                }
                case "subject" -> e.subject = once(name, e.subject, collapse(xml.getElementText()));
                case "datetime" -> e.datetime = once(name, e.datetime, datetime(xml.getElementText()));
                case "content" -> {
                    e.contentId = once(name, e.contentId, compact(required(xml, "content.id")));
                    e.contentComment = optional(xml, "comment");
                    readContent(xml, e.data);
                }
                default -> skip(xml); // history, and elements later versions add: nothing Kurir routes by
            }
        }
        return e;
    }

    private static void readContent(XMLStreamReader xml, List<DataPart> data) throws XMLStreamException {
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.getLocalName().equals("data")) {
                data.add(new DataPart(compact(required(xml, "datapartType")), optional(xml, "filename"),
                        count("data/no-of-bytes", optional(xml, "no-of-bytes")),
                        count("data/no-of-records", optional(xml, "no-of-records"))));
            }
            skip(xml);
        }
    }

    /** Skips the current element, its children included, leaving the reader at its end tag. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        for (int depth = 1; depth > 0;) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static <T> T once(String element, T earlier, T value) {
        if (earlier != null) {
            throw invalid("shs.label/" + element + ": the element appears more than once");
        }
        return value;
    }

    private static ShsAddress address(String element, String text) {
        try {
            return ShsAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid("shs.label/" + element + ": " + e.getMessage());
        }
    }

    private static String product(String text) {
        String value = compact(text);
        if (value.regionMatches(true, 0, ShsAddress.PREFIX, 0, ShsAddress.PREFIX.length())) {
            value = value.substring(ShsAddress.PREFIX.length());
        }
        if (SPECIAL_PRODUCTS.contains(value.toLowerCase(Locale.ROOT))) {
            return value.toLowerCase(Locale.ROOT);
        }
        return uuid("shs.label/product", value);
    }

    private static String uuid(String field, String value) {
        String compact = compact(value);
        try {
            if (compact.length() == 36) {
                return UUID.fromString(compact).toString();
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw invalid(field + ": '" + compact + "' is not a UUID");
    }

    /** Local time (no zone) is Swedish time; a date alone is its midnight. */
    static OffsetDateTime datetime(String text) {
        String value = text.strip().replace(' ', 'T');
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(SWEDISH_TIME).toOffsetDateTime();
            }
            if (value.endsWith("Z") || value.matches(".*[+-][0-9]{2}:?[0-9]{2}$")) {
                return OffsetDateTime.parse(value.replaceAll("([+-][0-9]{2})([0-9]{2})$", "$1:$2"));
            }
            return LocalDateTime.parse(value).atZone(SWEDISH_TIME).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw invalid("shs.label/datetime: '" + text.strip() + "' is not a date or date and time");
        }
    }

    private static Long count(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(compact(value));
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid(field + ": '" + value.strip() + "' is not a count");
    }

    private static String required(XMLStreamReader xml, String attribute) {
        String value = optional(xml, attribute);
        if (value == null || value.isBlank()) {
            throw invalid(xml.getLocalName() + "/" + attribute + ": the attribute is required");
        }
        return value;
    }

    private static String optional(XMLStreamReader xml, String attribute) {
        return xml.getAttributeValue(null, attribute);
    }

    private static <E extends Enum<E>> E choice(String field, String value, String absent, Class<E> type) {
        String chosen = oneOf(field, value, absent, Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        return Enum.valueOf(type, chosen.toUpperCase(Locale.ROOT));
    }

    private static String oneOf(String field, String value, String absent, List<String> allowed) {
        if (value == null) {
            return absent;
        }
        String chosen = compact(value).toLowerCase(Locale.ROOT);
        if (!allowed.contains(chosen)) {
            throw invalid(field + ": '" + value.strip() + "' is not one of " + allowed);
        }
        return chosen;
    }

    private static String compact(String value) {
        return value.replaceAll("\\s+", "");
    }

    private static String collapse(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int lastBreak = text.lastIndexOf('\n');
        return lastBreak < 0 ? text : text.substring(lastBreak + 1).strip();
    }

    private static ShsException invalid(String detail) {
        return new ShsException(ShsProblem.SHS_LABEL_INVALID, detail);
    }
}
