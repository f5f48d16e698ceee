package se.kurir.adapter.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.delivery.DeadLetters;

/**
 * Records a message the broker dead-lettered. One it cannot record (no message id, unknown to the database) is
 * marked on the exchange, and the route keeps it in a queue of its own for a person to look at.
 */
@Component
final class RecordDeadLetterProcessor implements Processor {

    static final String UNRECORDED = "kurirUnrecorded";

    private final DeadLetters deadLetters;

    RecordDeadLetterProcessor(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void process(Exchange exchange) {
        String messageId = exchange.getIn().getHeader(KurirHeaders.MESSAGE_ID, String.class);
        exchange.setProperty(UNRECORDED, messageId == null || !deadLetters.record(messageId));
    }
}
