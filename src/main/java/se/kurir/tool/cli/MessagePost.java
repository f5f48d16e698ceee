package se.kurir.tool.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code POST /api/v1/messages} as the API takes it: a multipart body of the envelope part, then the payload part,
 * the payload streamed from wherever it comes, never held whole.
 */
final class MessagePost {

    private MessagePost() {
    }

    /**
     * @param envelope the envelope as JSON text (sent as it is, malformed or not)
     * @param payload opens the payload each time the body is sent
     * @param size the payload's length, or -1 when it is not known (standard input): the body is sent chunked
     */
    static HttpRequest request(Connection node, String envelope, String mediaType, Supplier<InputStream> payload,
            long size) {
        String boundary = "kurir-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"envelope\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + envelope + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"payload\"; filename=\"payload\"\r\n"
                + "Content-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest.BodyPublisher streamed = HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                Collections.enumeration(List.of(new ByteArrayInputStream(head), payload.get(),
                        new ByteArrayInputStream(tail)))));
        return node.request("/api/v1/messages").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(size < 0 ? streamed
                        : HttpRequest.BodyPublishers.fromPublisher(streamed, head.length + size + tail.length))
                .build();
    }
}
