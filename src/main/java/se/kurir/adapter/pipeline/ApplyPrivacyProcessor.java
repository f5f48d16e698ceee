package se.kurir.adapter.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.delivery.MessageIntake;
import se.kurir.delivery.Submission;
import se.kurir.envelope.Envelope;
import se.kurir.policy.PolicyDecision;
import se.kurir.policy.RejectionCode;
import se.kurir.privacy.PayloadPrivacy;
import se.kurir.privacy.PrivacyContext;
import se.kurir.privacy.PrivacyInputException;
import se.kurir.registry.PrivacyPlan;
import se.kurir.registry.Registry;

/**
 * Runs the privacy step the agreement demands for this recipient, after the policy has named the agreement and
 * before the payload is sealed or queued: every ingress passes here, so no channel skips it. A payload the sender
 * sealed end to end cannot be transformed, so under such an agreement it is rejected; so is a payload that does not
 * fit the plan. The original payload leaves the store once the transformed one replaces it. A message a peer node
 * forwards was transformed there, where the keys are: it passes when its envelope records the same plan, and is
 * rejected when it does not.
 */
@Component
final class ApplyPrivacyProcessor implements Processor {

    private final Registry registry;
    private final PayloadPrivacy privacy;
    private final MessageIntake intake;

    ApplyPrivacyProcessor(Registry registry, PayloadPrivacy privacy, MessageIntake intake) {
        this.registry = registry;
        this.privacy = privacy;
        this.intake = intake;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        PolicyDecision decision = exchange.getProperty(KurirHeaders.DECISION, PolicyDecision.class);
        Submission submission = exchange.getIn().getMandatoryBody(Submission.class);
        Envelope envelope = submission.envelope();
        Optional<PrivacyPlan> plan = decision.isRejected() ? Optional.empty()
                : registry.agreement(decision.agreementId())
                        .flatMap(a -> a.privacyFor(envelope.recipientParticipant()));
        if (plan.isEmpty()) {
            return;
        }
        if (submission.forwarded()) {
            if (!plan.get().identity().equals(envelope.metadata().get(PayloadPrivacy.PLAN_METADATA))) {
                exchange.setProperty(KurirHeaders.DECISION,
                        PolicyDecision.reject(RejectionCode.PRIVACY_STEP_NOT_APPLICABLE, decision.agreementId()));
            }
            return;
        }
        if (ProtectPayloadProcessor.isSealed(submission.mediaType())) {
            exchange.setProperty(KurirHeaders.DECISION,
                    PolicyDecision.reject(RejectionCode.PRIVACY_STEP_NOT_APPLICABLE, decision.agreementId()));
            return;
        }
        var context = new PrivacyContext(submission.messageId(), submission.sender(),
                envelope.recipientParticipant(), envelope.recipient(), envelope.product(), decision.agreementId(),
                envelope.legalBasis().purpose(), envelope.legalBasis().summary(), submission.mediaType());
        try {
            PayloadPrivacy.Applied applied = privacy.apply(plan.get(), context, submission.payload());
            Map<String, String> record = new LinkedHashMap<>();
            record.put(PayloadPrivacy.STEP_METADATA, plan.get().step());
            record.put(PayloadPrivacy.PLAN_METADATA, plan.get().identity());
            if (applied.result().keyVersion() > 0) {
                record.put(PayloadPrivacy.KEY_METADATA, plan.get().key());
                record.put(PayloadPrivacy.KEY_VERSION_METADATA, Integer.toString(applied.result().keyVersion()));
            }
            exchange.getIn().setBody(submission.transformedAs(applied.payload(), record));
            HeldPayloads.replace(exchange, submission.payload(), applied.payload(), intake);
        } catch (PrivacyInputException e) {
            exchange.setProperty(KurirHeaders.DECISION,
                    PolicyDecision.reject(RejectionCode.PRIVACY_INPUT_INVALID, decision.agreementId()));
        }
    }
}
