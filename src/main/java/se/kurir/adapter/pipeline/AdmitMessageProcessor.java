package se.kurir.adapter.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.delivery.MessageIntake;
import se.kurir.delivery.Submission;
import se.kurir.policy.PolicyDecision;

/** Records the decision (audit, state, receipt); the body becomes the answer for the sender. */
@Component
final class AdmitMessageProcessor implements Processor {

    private final MessageIntake intake;
    private final MeterRegistry meters;

    AdmitMessageProcessor(MessageIntake intake, MeterRegistry meters) {
        this.intake = intake;
        this.meters = meters;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Submission submission = exchange.getIn().getMandatoryBody(Submission.class);
        PolicyDecision decision = exchange.getProperty(KurirHeaders.DECISION, PolicyDecision.class);
        exchange.getIn().setBody(intake.admit(submission, decision));
        meters.counter("kurir.decisions", "outcome", decision.outcome().name(),
                "reason", decision.reason() == null ? "none" : decision.reason().name()).increment();
    }
}
