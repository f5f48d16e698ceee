package se.kurir.adapter.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;
import org.springframework.stereotype.Component;
import se.kurir.envelope.JsonEnvelopeReader;
import se.kurir.subscription.EventFeed;
import se.kurir.subscription.EventPublication;
import se.kurir.subscription.SubscriptionProblem;
import se.kurir.subscription.SubscriptionProperties;

/**
 * Publishes an event that came over the broker: the body is the same JSON document as a REST publication
 * ({@code xsd/event.schema.json}), as text or bytes, and the {@code kurirProduct} property names the feed. The
 * publisher is the participant whose publish address it came from, which only that participant may send to.
 */
@Component
class PublishEventProcessor implements Processor {

    private final JsonEnvelopeReader reader;
    private final EventFeed feed;
    private final long limit;

    PublishEventProcessor(JsonEnvelopeReader reader, EventFeed feed, SubscriptionProperties properties) {
        this.reader = reader;
        this.feed = feed;
        this.limit = properties.maxEventDocument();
    }

    @Override
    public void process(Exchange exchange) throws JMSException {
        String publisher = exchange.getIn().getHeader(ReadBrokerSubmissionProcessor.SENDER, String.class);
        Message jms = exchange.getIn(JmsMessage.class).getJmsMessage();
        String product = jms.getStringProperty(BrokerSubmission.PRODUCT);
        if (product == null) {
            throw new BrokerSubmissionException(BrokerProblem.PRODUCT_MISSING, BrokerSubmission.PRODUCT
                    + ": the property is required (the product whose feed the event is for)");
        }
        // Without a client id, one derived from the broker's message id: a redelivery after a crash is a duplicate.
        String idIfAbsent = UUID.nameUUIDFromBytes(("broker-event:" + publisher + ":" + jms.getJMSMessageID())
                .getBytes(StandardCharsets.UTF_8)).toString();
        var published = feed.publish(EventPublication.of(publisher, product, reader.readEvent(body(jms)),
                idIfAbsent));
        exchange.getIn().setHeader(BrokerSubmission.SEQUENCE, published.sequence());
    }

    private byte[] body(Message jms) throws JMSException {
        if (jms instanceof TextMessage text && text.getText() != null) {
            byte[] bytes = text.getText().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > limit) {
                throw tooLarge();
            }
            return bytes;
        }
        if (jms instanceof BytesMessage bytes) {
            if (bytes.getBodyLength() > limit) {
                throw tooLarge();
            }
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            return body;
        }
        throw new BrokerSubmissionException(BrokerProblem.BODY_INVALID, "body: send the event as JSON text or bytes");
    }

    private BrokerSubmissionException tooLarge() {
        return new BrokerSubmissionException(SubscriptionProblem.EVENT_TOO_LARGE, "body: the event is larger than "
                + limit + " bytes");
    }
}
