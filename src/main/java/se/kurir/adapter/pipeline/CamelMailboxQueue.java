package se.kurir.adapter.pipeline;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import se.kurir.delivery.MailboxQueue;
import se.kurir.delivery.MessageRecord;

/** The domain's port to the mailbox queues, through the same enqueue route the ingress uses. */
@Component
final class CamelMailboxQueue implements MailboxQueue {

    private final ProducerTemplate producer;

    CamelMailboxQueue(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void enqueue(MessageRecord message) {
        producer.requestBody(IngressRoutes.ENQUEUE, message);
    }
}
