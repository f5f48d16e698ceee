package se.kurir.adapter.shs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An SHS message as the gateway serves it: multipart/mixed, the label first, then the one data part in binary,
 * streamed from its source.
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

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
