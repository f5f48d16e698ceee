package se.kurir.adapter.jms;

import jakarta.jms.JMSException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.kurir.audit.Refusals;
import se.kurir.delivery.DeliveryException;
import se.kurir.envelope.InvalidEnvelopeException;
import se.kurir.payload.PayloadMediaType;
import se.kurir.payload.PayloadTooLargeException;
import se.kurir.policy.RejectionCode;
import se.kurir.problem.ProblemCode;
import se.kurir.subscription.SubscriptionException;

/**
 * A submission that cannot become a message gets a refusal notice on the sender's {@code kurir.in.<orgnr>.refused}
 * queue: the stable code, the detail naming the field, the original JMS message id and envelope. Metadata only; the
 * payload was never accepted, and the sender, who still has it, is told instead of the message vanishing.
 */
@Component
class RefuseSubmissionProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(RefuseSubmissionProcessor.class);

    private final Refusals refusals;

    RefuseSubmissionProcessor(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public void process(Exchange exchange) throws JMSException {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        var original = exchange.getIn(JmsMessage.class).getJmsMessage();
        String sender = exchange.getIn().getHeader(ReadBrokerSubmissionProcessor.SENDER, String.class);
        var notice = new DefaultMessage(exchange);
        notice.setBody("");
        notice.setHeader(BrokerSubmission.REFUSAL_CODE, code(cause).name());
        notice.setHeader(BrokerSubmission.REFUSAL_DETAIL, detail(cause));
        notice.setHeader(BrokerSubmission.ORIGINAL_JMS_MESSAGE_ID, original.getJMSMessageID());
        String envelope = original.getStringProperty(BrokerSubmission.ENVELOPE);
        if (envelope != null) {
            notice.setHeader(BrokerSubmission.ENVELOPE, envelope);
        }
        exchange.setMessage(notice);
        refusals.record(sender, "BROKER", code(cause).name(), field(cause),
                exchange.getFromEndpoint().getEndpointBaseUri());
        log.warn(BrokerLogCode.SUBMISSION_REFUSED + " broker submission {} from {} refused: {}",
                original.getJMSMessageID(), sender, code(cause));
    }

    private static ProblemCode code(Exception cause) {
        if (cause instanceof BrokerSubmissionException e) {
            return e.code();
        }
        if (cause instanceof InvalidEnvelopeException e) {
            return e.code();
        }
        if (cause instanceof DeliveryException e) {
            return e.code();
        }
        if (cause instanceof SubscriptionException e) {
            return e.code();
        }
        if (cause instanceof PayloadMediaType.InvalidMediaTypeException) {
            return PayloadMediaType.InvalidMediaTypeException.CODE;
        }
        return cause instanceof PayloadTooLargeException ? RejectionCode.PAYLOAD_TOO_LARGE
                : BrokerProblem.SUBMISSION_FAILED;
    }

    private static String field(Exception cause) {
        String detail = detail(cause);
        int colon = detail == null ? -1 : detail.indexOf(':');
        return colon > 0 && colon <= 100 && detail.substring(0, colon).indexOf(' ') < 0 ? detail.substring(0, colon)
                : null;
    }

    private static String detail(Exception cause) {
        if (cause instanceof InvalidEnvelopeException e) {
            var first = e.violations().get(0);
            return first.field() + ": " + first.message();
        }
        return cause instanceof PayloadTooLargeException ? "payload: " + cause.getMessage() : cause.getMessage();
    }
}
