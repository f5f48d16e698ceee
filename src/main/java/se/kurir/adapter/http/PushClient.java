package se.kurir.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import se.kurir.delivery.MessageRecord;

/**
 * Pushes one message as {@code multipart/form-data}: part {@code envelope} (JSON) and part {@code payload}, the same
 * shape a sender posts. The payload is streamed from the store. {@code Kurir-Message-Id} is the idempotency key: a
 * message can be pushed more than once (at least once), and the receiver drops repeats by it.
 */
@Component
class PushClient {

    private final HttpClient http;
    private final PushProperties properties;

    PushClient(PushProperties properties, OutboundHttp http) {
        this.properties = properties;
        this.http = http.client();
    }

    /** Returns the HTTP status; throws {@link PushFailedException} when no answer came. */
    int push(String url, MessageRecord message, String envelopeJson, Supplier<InputStream> payload) {
        String boundary = "kurir-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"envelope\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + envelopeJson + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"payload\"; filename=\"" + message.messageId()
                + "\"\r\nContent-Type: " + message.mediaType() + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(properties.requestTimeout())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Kurir-Message-Id", message.messageId())
                .header("Kurir-Sender", message.sender())
                .header("Kurir-Product", message.product())
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                        .encodeToString(HexFormat.of().parseHex(message.payload().sha256())) + ":")
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofInputStream(payload),
                        HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.US_ASCII)))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new PushFailedException("no answer from " + URI.create(url).getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PushFailedException("interrupted while pushing", e);
        }
    }
}
