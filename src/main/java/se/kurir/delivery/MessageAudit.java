package se.kurir.delivery;

import java.util.Map;
import se.kurir.audit.AuditEvent;
import se.kurir.audit.AuditEventType;
import se.kurir.envelope.LegalBasis;

/** Builds the audit events of a message's life: the same metadata every time, never the payload. */
final class MessageAudit {

    static final String GATEWAY = "gateway";

    private MessageAudit() {
    }

    static AuditEvent of(AuditEventType type, String actor, MessageRecord m, String reasonCode,
            Map<String, String> extra) {
        var details = new java.util.TreeMap<String, String>(extra);
        details.put("sha256", m.payload().sha256());
        details.put("size", Long.toString(m.payload().size()));
        if (m.agreementId() != null) {
            details.put("agreement", m.agreementId());
        }
        return new AuditEvent(type, actor, m.messageId(), m.sender(), m.recipient(), m.product(), reasonCode,
                m.envelope().legalBasis().summary(), details);
    }

    static AuditEvent of(AuditEventType type, String actor, MessageRecord m) {
        return of(type, actor, m, null, Map.of());
    }
}
