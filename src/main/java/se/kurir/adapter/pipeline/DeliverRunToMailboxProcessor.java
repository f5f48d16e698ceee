package se.kurir.adapter.pipeline;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.delivery.MailboxDelivery;
import se.kurir.delivery.MailboxDelivery.QueuedCopy;

/**
 * Delivers into a pull mailbox the queued message and those queued behind it, up to {@code kurir.pipeline.mailbox-run},
 * all received in the listener session's one broker transaction: one broker commit and, mostly, one database commit
 * for the run instead of one of each per message. A pull mailbox carries nothing, so only the records can fail; a run
 * that fails rolls back whole and the broker redelivers its messages, and a redelivered message starts no run, so a
 * message that keeps failing costs its neighbours one attempt, not all of theirs.
 */
@Component
final class DeliverRunToMailboxProcessor implements Processor {

    private final MailboxDelivery delivery;
    private final int maxRun;
    private final DistributionSummary runs;

    DeliverRunToMailboxProcessor(MailboxDelivery delivery, PipelineProperties properties, MeterRegistry meters) {
        this.delivery = delivery;
        this.maxRun = properties.mailboxRun();
        this.runs = DistributionSummary.builder("kurir.delivery.run").baseUnit("messages")
                .description("Messages delivered into a pull mailbox per broker transaction").register(meters);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        JmsMessage in = exchange.getIn(JmsMessage.class);
        Message first = in.getJmsMessage();
        List<QueuedCopy> run = new ArrayList<>(List.of(copyOf(first)));
        Session session = in.getJmsSession();
        if (maxRun > 1 && session != null && !first.getJMSRedelivered()) {
            // Same session, so what this consumer receives joins the transaction the listener commits.
            try (MessageConsumer behind = session.createConsumer(first.getJMSDestination())) {
                for (Message next; run.size() < maxRun && (next = behind.receiveNoWait()) != null;) {
                    run.add(copyOf(next));
                    if (next.getJMSRedelivered()) {
                        break; // it failed before: let it spoil no longer run
                    }
                }
            }
        }
        delivery.deliverAll(run);
        runs.record(run.size());
    }

    private static QueuedCopy copyOf(Message message) throws JMSException {
        String messageId = message.getStringProperty(KurirHeaders.MESSAGE_ID);
        if (messageId == null) {
            throw new IllegalArgumentException("Queue message without " + KurirHeaders.MESSAGE_ID + " header");
        }
        return new QueuedCopy(messageId, message.getJMSMessageID());
    }
}
