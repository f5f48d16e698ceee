package se.kurir.adapter.peer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import se.kurir.delivery.MessageRecord;
import se.kurir.delivery.PeerReceipts;
import se.kurir.envelope.Envelope;
import se.kurir.payload.PayloadStore;
import se.kurir.registry.PeerNode;

/**
 * This node's side of the node-to-node API: a message forwarded as a multipart body (the {@code forwarded} part,
 * then the {@code payload} part streamed from the payload store, never held whole), and receipts relayed as JSON.
 * Every call presents this node's client certificate ({@link FederationTls}).
 */
@Component
final class PeerLink {

    static final String MESSAGES = "/federation/v1/messages";
    static final String RECEIPTS = "/federation/v1/receipts";
    /** Names the calling node, for the peer's logs; the certificate is what authenticates it. */
    static final String NODE_HEADER = "Kurir-Node";

    /** What a peer is told of a message besides its payload: the envelope as this node admitted it. */
    record Forwarded(String sender, String mediaType, Envelope envelope) {
    }

    /** A peer's answer to one forward. */
    record Answer(int status, String body) {

        boolean taken() {
            return status / 100 == 2;
        }

        /** The peer cannot take it now (down, overloaded, its own store failing); it may later. */
        boolean unavailable() {
            return status >= 500 || status == 408 || status == 429;
        }
    }

    private final FederationProperties properties;
    private final PayloadStore payloads;
    private final ObjectMapper json;
    private final HttpClient http;

    PeerLink(FederationProperties properties, PayloadStore payloads, ObjectMapper json) {
        this.properties = properties;
        this.payloads = payloads;
        this.json = json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        this.http = properties.enabled() ? FederationTls.client(properties.tls(), Duration.ofSeconds(5)) : null;
    }

    /** @throws IOException when the peer cannot be reached or the stream breaks: it is unavailable */
    Answer forward(PeerNode peer, MessageRecord message) throws IOException, InterruptedException {
        String boundary = "kurir-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"forwarded\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + write(new Forwarded(message.sender(), message.mediaType(), message.envelope()))
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"payload\"; filename=\"payload\"\r\n"
                + "Content-Type: " + message.mediaType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        String sha256 = message.payload().sha256();
        var body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                () -> new SequenceInputStream(Collections.enumeration(List.<InputStream>of(
                        new ByteArrayInputStream(head), payloads.open(sha256), new ByteArrayInputStream(tail))))),
                head.length + message.payload().size() + tail.length);
        HttpResponse<String> answer = http.send(request(peer, MESSAGES)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(answer.statusCode(), answer.body());
    }

    /** @throws PeerUnavailable unless the peer took them all */
    void relay(PeerNode peer, List<PeerReceipts.Relayed> receipts) {
        try {
            HttpResponse<String> answer = http.send(request(peer, RECEIPTS)
                    .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                    .POST(HttpRequest.BodyPublishers.ofString(write(receipts))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new PeerUnavailable(peer, "receipts answered " + answer.statusCode());
            }
        } catch (IOException e) {
            throw new PeerUnavailable(peer, "receipts: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailable(peer, "receipts: interrupted");
        }
    }

    private HttpRequest.Builder request(PeerNode peer, String path) {
        return HttpRequest.newBuilder(URI.create(peer.url() + path)).timeout(properties.requestTimeout())
                .header(NODE_HEADER, properties.nodeId());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
