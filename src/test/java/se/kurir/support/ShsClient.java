package se.kurir.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SHS 1.2 client as an agency system has one: it writes the MIME message itself (label first, then the data
 * parts, CRLF line ends) and posts it to the receive service, authenticated by its API key. Written from the
 * specification, not from the gateway's code.
 */
public final class ShsClient {

    /** The SHS product type the demo registry maps to inkomstuppgift. */
    public static final String INKOMSTUPPGIFT = "6a1d3e52-4c1b-4a8e-9d57-2f0c6b8e1a01";
    /** The SHS product type the demo registry maps to manadsfil-utbetalningar (up to 20 GB). */
    public static final String MANADSFIL = "0c5e8a4f-7b2d-4f61-a3c9-5d8e2b71f4a2";

    /** The SHS product type the demo registry maps to misstankt-falsk-identitet (held for review). */
    public static final String FALSK_IDENTITET = "3f7b9c21-8d4e-4a6f-b2c1-7e5d9a0f4b63";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String apiKey;

    public ShsClient(int port, String apiKey) {
        this.base = "http://localhost:" + port;
        this.apiKey = apiKey;
    }

    public record Answer(int status, String body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String code() {
            return Api.parse(body).path("code").asText(null);
        }
    }

    /** What the delivery service served: the status, the Content-Type and the body as bytes. */
    public record Fetched(int status, String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }

