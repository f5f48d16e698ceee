package se.kurir.adapter.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.delivery.MailboxDelivery;

/** Delivers the queued message into its mailbox; a repeated hand-over of the same message is a no-op. */
@Component
final class DeliverToMailboxProcessor implements Processor {

    private final MailboxDelivery delivery;

    DeliverToMailboxProcessor(MailboxDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String messageId = exchange.getIn().getHeader(KurirHeaders.MESSAGE_ID, String.class);
        if (messageId == null) {
            throw new IllegalArgumentException("Queue message without " + KurirHeaders.MESSAGE_ID + " header");
        }
        delivery.deliver(messageId, exchange.getIn().getHeader("JMSMessageID", String.class));
    }
}
