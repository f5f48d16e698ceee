package se.kurir.adapter.pipeline;

import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.crypto.CmsSealer;
import se.kurir.crypto.PayloadSealing;
import se.kurir.crypto.SealingContext;
import se.kurir.crypto.SealingRefusedException;
import se.kurir.delivery.MessageIntake;
import se.kurir.delivery.Submission;
import se.kurir.payload.StoredPayload;
import se.kurir.policy.PolicyDecision;
import se.kurir.policy.RejectionCode;
import se.kurir.registry.Agreement;
import se.kurir.registry.PayloadProtection;
import se.kurir.registry.Registry;

/**
 * Applies the protection the agreement demands, after the policy has named the agreement and before anything is
 * queued: a payload the sender sealed ({@code application/cms}) is checked; a plaintext one is sealed here when the
 * agreement lets the gateway seal, and its plaintext leaves the store; otherwise the message is rejected.
 */
@Component
final class ProtectPayloadProcessor implements Processor {

    private final Registry registry;
    private final PayloadSealing sealing;
    private final MessageIntake intake;

    ProtectPayloadProcessor(Registry registry, PayloadSealing sealing, MessageIntake intake) {
        this.registry = registry;
        this.sealing = sealing;
        this.intake = intake;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        PolicyDecision decision = exchange.getProperty(KurirHeaders.DECISION, PolicyDecision.class);
        Optional<PayloadProtection> protection = decision.isRejected() ? Optional.empty()
                : registry.agreement(decision.agreementId()).flatMap(Agreement::payloadProtection);
        if (protection.isEmpty()) {
            return;
        }
        Submission submission = exchange.getIn().getMandatoryBody(Submission.class);
        var context = new SealingContext(submission.messageId(), submission.sender(),
                submission.envelope().recipient(), submission.envelope().product(),
                submission.envelope().legalBasis().summary(), decision.agreementId());
        var profile = protection.get().profile();
        try {
            if (isSealed(submission.mediaType())) {
                sealing.verify(context, profile, submission.payload());
            } else if (protection.get().sealedBy() == PayloadProtection.SealedBy.SENDER) {
                throw new SealingRefusedException(RejectionCode.PAYLOAD_NOT_SEALED,
                        "payload: agreement " + decision.agreementId() + " wants it sealed by the sender");
            } else {
                StoredPayload sealed = sealing.seal(context, profile, submission.payload());
                exchange.getIn().setBody(submission.sealedAs(sealed, CmsSealer.MEDIA_TYPE));
                HeldPayloads.replace(exchange, submission.payload(), sealed, intake);
            }
        } catch (SealingRefusedException e) {
            exchange.setProperty(KurirHeaders.DECISION, PolicyDecision.reject(e.code(), decision.agreementId()));
        }
    }

    static boolean isSealed(String mediaType) {
        try {
            MediaType type = MediaType.parseMediaType(mediaType);
            return type.getType().equals("application") && type.getSubtype().equals("cms");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