        /**
         * The parts of a multipart/mixed body, split at its boundary as MIME defines it: each part's header block
         * and body as ISO-8859-1 text, one character per byte.
         */
        public List<String[]> parts() {
            Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
            if (!boundary.find()) {
                throw new AssertionError("no boundary in " + contentType);
            }
            String delimiter = "--" + boundary.group(1);
            String all = text();
            if (!all.endsWith(delimiter + "--\r\n")) {
                throw new AssertionError("no closing boundary");
            }
            List<String[]> parts = new ArrayList<>();
            for (String part : all.substring(0, all.lastIndexOf("\r\n" + delimiter + "--"))
                    .split("(^|\r\n)" + Pattern.quote(delimiter) + "\r\n")) {
                if (!part.isEmpty()) {
                    int blank = part.indexOf("\r\n\r\n");
                    parts.add(new String[] {part.substring(0, blank), part.substring(blank + 4)});
                }
            }
            return parts;
        }
    }

    public Fetched get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return fetched(call(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static Fetched fetched(HttpResponse<byte[]> response) {
        return new Fetched(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Posts a label and one data part read from a file, streamed: the client holds the file no more than the
     * gateway may.
     */
    public Answer sendFile(String label, String contentType, Path file) throws IOException {
        String boundary = "shs-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Type: text/xml; charset=ISO-8859-1\r\n\r\n" + label
                + "\r\n--" + boundary + "\r\nContent-Type: " + contentType
                + "\r\nContent-Transfer-Encoding: binary\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/shs/rs"))
                .header("Content-Type", "multipart/mixed; boundary=" + boundary)
                .header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a label and one data part read from a stream, sent as it is read (chunked): nothing is held. */
    public Answer sendStream(String label, String contentType, Supplier<InputStream> data) throws IOException {
        String boundary = "shs-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Type: text/xml; charset=ISO-8859-1\r\n\r\n" + label
                + "\r\n--" + boundary + "\r\nContent-Type: " + contentType
                + "\r\nContent-Transfer-Encoding: binary\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/shs/rs"))
                .header("Content-Type", "multipart/mixed; boundary=" + boundary).header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofInputStream(data), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> response = call(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response);
    }

    /**
     * Fetches a message from the delivery service as a stream and returns the SHA-256 of its data part of
     * {@code size} bytes, checking that the closing boundary follows it: the client holds nothing of it.
     */
    public String streamDataPartSha256(String path, long size) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).GET().header("X-Api-Key", apiKey).build();
        HttpResponse<InputStream> response = call(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new AssertionError("fetch answered " + response.statusCode());
        }
        Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?")
                .matcher(response.headers().firstValue("Content-Type").orElse(""));
        if (!boundary.find()) {
            throw new AssertionError("no boundary in the answer");
        }
        try (InputStream in = response.body()) {
            skipPast(in, "\r\n--" + boundary.group(1) + "\r\n"); // the label, up to the data part
            skipPast(in, "\r\n\r\n"); // the data part's headers
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (long left = size; left > 0;) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new AssertionError("the data part ended " + left + " bytes short");
                }
                sha256.update(buffer, 0, n);
                left -= n;
            }
            String rest = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!rest.equals("\r\n--" + boundary.group(1) + "--\r\n")) {
                throw new AssertionError("after the data part: " + rest.length() + " bytes, not the closing boundary");
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void skipPast(InputStream in, String marker) throws IOException {
        byte[] wanted = marker.getBytes(StandardCharsets.ISO_8859_1);
        int matched = 0;
        for (long read = 0; matched < wanted.length; read++) {
            int b = in.read();
            if (b < 0 || read > 1 << 20) {
                throw new AssertionError("no " + marker.strip() + " in the first MB of the answer");
            }
            matched = b == wanted[matched] ? matched + 1 : (b == wanted[0] ? 1 : 0);
        }
    }

    /**
     * Fetches a message from the delivery service into a file and returns the SHA-256 of its data part (the second
     * part), read from the file between the part's headers and the closing boundary.
     */
    public String fetchDataPartSha256(String path, Path target) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("X-Api-Key", apiKey);
        HttpResponse<Path> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofFile(target));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("fetch answered " + response.statusCode());
        }
        Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?")
                .matcher(response.headers().firstValue("Content-Type").orElse(""));
        if (!boundary.find()) {
            throw new AssertionError("no boundary in the answer");
        }
        String head;
        try (InputStream in = Files.newInputStream(target)) {
            head = new String(in.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1);
        }
        int dataPart = head.indexOf("--" + boundary.group(1), 1);
        long start = head.indexOf("\r\n\r\n", dataPart) + 4;
        long end = Files.size(target) - ("\r\n--" + boundary.group(1) + "--\r\n").length();
        try (InputStream in = Files.newInputStream(target)) {
            in.skipNBytes(start);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (long left = end - start; left > 0;) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                sha256.update(buffer, 0, n);
                left -= n;
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a body and keeps the answer as bytes, for answers that are MIME messages themselves (synch replies). */
    public Fetched exchange(String path, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .header("X-Api-Key", apiKey).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return fetched(call(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** Posts an SHS message to the receive service as multipart/mixed. */
    public Answer send(Mime message) {
        return post("/shs/rs", "multipart/mixed; boundary=\"" + message.boundary + "\"", message.closed());
    }

    public Answer post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        HttpResponse<String> response = call(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response);
    }

    /**
     * A minimal, complete asynch label from Skatteverket to Försäkringskassan's kontroll mailbox; tests change it
     * with {@link String#replace} to make the variant they need.
     */
    public static String label(String txId) {
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\r\n"
                + "<!DOCTYPE shs.label SYSTEM \"shs.dtd\">\r\n"
                + "<shs.label tx.id=\"" + txId + "\" corr.id=\"korr-" + txId.substring(0, 8) + "\""
                + " sequence-type=\"event\" status=\"production\">\r\n"
                + "<originator>urn:X-shs:2021005448</originator>\r\n"
                + "<from>urn:X-shs:2021005448</from>\r\n"
                + "<to>urn:X-shs:2021005521.kontroll</to>\r\n"
                + "<product>urn:X-shs:" + INKOMSTUPPGIFT + "</product>\r\n"
                + "<subject>Inkomstuppgift</subject>\r\n"
                + "<datetime>2026-12-03T10:15:30</datetime>\r\n"
                + "<content content.id=\"innehall-1\"><data datapartType=\"json\" filename=\"inkomst.json\"/>"
                + "</content>\r\n"
                + "</shs.label>\r\n";
    }

    /** The minimal label, sent from {@code from} (also its originator) to {@code to} with another product type. */
    public static String label(String txId, String from, String to, String productType) {
        return label(txId).replace("<originator>urn:X-shs:2021005448</originator>", "<originator>" + from
                + "</originator>").replace("<from>urn:X-shs:2021005448</from>", "<from>" + from + "</from>")
                .replace("<to>urn:X-shs:2021005521.kontroll</to>", "<to>" + to + "</to>")
                .replace(INKOMSTUPPGIFT, productType);
    }

    /** A MIME multipart being written: parts in order, then closed (or, for a broken client, not). */
    public static final class Mime {
        private final String boundary = "shs-" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        /** The label part, in the charset given (ISO-8859-1 is SHS's own). */
        public Mime label(String label, Charset charset) {
            return part("Content-Type: text/xml; charset=" + charset.name(), label.getBytes(charset));
        }

        /** A data part sent as raw bytes. */
        public Mime data(String contentType, String filename, byte[] body) {
            return part("Content-Type: " + contentType + "\r\nContent-Transfer-Encoding: binary"
                    + "\r\nContent-Disposition: attachment; filename=\"" + filename + "\"", body);
        }

        /** A data part in base64, wrapped at 76 characters as MIME writes it. */
        public Mime base64Data(String contentType, byte[] body) {
            return part("Content-Type: " + contentType + "\r\nContent-Transfer-Encoding: base64",
                    Base64.getMimeEncoder().encode(body));
        }

        /** A part with its header lines as given; header bytes are ISO-8859-1, as old clients write them. */
        public Mime part(String headers, byte[] body) {
            write(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            write(body);
            write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        public String boundary() {
            return boundary;
        }

        /** The message with its closing boundary. */
        public byte[] closed() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return copy.toByteArray();
        }

        /** The message cut off {@code lastBytes} before its end, as a dropped connection leaves it: no closing. */
        public byte[] truncated(int lastBytes) {
            byte[] all = out.toByteArray();
            return Arrays.copyOf(all, all.length - lastBytes);
        }

        private void write(byte[] bytes) {
            out.writeBytes(bytes);
        }
    }
}
