package se.kurir.adapter.shs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.apache.commons.fileupload2.core.MultipartInput;

/**
 * An SHS message as it arrives, read part by part from the request stream and never held whole: the label first,
 * then the data parts. The body is a {@code multipart/mixed} entity, or a {@code message/rfc822} one whose own
 * headers name the multipart. A message that ends before its closing boundary is malformed: whatever reads a part
 * learns it from the part's stream, and {@link #next()} after the last part, so nothing of it is admitted.
 */
final class ShsMimeMessage {

    private static final int HEADER_LIMIT = 64 * 1024;

    private final MultipartInput multipart;
    private boolean started;
    private boolean ended;
    private Part current;

    private ShsMimeMessage(MultipartInput multipart) {
        this.multipart = multipart;
    }

    /** @param contentType the request's Content-Type */
    static ShsMimeMessage open(InputStream body, String contentType) throws IOException {
        String type = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
        if (type.startsWith("message/rfc822")) {
            contentType = MimeHeaders.parse(readHeaderBlock(body)).get("Content-Type");
            type = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
        }
        if (!type.startsWith("multipart/")) {
            throw malformed("Content-Type: an SHS message is multipart/mixed (or message/rfc822 around one), not '"
                    + contentType + "'");
        }
        String boundary = MimeHeaders.parameterOf(contentType, "boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw malformed("Content-Type: the multipart's boundary parameter is missing or longer than 70");
        }
        MultipartInput multipart = MultipartInput.builder().setInputStream(body)
                .setBoundary(boundary.getBytes(StandardCharsets.ISO_8859_1)).setPartHeaderSizeMax(HEADER_LIMIT).get();
        multipart.setHeaderCharset(StandardCharsets.ISO_8859_1);
        return new ShsMimeMessage(multipart);
    }

    /** The header block of a message/rfc822 entity, up to the blank line; the body stream is left after it. */
    private static String readHeaderBlock(InputStream body) throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        int previous = -1;
        for (int c; (c = body.read()) >= 0;) {
            if (c == '\n' && (previous == '\n' || endsWithBlankLine(block))) {
                return block.toString(StandardCharsets.ISO_8859_1);
            }
            block.write(c);
            previous = c;
            if (block.size() > HEADER_LIMIT) {
                throw malformed("message/rfc822: its headers are longer than " + HEADER_LIMIT + " bytes");
            }
        }
        throw malformed("message/rfc822: the message ends inside its headers");
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream block) {
        byte[] b = block.toByteArray();
        return b.length >= 3 && b[b.length - 1] == '\r' && b[b.length - 2] == '\n';
    }

    /**
     * The next part, after the one before was read to its end (or skipped); null once the closing boundary has been
     * read.
     *
     * @throws ShsException SHS_MESSAGE_MALFORMED when the message ends before its closing boundary
     */
    Part next() {
        if (ended) {
            return null;
        }
        try {
            boolean more;
            if (!started) {
                started = true;
                more = multipart.skipPreamble();
            } else {
                current.body.close(); // skips what the reader left
                more = multipart.readBoundary();
            }
            if (!more) {
                ended = true;
                return null;
            }
            MimeHeaders headers = MimeHeaders.parse(multipart.readHeaders());
            current = new Part(headers, multipart.newInputStream());
            return current;
        } catch (IOException e) {
            throw malformed("body: the message ends before its closing boundary, or a boundary is broken ("
                    + e.getMessage() + ")", e);
        }
    }

    /** One MIME part: its headers and its body, decoded from base64 where the part says so. */
    record Part(MimeHeaders headers, InputStream body) {

        /** The part's body as its transfer encoding means it. */
        InputStream decoded() {
            String encoding = headers.value("Content-Transfer-Encoding");
            if (encoding == null || encoding.equals("binary") || encoding.equals("8bit") || encoding.equals("7bit")) {
                return body;
            }
            if (encoding.equals("base64")) {
                return Base64.getMimeDecoder().wrap(body);
            }
            throw new ShsException(ShsProblem.SHS_TRANSFER_ENCODING_UNSUPPORTED, "Content-Transfer-Encoding: '"
                    + encoding + "' is not binary, 8bit, 7bit or base64");
        }

        /** The whole (small) part, decoded; refused when it is longer than the limit. */
        byte[] readAll(int limit, String what) {
            try (InputStream in = decoded()) {
                byte[] bytes = in.readNBytes(limit + 1);
                if (bytes.length > limit) {
                    throw malformed(what + ": longer than " + limit + " bytes");
                }
                return bytes;
            } catch (IOException e) {
                throw malformed("body: the message ends inside the " + what + " (" + e.getMessage() + ")", e);
            }
        }
    }

    static ShsException malformed(String detail) {
        return new ShsException(ShsProblem.SHS_MESSAGE_MALFORMED, detail);
    }

    static ShsException malformed(String detail, Throwable cause) {
        return new ShsException(ShsProblem.SHS_MESSAGE_MALFORMED, detail, cause);
    }
}
