package se.kurir.adapter.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.delivery.Submission;
import se.kurir.policy.PolicyEngine;

/** Asks the policy engine about the submission and keeps the decision on the exchange. */
@Component
final class CheckPolicyProcessor implements Processor {

    private final PolicyEngine policy;

    CheckPolicyProcessor(PolicyEngine policy) {
        this.policy = policy;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Submission submission = exchange.getIn().getMandatoryBody(Submission.class);
        exchange.setProperty(KurirHeaders.DECISION, policy.decide(submission.sender(), submission.envelope()));
    }
}
