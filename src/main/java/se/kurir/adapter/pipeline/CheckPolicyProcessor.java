package se.kurir.adapter.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.delivery.Submission;
import se.kurir.policy.PolicyDecision;
import se.kurir.policy.PolicyEngine;

/**
 * Asks the policy engine about the submission and keeps the decision on the exchange. A message a peer node forwards
 * is judged again here, against this node's agreements, but not held for review a second time: the node that
 * admitted it from its sender held it, and forwarded it only once a reviewer had released it.
 */
@Component
final class CheckPolicyProcessor implements Processor {

    private final PolicyEngine policy;

    CheckPolicyProcessor(PolicyEngine policy) {
        this.policy = policy;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Submission submission = exchange.getIn().getMandatoryBody(Submission.class);
        PolicyDecision decision = policy.decide(submission.sender(), submission.envelope());
        if (submission.forwarded() && decision.outcome() == PolicyDecision.Outcome.REVIEW) {
            decision = PolicyDecision.accept(decision.agreementId());
        }
        exchange.setProperty(KurirHeaders.DECISION, decision);
    }
}
