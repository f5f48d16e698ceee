package se.kurir.adapter.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.DeliveryMode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsConstants;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.delivery.IntakeResult;
import se.kurir.delivery.MessageRecord;
import se.kurir.registry.Priority;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;

/**
 * Turns an admitted message into its broker form: the envelope as JSON (the claim check; the payload stays in the
 * store), Kurir headers for selection, the mailbox's queue as destination, and the product's priority class as its
 * JMS priority, so a backlog gives crisis traffic out first.
 */
@Component
final class PrepareQueueMessageProcessor implements Processor {

    private final ObjectMapper json;
    private final PipelineProperties properties;
    private final Registry registry;

    PrepareQueueMessageProcessor(ObjectMapper json, PipelineProperties properties, Registry registry) {
        this.json = json;
        this.properties = properties;
        this.registry = registry;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        MessageRecord m = in.getBody() instanceof IntakeResult result ? result.message()
                : in.getMandatoryBody(MessageRecord.class);
        in.getHeaders().clear();
        in.setHeader(KurirHeaders.MESSAGE_ID, m.messageId());
        in.setHeader(KurirHeaders.SENDER, m.sender());
        in.setHeader(KurirHeaders.RECIPIENT, m.recipient());
        in.setHeader(KurirHeaders.PRODUCT, m.product());
        in.setHeader(KurirHeaders.PAYLOAD_SHA256, m.payload().sha256());
        if (m.envelope().correlationId() != null) {
            in.setHeader(KurirHeaders.CORRELATION_ID, m.envelope().correlationId());
        }
        in.setHeader(JmsConstants.JMS_DESTINATION_NAME, properties.queuePrefix() + m.recipient());
        in.setHeader(JmsConstants.JMS_HEADER_PRIORITY, registry.product(m.product()).map(Product::priority)
                .orElse(Priority.NORMAL).jmsPriority());
        in.setHeader(JmsConstants.JMS_HEADER_DELIVERY_MODE, DeliveryMode.PERSISTENT);
        in.setBody(json.writeValueAsString(m.envelope()));
    }
}
