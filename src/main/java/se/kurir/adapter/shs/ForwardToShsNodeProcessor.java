package se.kurir.adapter.shs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.adapter.pipeline.FailedAttempt;
import se.kurir.adapter.pipeline.MailboxChannel;
import se.kurir.delivery.DeadLetters;
import se.kurir.delivery.MailboxDelivery;
import se.kurir.delivery.MessageRecord;
import se.kurir.payload.PayloadStore;
import se.kurir.registry.DeliveryChannel;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Registry;
import se.kurir.security.OutboundTls;

/**
 * The delivery channel of kind {@code shs}: a mailbox served by another SHS node (an agency's own SHS broker, or a
 * hub not yet replaced) gets each message posted to that node's receive service as an SHS client would send it,
 * the label written back from the envelope and the data parts streamed from the store. The registry entry is
 * {@code delivery: {kind: shs, url: https://<node>/shs/rs}}; the gateway authenticates with its client certificate
 * ({@code kurir.outbound-tls}) and verifies the node's. The node's 202 (a first or a repeated transfer: the tx.id
 * is the message id, so a retry is its duplicate) lets the delivery be recorded; anything else is counted on the
 * message and thrown, so the broker retries with back-off and finally dead-letters, which the sender learns as an
 * SHS error message.
 */
@Component
final class ForwardToShsNodeProcessor implements MailboxChannel {

    static final String KIND = "shs";

    private final MailboxDelivery delivery;
    private final DeadLetters deadLetters;
    private final Registry registry;
    private final PayloadStore payloads;
    private final ShsMessageFraming framing;
    private final ShsProperties properties;
    private final HttpClient http;

    ForwardToShsNodeProcessor(MailboxDelivery delivery, DeadLetters deadLetters, Registry registry,
            PayloadStore payloads, ShsMessageFraming framing, ShsProperties properties, OutboundTls tls) {
        this.delivery = delivery;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.payloads = payloads;
        this.framing = framing;
        this.properties = properties;
        this.http = tls.httpClient(properties.forwardConnectTimeout()).build();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void check(Mailbox mailbox) {
        MailboxChannel.settings(mailbox).only("url");
        MailboxChannel.settings(mailbox).httpUrl("url");
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String messageId = exchange.getIn().getHeader(KurirHeaders.MESSAGE_ID, String.class);
        var waiting = delivery.startingAttempt(messageId);
        if (waiting.isEmpty()) {
            return;
        }
        MessageRecord message = waiting.get();
        DeliveryChannel channel = registry.mailbox(message.recipient()).orElseThrow().delivery();
        URI node = URI.create(channel.settings().get("url"));
        ShsMimeWriter.Framing frame = framing.of(message);
        HttpRequest request = HttpRequest.newBuilder(node).timeout(properties.forwardTimeout())
                .header("Content-Type", frame.contentType())
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(frame.head()),
                        HttpRequest.BodyPublishers.ofInputStream(() -> payloads.open(message.payload().sha256())),
                        HttpRequest.BodyPublishers.ofByteArray(frame.tail())))
                .build();
        HttpResponse<Void> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw failed(messageId, "no answer from the SHS node " + node.getHost() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(messageId, "interrupted while forwarding to " + node.getHost());
        }
        if (answer.statusCode() != 202 && answer.statusCode() != 200) {
            throw failed(messageId, "the SHS node " + node.getHost() + " answered HTTP " + answer.statusCode()
                    + answer.headers().firstValue(ShsHeaders.ERROR_CODE).map(code -> " (" + code + ")").orElse(""));
        }
    }

    private FailedAttempt failed(String messageId, String error) {
        return FailedAttempt.recorded(deadLetters, messageId, error);
    }
}
