package se.kurir.adapter.shs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An SHS message as the gateway writes it (served by the delivery service, answered to a synch request, forwarded to
 * another SHS node): multipart/mixed, the label first, then the data parts in binary, streamed from their source.
 * The data are not held: a {@link Framing} is the bytes before and after them.
 */
final class ShsMimeWriter {

    private ShsMimeWriter() {
    }

    /** What goes around the data of one message, and its Content-Type. */
    record Framing(String contentType, byte[] head, byte[] tail) {

        void write(OutputStream out, InputStream data) throws IOException {
            out.write(head);
            data.transferTo(out);
            out.write(tail);
        }
    }

    /**
     * A message of one data part under a boundary chosen here.
     *
     * @param disposition the data part's Content-Disposition, or null for none
     */
    static Framing oneDataPart(byte[] label, String dataType, String disposition) {
        String boundary = "kurir-" + UUID.randomUUID();
        return new Framing(contentType(boundary), concat(labelPart(boundary, label), bytes("\r\n--" + boundary
                + "\r\nContent-Type: " + dataType + "\r\nContent-Transfer-Encoding: binary\r\n"
                + (disposition == null ? "" : "Content-Disposition: " + disposition + "\r\n") + "\r\n")),
                bytes("\r\n--" + boundary + "--\r\n"));
    }

    /**
     * A message of several data parts: the label, then the document they are kept in ({@link ShsDataParts}), whose
     * boundary is the message's own, so its bytes follow the label as they are.
     */
    static Framing dataPartsDocument(byte[] label, String documentBoundary) {
        return new Framing(contentType(documentBoundary), concat(labelPart(documentBoundary, label),
                bytes("\r\n")), new byte[0]);
    }

    /** A Content-Disposition naming a file: an ASCII fallback for clients that read only filename, and the name. */
    static String attachment(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String contentType(String boundary) {
        return "multipart/mixed; boundary=\"" + boundary + "\"";
    }

    private static byte[] labelPart(String boundary, byte[] label) {
        return concat(bytes("--" + boundary + "\r\nContent-Type: text/xml; charset=ISO-8859-1\r\n\r\n"), label);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
