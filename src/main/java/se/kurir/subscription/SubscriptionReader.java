package se.kurir.subscription;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;
import se.kurir.envelope.LegalBasis;
import se.kurir.policy.PolicyEngine;
import se.kurir.registry.Agreement;
import se.kurir.registry.Registry;

/**
 * Reads a subscription's feed as its subscriber may see it: through its filter, only its agreement's producer's
 * events, each event's legal-basis tag judged against the agreement, the payload cut to the agreement's field
 * entitlements and then through the agreement's privacy step. The subscriber pulls pages ({@link #read}); the
 * gateway's deliverers take the next run after the cursor ({@link #next}).
 */
@Service
public class SubscriptionReader {

    /** Events examined at most for one page, so a narrow filter over a long feed still answers promptly. */
    static final int SCAN_BUDGET = 10_000;
    private static final int CHUNK = 500;

    private final SubscriptionCatalogue catalogue;
    private final EventFeed feed;
    private final PolicyEngine policy;
    private final Registry registry;
    private final AuditLog audit;
    private final FeedPrivacy privacy;

    SubscriptionReader(SubscriptionCatalogue catalogue, EventFeed feed, PolicyEngine policy, Registry registry,
            AuditLog audit, FeedPrivacy privacy) {
        this.catalogue = catalogue;
        this.feed = feed;
        this.policy = policy;
        this.registry = registry;
        this.audit = audit;
        this.privacy = privacy;
    }

    /**
     * The next events of the consumer's own subscription after {@code after} (its committed cursor when null). The
     * cursor does not move: the consumer commits {@link FeedPage#nextAfter()} once it has kept the events.
     */
    public FeedPage read(String consumer, String id, Long after, int limit) {
        Subscription subscription = catalogue.get(consumer, id);
        long from = after != null ? after : subscription.cursor();
        feed.requireKept(subscription.product(), from, "after");
        FeedPage page = collect(subscription, from, limit);
        SubscriptionAudit.delivered(audit, subscription, page, DeliveryMode.PULL);
        return page;
    }

    /**
     * The next run after the subscription's cursor. Events the retention period has removed before delivery are
     * passed over, and that loss is audited, since a deliverer that stopped on them would never move again.
     */
    public FeedPage next(Subscription subscription, int limit) {
        long first = feed.first(subscription.product());
        long from = subscription.cursor();
        if (from < first - 1) {
            audit.append(SubscriptionAudit.deliveryEvent(AuditEventType.SUBSCRIPTION_DELIVERY_FAILED, subscription,
                    SubscriptionProblem.EVENTS_EXPIRED.name(),
                    Map.of("from", Long.toString(from + 1), "to", Long.toString(first - 1))));
            from = first - 1;
        }
        return collect(subscription, from, limit);
    }

    private FeedPage collect(Subscription subscription, long after, int limit) {
        // A consumer entry without fields sees the whole payload; no entry at all (the agreement changed) sees nothing.
        Optional<Agreement> agreement = registry.agreement(subscription.agreementId());
        Optional<Agreement.Consumer> terms = agreement.flatMap(a -> a.consumer(subscription.consumer()));
        List<String> fields = terms.isPresent() ? terms.get().fields() : List.of();
        String producer = agreement.map(Agreement::producer).orElse(null);
        List<FeedItem> items = new ArrayList<>();
        // Events of one feed share a few legal-basis tags: each is judged once per page.
        Map<LegalBasis, Boolean> allowed = new HashMap<>();
        long position = after;
        int scanned = 0;
        int withheld = 0;
        scan:
        while (items.size() < limit && scanned < SCAN_BUDGET) {
            List<FeedEvent> chunk = feed.read(subscription.product(), position, Math.max(limit, CHUNK));
            if (chunk.isEmpty()) {
                break;
            }
            for (FeedEvent event : chunk) {
                position = event.sequence();
                scanned++;
                if (!subscription.filter().matches(event)) {
                    continue;
                }
                // Only the agreement's producer feeds its subscribers, whoever else may publish on the product.
                if (!event.publisher().equals(producer)) {
                    withheld++;
                    continue;
                }
                if (!allowed.computeIfAbsent(event.legalBasis(),
                        tag -> policy.allowsSubscriptionDelivery(subscription.agreementId(), tag))) {
                    withheld++;
                    continue;
                }
                items.add(new FeedItem(event.sequence(), event.eventId(), subscription.id() + ":" + event.sequence(),
                        event.eventType(), FieldPaths.subjectKey(event.subjectKey(), fields), event.publishedAt(),
                        event.legalBasis(), FieldPaths.view(event.payload(), fields)));
                if (items.size() == limit) {
                    break scan;
                }
            }
        }
        return new FeedPage(subscription.id(), subscription.product(), privacy.apply(subscription, items), after,
                position, feed.head(subscription.product()), withheld);
    }
}
