package se.kurir.adapter.jms;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.BytesMessage;
import java.io.InputStream;
import org.apache.camel.Exchange;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.adapter.pipeline.MailboxChannel;
import se.kurir.delivery.MailboxDelivery;
import se.kurir.delivery.MessageRecord;
import se.kurir.payload.PayloadStore;
import se.kurir.registry.DeliveryChannel;
import se.kurir.security.BrokerAccess;

/**
 * Leaves the queued message on its mailbox's outbox queue, {@code kurir.out.<mailbox>}, for the owner's system to
 * read over JMS or AMQP: the payload as the bytes body, streamed from the store as an Artemis large message, and the
 * envelope and ids as properties. Once: the delivery is claimed (recorded) before the copy is sent in the same
 * broker transaction as the hand-over, and a hand-over that comes again after its transaction failed sends it again.
 */
@Component
final class SendToOutboxProcessor implements MailboxChannel {

    /** Artemis streams a large message from this stream instead of holding the body in memory. */
    private static final String STREAMED_BODY = "JMS_AMQ_InputStream";

    private final MailboxDelivery delivery;
    private final PayloadStore payloads;
    private final JmsTemplate jms;
    private final ObjectMapper json;

    SendToOutboxProcessor(MailboxDelivery delivery, PayloadStore payloads, JmsTemplate jms, ObjectMapper json) {
        this.delivery = delivery;
        this.payloads = payloads;
        this.jms = jms;
        this.json = json;
    }

    @Override
    public String kind() {
        return DeliveryChannel.BrokerOutbox.KIND;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        var waiting = delivery.claimForTransactedDelivery(exchange.getIn().getHeader(KurirHeaders.MESSAGE_ID,
                String.class), exchange.getIn().getHeader("JMSMessageID", String.class));
        if (waiting.isEmpty()) {
            return;
        }
        MessageRecord message = waiting.get();
        String envelope = json.writeValueAsString(message.envelope());
        try (InputStream payload = payloads.open(message.payload().sha256())) {
            jms.send(BrokerAccess.OUTBOX_PREFIX + message.recipient(), session -> {
                BytesMessage out = session.createBytesMessage();
                out.setStringProperty(BrokerSubmission.MESSAGE_ID, message.messageId());
                out.setStringProperty(BrokerSubmission.SENDER, message.sender());
                out.setStringProperty(BrokerSubmission.PRODUCT, message.product());
                out.setStringProperty(BrokerSubmission.SHA256, message.payload().sha256());
                out.setStringProperty(BrokerSubmission.MEDIA_TYPE, message.mediaType());
                out.setStringProperty(BrokerSubmission.ENVELOPE, envelope);
                out.setObjectProperty(STREAMED_BODY, payload);
                return out;
            });
        }
    }
}
