package se.kurir.subscription;

import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import se.kurir.audit.AuditEvent;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;
import se.kurir.delivery.DeliveryProblem;

/**
 * Where each subscription stands in its feed: the cursor its subscriber commits or rewinds (replay), and the one the
 * gateway's deliverers move once a run is with the subscriber, with the failures they count on the way. The cursor
 * lives in the database, so every subscription resumes where it stood after a restart.
 */
@Service
public class SubscriptionCursors {

    private final SubscriptionCatalogue catalogue;
    private final SubscriptionRepository repository;
    private final EventFeed feed;
    private final AuditLog audit;

    SubscriptionCursors(SubscriptionCatalogue catalogue, SubscriptionRepository repository, EventFeed feed,
            AuditLog audit) {
        this.catalogue = catalogue;
        this.repository = repository;
        this.feed = feed;
        this.audit = audit;
    }

    /** Commits (forward) or rewinds (replay) the cursor: to a sequence, or to just before a moment. */
    public Subscription moveCursor(String consumer, String id, Long after, Instant from) {
        Subscription subscription = catalogue.get(consumer, id);
        if ((after == null) == (from == null)) {
            throw SubscriptionException.invalid(SubscriptionProblem.CURSOR_INVALID,
                    "after: give either after (a sequence) or from (an instant), not both or neither");
        }
        long target = after != null ? after : feed.positionAt(subscription.product(), from);
        long head = feed.head(subscription.product());
        if (target < 0 || target > head) {
            throw SubscriptionException.invalid(SubscriptionProblem.CURSOR_INVALID,
                    "after: must be between 0 and the feed's head " + head);
        }
        feed.requireKept(subscription.product(), target, after != null ? "after" : "from");
        repository.setCursor(id, target);
        audit.append(new AuditEvent(AuditEventType.SUBSCRIPTION_CURSOR_MOVED, consumer, null, null, consumer,
                subscription.product(), null, null, Map.of("subscription", id,
                        "from", Long.toString(subscription.cursor()), "to", Long.toString(target))));
        Subscription moved = catalogue.get(consumer, id);
        catalogue.cursorMoved(moved);
        return moved;
    }

    /**
     * Commits the cursor past a run the subscriber has received, and audits the delivery. False when the cursor was
     * moved meanwhile (a replay): the deliverer then starts again from the new cursor.
     */
    public boolean delivered(Subscription subscription, FeedPage page, DeliveryMode channel) {
        if (!repository.moveCursor(subscription.id(), subscription.cursor(), page.nextAfter())) {
            return false;
        }
        SubscriptionAudit.delivered(audit, subscription, page, channel);
        return true;
    }

    /**
     * Takes or renews the lease that lets {@code node} deliver the subscription until {@code until}: one node at a
     * time among those sharing the database. False while another node's lease runs.
     */
    public boolean lease(Subscription subscription, String node, Instant now, Instant until) {
        return repository.lease(subscription.id(), node, now, until);
    }

    /** Gives up every lease {@code node} holds, so other nodes need not wait for them to run out. */
    public void releaseLeases(String node) {
        repository.releaseLeases(node);
    }

    public void deliveryFailed(Subscription subscription, int attempts, String error) {
        String bounded = error.length() > 480 ? error.substring(0, 480) : error;
        repository.recordFailure(subscription.id(), attempts, bounded);
        audit.append(SubscriptionAudit.deliveryEvent(AuditEventType.SUBSCRIPTION_DELIVERY_FAILED, subscription,
                DeliveryProblem.DELIVERY_FAILED.name(), Map.of("attempts", Integer.toString(attempts),
                        "after", Long.toString(subscription.cursor()), "error", bounded)));
    }
}
