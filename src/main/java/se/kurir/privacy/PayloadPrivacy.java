package se.kurir.privacy;

import java.io.InputStream;
import java.util.Map;
import org.springframework.stereotype.Service;
import se.kurir.audit.AuditLog;
import se.kurir.payload.PayloadStore;
import se.kurir.payload.StoredPayload;
import se.kurir.policy.RejectionCode;
import se.kurir.registry.PrivacyPlan;

/**
 * Runs the privacy step an agreement demands and audits each application: which step, which plan (by its identity
 * digest), which key and key version, how many fields per action; never a value. What the step writes replaces the
 * payload; the caller discards the original unless a message still names it.
 */
@Service
public class PayloadPrivacy {

    /** Envelope metadata the gateway sets on a transformed message, so the recipient knows what it holds. */
    public static final String STEP_METADATA = "kurir.privacy.step";
    public static final String PLAN_METADATA = "kurir.privacy.plan";
    public static final String KEY_METADATA = "kurir.privacy.key";
    public static final String KEY_VERSION_METADATA = "kurir.privacy.keyVersion";

    private final PrivacySteps steps;
    private final PayloadStore store;
    private final AuditLog audit;

    PayloadPrivacy(PrivacySteps steps, PayloadStore store, AuditLog audit) {
        this.steps = steps;
        this.store = store;
        this.audit = audit;
    }

    /**
     * Transforms a stored payload into a new stored payload, streaming.
     *
     * @throws PrivacyInputException when the payload does not fit the plan (audited before it is thrown)
     */
    public Applied apply(PrivacyPlan plan, PrivacyContext context, StoredPayload payload) {
        PrivacyStep step = steps.named(plan.step());
        PrivacyStepResult[] result = new PrivacyStepResult[1];
        try {
            StoredPayload transformed = store.write(out -> {
                try (InputStream in = store.open(payload.sha256())) {
                    result[0] = step.apply(plan, context, in, out);
                }
            });
            audit.append(PrivacyAudit.event(plan, context, null, result[0], Map.of("sha256", transformed.sha256(),
                    "size", Long.toString(transformed.size()), "inputSize", Long.toString(payload.size()))));
            return new Applied(transformed, result[0]);
        } catch (PrivacyInputException e) {
            audit.append(PrivacyAudit.event(plan, context, RejectionCode.PRIVACY_INPUT_INVALID.name(), null,
                    Map.of("error", e.getMessage())));
            throw e;
        }
    }

    /** The payload the recipient will get, and what the step reports about making it. */
    public record Applied(StoredPayload payload, PrivacyStepResult result) {
    }
}
