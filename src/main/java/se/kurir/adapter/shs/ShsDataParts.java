package se.kurir.adapter.shs;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import se.kurir.payload.PayloadMediaType;

/**
 * The data parts of an SHS message with more than one, kept as one payload: a {@code multipart/mixed} document of
 * the parts in label order, each in binary with its own Content-Type, under a boundary chosen here. The core carries
 * one payload per message, so this keeps SHS's several parts without a second claim check; a REST client fetches
 * the document as it is, and the delivery service serves it after the label under the same boundary, byte for byte.
 * The parts are read from the request as the store reads the document: never held, each part's size counted on the
 * way. What the label says of each part is kept in the envelope's metadata, one entry per part.
 */
final class ShsDataParts {

    /** The number of data parts, in the metadata of a message with more than one. */
    static final String COUNT = "shs.data-parts";
    /** One entry per part, {@code shs.data-part.<n>}, 1-based: the part's label attributes, URL-encoded. */
    static final String PART = "shs.data-part.";
    /** More would not fit the envelope's metadata, which holds one entry per part. */
    static final int MAX_PARTS = 16;

    private static final String BOUNDARY_PREFIX = "kurir-data-parts-";

    private ShsDataParts() {
    }

    /** What the label says of one part, and its size as it arrived. */
    record Described(String type, String filename, Long records, long bytes) {

        String encoded() {
            var fields = new LinkedHashMap<String, String>();
            fields.put("type", type);
            fields.put("filename", filename);
            fields.put("no-of-records", records == null ? null : records.toString());
            fields.put("no-of-bytes", Long.toString(bytes));
            StringBuilder out = new StringBuilder();
            fields.forEach((name, value) -> {
                if (value != null) {
                    out.append(out.isEmpty() ? "" : "&").append(name).append('=')
                            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            });
            return out.toString();
        }

        static Described decode(String encoded) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : encoded.split("&")) {
                int eq = field.indexOf('=');
                fields.put(field.substring(0, eq), URLDecoder.decode(field.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return new Described(fields.getOrDefault("type", "binary"), fields.get("filename"),
                    Optional.ofNullable(fields.get("no-of-records")).map(Long::valueOf).orElse(null),
                    Long.parseLong(fields.getOrDefault("no-of-bytes", "0")));
        }
    }

    /** The parts of a message kept this way, from its metadata; empty for a message with one data part. */
    static List<Described> of(Map<String, String> metadata) {
        int count = Integer.parseInt(metadata.getOrDefault(COUNT, "0"));
        List<Described> parts = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            parts.add(Described.decode(metadata.get(PART + n)));
        }
        return parts;
    }

    /** Whether a payload's media type is a document of data parts that this class wrote. */
    static boolean isDocument(String mediaType) {
        return mediaType != null && mediaType.startsWith("multipart/mixed") && boundaryOf(mediaType) != null;
    }

    /** The boundary of a document of data parts, which the served message takes as its own. */
    static String boundaryOf(String mediaType) {
        String boundary = MimeHeaders.parameterOf(mediaType, "boundary");
        return boundary != null && boundary.startsWith(BOUNDARY_PREFIX) ? boundary : null;
    }

    /**
     * The document being read from a message whose label declares {@code declared} data parts, the first of which
     * has been opened. Reading it reads the parts from the request in turn.
     */
    static Incoming read(ShsMimeMessage message, ShsMimeMessage.Part first, List<ShsLabel.DataPart> declared) {
        return new Incoming(message, first, declared);
    }

    /** A document of data parts as it streams in; after the store has read it, the parts' descriptions. */
    static final class Incoming {

        private final String boundary = BOUNDARY_PREFIX + UUID.randomUUID();
        private final ShsMimeMessage message;
        private final List<ShsLabel.DataPart> declared;
        private final List<Described> described = new ArrayList<>();
        private ShsMimeMessage.Part next;
        private Counting counting;

        private Incoming(ShsMimeMessage message, ShsMimeMessage.Part first, List<ShsLabel.DataPart> declared) {
            this.message = message;
            this.next = first;
            this.declared = declared;
        }

        String mediaType() {
            return "multipart/mixed; boundary=\"" + boundary + "\"";
        }

        /** The document, each part read from the request only once the part before it has been read to its end. */
        InputStream stream() {
            return new SequenceInputStream(new Enumeration<InputStream>() {
                private int index;
                private boolean closed;

                @Override
                public boolean hasMoreElements() {
                    return !closed;
                }

                @Override
                public InputStream nextElement() {
                    if (closed) {
                        throw new NoSuchElementException();
                    }
                    if (index == 2 * declared.size()) {
                        closed = true;
                        return text("\r\n--" + boundary + "--\r\n");
                    }
                    boolean header = index++ % 2 == 0;
                    return header ? nextPartHeader() : counting;
                }
            });
        }

        private InputStream nextPartHeader() {
            if (counting != null) {
                finishPart();
            }
            int n = described.size();
            ShsMimeMessage.Part part = next != null ? next : message.next();
            next = null;
            if (part == null) {
                throw new ShsException(ShsProblem.SHS_DATA_PARTS_MISMATCH, "body: the label's content declares "
                        + declared.size() + " data parts and the message has " + n);
            }
            ShsLabel.DataPart label = declared.get(n);
            String type = PayloadMediaType.check("data part " + (n + 1) + " Content-Type",
                    Optional.ofNullable(part.headers().get("Content-Type")).orElse(PayloadMediaType.DEFAULT));
            counting = new Counting(part.decoded());
            return text((n == 0 ? "" : "\r\n") + "--" + boundary + "\r\nContent-Type: " + type
                    + "\r\nContent-Transfer-Encoding: binary\r\n"
                    + (label.filename() == null ? "" : "Content-Disposition: "
                            + ShsMimeWriter.attachment(label.filename()) + "\r\n") + "\r\n");
        }

        private void finishPart() {
            ShsLabel.DataPart label = declared.get(described.size());
            described.add(new Described(label.type(), label.filename(), label.records(), counting.count));
            counting = null;
        }

        /** Each part as it arrived; call once the document has been stored. */
        List<Described> described() {
            if (counting != null) {
                finishPart();
            }
            return List.copyOf(described);
        }

        private InputStream text(String value) {
            return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The metadata entries that describe the parts. */
    static Map<String, String> metadata(List<Described> parts) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(COUNT, Integer.toString(parts.size()));
        for (int n = 0; n < parts.size(); n++) {
            metadata.put(PART + (n + 1), parts.get(n).encoded());
        }
        return metadata;
    }

    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }
}
