package se.kurir.adapter.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.delivery.Submission;
import se.kurir.policy.PolicyDecision;
import se.kurir.policy.RejectionCode;

/**
 * Refuses a payload that is not the one its envelope declares (a file cut short or altered on the way), before the
 * policy is asked: the message is admitted as REJECTED, audited with both digests, and never delivered.
 */
@Component
final class VerifyPayloadProcessor implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        Submission submission = exchange.getIn().getMandatoryBody(Submission.class);
        if (submission.envelope().contradicts(submission.payload().sha256(), submission.payload().size())) {
            exchange.setProperty(KurirHeaders.DECISION,
                    PolicyDecision.reject(RejectionCode.PAYLOAD_DIGEST_MISMATCH, null));
        }
    }
}
