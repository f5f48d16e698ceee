package se.kurir.privacy;

import java.util.Map;
import java.util.TreeMap;
import se.kurir.audit.AuditEvent;
import se.kurir.audit.AuditEventType;
import se.kurir.registry.PrivacyPlan;

/** The audit record of one application of a privacy step: which step, plan, key and version; never a value. */
final class PrivacyAudit {

    private PrivacyAudit() {
    }

    static AuditEvent event(PrivacyPlan plan, PrivacyContext c, String reason, PrivacyStepResult result,
            Map<String, String> extra) {
        Map<String, String> details = new TreeMap<>(extra);
        details.put("agreement", c.agreementId());
        details.put("step", plan.step());
        details.put("plan", plan.identity());
        if (plan.key() != null) {
            details.put("key", plan.key());
        }
        if (result != null) {
            details.put("keyVersion", Integer.toString(result.keyVersion()));
            result.fieldCounts().forEach((action, count) -> details.put("fields." + action, Long.toString(count)));
        }
        return new AuditEvent(AuditEventType.PRIVACY_APPLIED, "gateway", c.messageId(), c.sender(), c.mailbox(),
                c.product(), reason, c.legalBasis(), details);
    }

}
