package se.kurir.subscription;

import java.util.Map;
import java.util.TreeMap;
import se.kurir.audit.AuditEvent;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;

/** The audit records of a subscription's deliveries: metadata only (sequences, counts), never an event's payload. */
final class SubscriptionAudit {

    private SubscriptionAudit() {
    }

    static void delivered(AuditLog audit, Subscription subscription, FeedPage page, DeliveryMode channel) {
        if (page.isEmpty()) {
            return;
        }
        audit.append(deliveryEvent(AuditEventType.SUBSCRIPTION_DELIVERED, subscription, null, Map.of(
                "channel", channel.name(),
                "firstSequence", Long.toString(page.events().get(0).sequence()),
                "lastSequence", Long.toString(page.events().get(page.events().size() - 1).sequence()),
                "count", Integer.toString(page.events().size()),
                "withheld", Integer.toString(page.withheld()))));
    }

    static AuditEvent deliveryEvent(AuditEventType type, Subscription s, String reason, Map<String, String> extra) {
        Map<String, String> details = new TreeMap<>(extra);
        details.put("subscription", s.id());
        details.put("agreement", s.agreementId());
        return new AuditEvent(type, "gateway", null, null, s.consumer(), s.product(), reason, null, details);
    }
}
