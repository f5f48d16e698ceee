package se.kurir.adapter.shs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An SHS message as the gateway serves it: multipart/mixed, the label first, then the data parts in binary,
 * streamed from their source.
 */
final class ShsMimeWriter {

    private ShsMimeWriter() {
    }

    static String boundary() {
        return "kurir-" + UUID.randomUUID();
    }

    static String contentType(String boundary) {
        return "multipart/mixed; boundary=\"" + boundary + "\"";
    }

    /** @param disposition the data part's Content-Disposition, or null for none */
    static void write(OutputStream out, String boundary, byte[] label, String dataType, String disposition,
            InputStream data) throws IOException {
        write(out, "--" + boundary + "\r\nContent-Type: text/xml; charset=ISO-8859-1\r\n\r\n");
        out.write(label);
        write(out, "\r\n--" + boundary + "\r\nContent-Type: " + dataType + "\r\nContent-Transfer-Encoding: binary\r\n"
                + (disposition == null ? "" : "Content-Disposition: " + disposition + "\r\n") + "\r\n");
        data.transferTo(out);
        write(out, "\r\n--" + boundary + "--\r\n");
    }

    /**
     * A message of several data parts: the label, then the document they are kept in ({@link ShsDataParts}), whose
     * boundary is the message's own, so its bytes follow the label as they are.
     */
    static void writeWithParts(OutputStream out, String boundary, byte[] label, InputStream document)
            throws IOException {
        write(out, "--" + boundary + "\r\nContent-Type: text/xml; charset=ISO-8859-1\r\n\r\n");
        out.write(label);
        write(out, "\r\n");
        document.transferTo(out);
    }

    /** A Content-Disposition naming a file: an ASCII fallback for clients that read only filename, and the name. */
    static String attachment(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
