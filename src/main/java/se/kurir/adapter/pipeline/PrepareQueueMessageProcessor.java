package se.kurir.adapter.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsConstants;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.delivery.IntakeResult;
import se.kurir.delivery.MessageRecord;

/**
 * Turns an admitted message into its broker form: the envelope as JSON (the claim check; the payload stays in the
 * store), Kurir headers for selection, and the mailbox's queue as destination.
 */
@Component
final class PrepareQueueMessageProcessor implements Processor {

    private final ObjectMapper json;
    private final PipelineProperties properties;

    PrepareQueueMessageProcessor(ObjectMapper json, PipelineProperties properties) {
        this.json = json;
        this.properties = properties;
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
        in.setBody(json.writeValueAsString(m.envelope()));
    }
}
