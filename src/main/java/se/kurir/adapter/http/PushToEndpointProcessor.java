package se.kurir.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.adapter.pipeline.MailboxChannel;
import se.kurir.delivery.DeadLetters;
import se.kurir.delivery.MailboxDelivery;
import se.kurir.delivery.MessageRecord;
import se.kurir.payload.PayloadStore;
import se.kurir.registry.DeliveryChannel;
import se.kurir.registry.Registry;

/**
 * One push attempt for the queued message. A 2xx lets the route go on and record the delivery; anything else is
 * counted on the message and thrown, so the broker transaction rolls back and the broker retries later.
 */
@Component
final class PushToEndpointProcessor implements MailboxChannel {

    private final MailboxDelivery delivery;
    private final DeadLetters deadLetters;
    private final Registry registry;
    private final PayloadStore payloads;
    private final PushClient client;
    private final ObjectMapper json;

    PushToEndpointProcessor(MailboxDelivery delivery, DeadLetters deadLetters, Registry registry,
            PayloadStore payloads, PushClient client, ObjectMapper json) {
        this.delivery = delivery;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.payloads = payloads;
        this.client = client;
        this.json = json;
    }

    @Override
    public String kind() {
        return DeliveryChannel.Push.KIND;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String messageId = exchange.getIn().getHeader(KurirHeaders.MESSAGE_ID, String.class);
        var waiting = delivery.startingAttempt(messageId);
        if (waiting.isEmpty()) {
            return;
        }
        MessageRecord message = waiting.get();
        String url = registry.mailbox(message.recipient()).orElseThrow().pushUrl();
        int status;
        try {
            status = client.push(url, message, json.writeValueAsString(message.envelope()),
                    () -> payloads.open(message.payload().sha256()));
        } catch (PushFailedException e) {
            deadLetters.attemptFailed(messageId, e.getMessage());
            throw e;
        }
        if (status / 100 != 2) {
            String error = "endpoint answered HTTP " + status;
            deadLetters.attemptFailed(messageId, error);
            throw new PushFailedException(error, null);
        }
    }
}
