package se.kurir.adapter.jms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import java.util.concurrent.CompletableFuture;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import se.kurir.security.BrokerAccess;
import se.kurir.subscription.DeliveryMode;
import se.kurir.subscription.FeedItem;
import se.kurir.subscription.FeedPage;
import se.kurir.subscription.Subscription;
import se.kurir.subscription.delivery.EventSink;

/**
 * Sends a run of events to the subscription's durable queue, {@code kurir.feed.<consumer>.<id>}, in one broker
 * transaction: one text message (the event as JSON) per event. At least once: a run sent again after a crash (or on
 * purpose, by a replay) is queued again, and the subscriber drops repeats by {@code kurirIdempotencyKey}.
 */
@Component
class FeedQueueSink implements EventSink {

    static final String IDEMPOTENCY_KEY = "kurirIdempotencyKey";
    static final String SEQUENCE = "kurirSequence";
    static final String EVENT_TYPE = "kurirEventType";
    static final String SUBSCRIPTION = "kurirSubscription";

    private final JmsTemplate jms;
    private final ObjectMapper json;

    FeedQueueSink(ConnectionFactory connectionFactory, ObjectMapper json) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.json = json;
    }

    @Override
    public DeliveryMode mode() {
        return DeliveryMode.JMS;
    }

    @Override
    public CompletableFuture<Void> deliver(Subscription subscription, FeedPage page) {
        try {
            jms.execute(session -> {
                try (MessageProducer producer = session.createProducer(session.createQueue(
                        BrokerAccess.feedQueue(subscription)))) {
                    for (FeedItem event : page.events()) {
                        TextMessage message = session.createTextMessage(json.writeValueAsString(event));
                        message.setStringProperty(IDEMPOTENCY_KEY, event.idempotencyKey());
                        message.setLongProperty(SEQUENCE, event.sequence());
                        message.setStringProperty(EVENT_TYPE, event.eventType());
                        message.setStringProperty(SUBSCRIPTION, subscription.id());
                        producer.send(message);
                    }
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                session.commit();
                return null;
            }, true);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
