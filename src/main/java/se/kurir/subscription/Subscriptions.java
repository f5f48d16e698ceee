package se.kurir.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Service;
import se.kurir.audit.AuditEvent;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;
import se.kurir.delivery.DeliveryProblem;
import se.kurir.envelope.LegalBasis;
import se.kurir.policy.PolicyDecision;
import se.kurir.policy.PolicyEngine;
import se.kurir.problem.CommonProblem;
import se.kurir.registry.Agreement;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Registry;

/**
 * Subscriptions and their cursors: creation under an agreement, reading a subscription's feed through its filter and
 * its agreement's field entitlements, and moving the cursor. A participant sees only its own subscriptions.
 */
@Service
public class Subscriptions {

    /** Events examined at most for one page, so a narrow filter over a long feed still answers promptly. */
    static final int SCAN_BUDGET = 10_000;
    private static final int CHUNK = 500;

    private final SubscriptionRepository repository;
    private final EventFeed feed;
    private final PolicyEngine policy;
    private final Registry registry;
    private final AuditLog audit;
    private final SubscriptionProperties properties;
    private final Clock clock;
    private final FeedPrivacy privacy;
    private final List<SubscriptionListener> listeners = new CopyOnWriteArrayList<>();

    Subscriptions(SubscriptionRepository repository, EventFeed feed, PolicyEngine policy, Registry registry,
            AuditLog audit, SubscriptionProperties properties, Clock clock, FeedPrivacy privacy) {
        this.repository = repository;
        this.feed = feed;
        this.policy = policy;
        this.registry = registry;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.privacy = privacy;
    }

    public void addListener(SubscriptionListener listener) {
        listeners.add(listener);
    }

    public Subscription create(String consumer, NewSubscription request) {
        checkShape(consumer, request);
        PolicyDecision decision = policy.decideSubscription(consumer, request.product());
        if (decision.isRejected()) {
            audit.append(new AuditEvent(AuditEventType.SUBSCRIPTION_REFUSED, consumer, null, null, consumer,
                    request.product(), decision.reason().name(), null, Map.of("deliveryMode",
                            request.deliveryMode().name())));
            throw SubscriptionException.rejected(decision.reason(), "product: no agreement lets " + consumer
                    + " subscribe to " + request.product() + " (" + decision.reason() + ")");
        }
        Agreement agreement = registry.agreement(decision.agreementId()).orElseThrow();
        Agreement.Consumer terms = agreement.consumer(consumer).orElseThrow();
        SubscriptionFilter filter = request.filter() == null ? SubscriptionFilter.ALL : request.filter();
        if (agreement.privacyFor(consumer).isPresent()
                && (!filter.subjectKeys().isEmpty() || !filter.conditions().isEmpty())) {
            throw SubscriptionException.rejected(SubscriptionProblem.FILTER_NOT_ALLOWED, "filter: agreement "
                    + agreement.id()
                    + " pseudonymises this feed for you; a filter on subjects or fields would reveal them");
        }
        checkFilter(filter, terms);
        if (request.pushMailbox() != null && !terms.receivesIn(request.pushMailbox())) {
            throw SubscriptionException.rejected(SubscriptionProblem.MAILBOX_NOT_IN_AGREEMENT, "pushMailbox: agreement "
                    + agreement.id() + " does not name " + request.pushMailbox() + " as a receiving mailbox");
        }
        long cursor = startPosition(request.product(), request.start());
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), consumer, request.product(),
                agreement.id(), filter, request.deliveryMode(), request.pushMailbox(), cursor,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), 0, null);
        Map<String, String> details = new TreeMap<>(Map.of("subscription", subscription.id(),
                "deliveryMode", subscription.deliveryMode().name(), "agreement", agreement.id(),
                "after", Long.toString(cursor), "eventTypes", Integer.toString(filter.eventTypes().size()),
                "subjectKeys", Integer.toString(filter.subjectKeys().size()),
                "conditions", Integer.toString(filter.conditions().size())));
        audit.append(new AuditEvent(AuditEventType.SUBSCRIPTION_CREATED, consumer, null, null, consumer,
                request.product(), null, null, details));
        repository.insert(subscription);
        listeners.forEach(l -> l.created(subscription));
        return subscription;
    }

    public List<Subscription> list(String consumer) {
        return repository.ofConsumer(consumer);
    }

    public Subscription get(String consumer, String id) {
        return repository.find(id).filter(s -> s.consumer().equals(consumer))
                .orElseThrow(() -> SubscriptionException.notFound(id));
    }

    public void delete(String consumer, String id) {
        Subscription subscription = get(consumer, id);
        audit.append(new AuditEvent(AuditEventType.SUBSCRIPTION_DELETED, consumer, null, null, consumer,
                subscription.product(), null, null, Map.of("subscription", id,
                        "after", Long.toString(subscription.cursor()))));
        if (repository.delete(id)) {
            listeners.forEach(l -> l.deleted(subscription));
        }
    }

    /**
     * The next events of the consumer's own subscription after {@code after} (its committed cursor when null). The
     * cursor does not move: the consumer commits {@link FeedPage#nextAfter()} once it has kept the events.
     */
    public FeedPage read(String consumer, String id, Long after, int limit) {
        Subscription subscription = get(consumer, id);
        long from = after != null ? after : subscription.cursor();
        checkKept(subscription.product(), from, "after");
        FeedPage page = collect(subscription, from, limit);
        recordDelivery(subscription, page, DeliveryMode.PULL);
        return page;
    }

    /** Commits (forward) or rewinds (replay) the cursor: to a sequence, or to just before a moment. */
    public Subscription moveCursor(String consumer, String id, Long after, Instant from) {
        Subscription subscription = get(consumer, id);
        if ((after == null) == (from == null)) {
            throw SubscriptionException.invalid(SubscriptionProblem.CURSOR_INVALID,
                    "after: give either after (a sequence) or from "
                    + "(an instant), not both or neither");
        }
        long target = after != null ? after : feed.positionAt(subscription.product(), from);
        long head = feed.head(subscription.product());
        if (target < 0 || target > head) {
            throw SubscriptionException.invalid(SubscriptionProblem.CURSOR_INVALID,
                    "after: must be between 0 and the feed's head "
                    + head);
        }
        checkKept(subscription.product(), target, after != null ? "after" : "from");
        repository.setCursor(id, target);
        audit.append(new AuditEvent(AuditEventType.SUBSCRIPTION_CURSOR_MOVED, consumer, null, null, consumer,
                subscription.product(), null, null, Map.of("subscription", id,
                        "from", Long.toString(subscription.cursor()), "to", Long.toString(target))));
        Subscription moved = get(consumer, id);
        listeners.forEach(l -> l.cursorMoved(moved));
        return moved;
    }

    // The gateway's own deliverers (push, broker queue) use what follows; they act for the subscriber.

    public Optional<Subscription> find(String id) {
        return repository.find(id);
    }

    /** For operators: per product and delivery mode, how many subscriptions, how many failing, the largest lag. */
    public List<SubscriptionBacklog> backlog() {
        return repository.backlog();
    }

    public List<Subscription> deliveredByGateway() {
        return repository.delivered();
    }

    /**
     * The next run after the subscription's cursor. Events the retention period has removed before delivery are
     * passed over, and that loss is audited, since a deliverer that stopped on them would never move again.
     */
    public FeedPage next(Subscription subscription, int limit) {
        long first = feed.first(subscription.product());
        long from = subscription.cursor();
        if (from < first - 1) {
            audit.append(deliveryEvent(AuditEventType.SUBSCRIPTION_DELIVERY_FAILED, subscription,
                    SubscriptionProblem.EVENTS_EXPIRED.name(),
                    Map.of("from", Long.toString(from + 1), "to", Long.toString(first - 1))));
            from = first - 1;
        }
        return collect(subscription, from, limit);
    }

    /**
     * Commits the cursor past a run the subscriber has received, and audits the delivery. False when the cursor was
     * moved meanwhile (a replay): the deliverer then starts again from the new cursor.
     */
    public boolean delivered(Subscription subscription, FeedPage page, DeliveryMode channel) {
        if (!repository.moveCursor(subscription.id(), subscription.cursor(), page.nextAfter())) {
            return false;
        }
        recordDelivery(subscription, page, channel);
        return true;
    }

    public void deliveryFailed(Subscription subscription, int attempts, String error) {
        String bounded = error.length() > 480 ? error.substring(0, 480) : error;
        repository.recordFailure(subscription.id(), attempts, bounded);
        audit.append(deliveryEvent(AuditEventType.SUBSCRIPTION_DELIVERY_FAILED, subscription,
                DeliveryProblem.DELIVERY_FAILED.name(),
                Map.of("attempts", Integer.toString(attempts), "after", Long.toString(subscription.cursor()),
                        "error", bounded)));
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

    private void recordDelivery(Subscription subscription, FeedPage page, DeliveryMode channel) {
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

    private static AuditEvent deliveryEvent(AuditEventType type, Subscription s, String reason,
            Map<String, String> extra) {
        Map<String, String> details = new TreeMap<>(extra);
        details.put("subscription", s.id());
        details.put("agreement", s.agreementId());
        return new AuditEvent(type, "gateway", null, null, s.consumer(), s.product(), reason, null, details);
    }

    private void checkShape(String consumer, NewSubscription request) {
        if (request.product() == null || request.product().isBlank()) {
            throw SubscriptionException.invalid(CommonProblem.FIELD_REQUIRED, "product: is required");
        }
        if (request.deliveryMode() == null) {
            throw SubscriptionException.invalid(CommonProblem.FIELD_REQUIRED,
                    "deliveryMode: is required (PULL, PUSH or JMS)");
        }
        if (request.deliveryMode() != DeliveryMode.PUSH) {
            if (request.pushMailbox() != null) {
                throw SubscriptionException.invalid(CommonProblem.FIELD_INVALID,
                        "pushMailbox: only for deliveryMode PUSH");
            }
            return;
        }
        if (request.pushMailbox() == null) {
            throw SubscriptionException.invalid(CommonProblem.FIELD_REQUIRED,
                    "pushMailbox: is required for deliveryMode PUSH");
        }
        Optional<Mailbox> mailbox = registry.mailbox(request.pushMailbox())
                .filter(m -> m.participant().equals(consumer));
        if (mailbox.isEmpty()) {
            throw SubscriptionException.invalid(CommonProblem.FIELD_INVALID, "pushMailbox: " + request.pushMailbox()
                    + " is not a mailbox of " + consumer);
        }
        if (mailbox.get().pushUrl() == null) {
            throw SubscriptionException.rejected(SubscriptionProblem.NO_PUSH_ENDPOINT, "pushMailbox: "
                    + request.pushMailbox()
                    + " has no push endpoint registered");
        }
    }

    /** A condition on a field the subscriber may not see would let it learn that field by filtering; refused. */
    private void checkFilter(SubscriptionFilter filter, Agreement.Consumer terms) {
        if (filter.subjectKeys().size() > properties.maxWatchedSubjects()) {
            throw SubscriptionException.invalid(SubscriptionProblem.FILTER_TOO_LARGE, "filter.subjectKeys: at most "
                    + properties.maxWatchedSubjects() + " subject keys");
        }
        // No event carries a longer subject key or type; a longer one could only fail where it is stored.
        if (filter.subjectKeys().stream().anyMatch(key -> key == null || key.isEmpty() || key.length() > 128)) {
            throw SubscriptionException.invalid(SubscriptionProblem.FILTER_INVALID,
                    "filter.subjectKeys: 1 to 128 characters each");
        }
        if (filter.eventTypes().stream().anyMatch(type -> type == null || type.isEmpty() || type.length() > 64)) {
            throw SubscriptionException.invalid(SubscriptionProblem.FILTER_INVALID,
                    "filter.eventTypes: 1 to 64 characters each");
        }
        if (!filter.subjectKeys().isEmpty() && FieldPaths.subjectKey("", terms.fields()) == null) {
            throw SubscriptionException.rejected(SubscriptionProblem.FILTER_FIELD_NOT_ENTITLED,
                    "filter.subjectKeys: the agreement "
                    + "does not entitle you to the events' subject keys");
        }
        for (int i = 0; i < filter.conditions().size(); i++) {
            FieldCondition condition = filter.conditions().get(i);
            String field = "filter.conditions[" + i + "]";
            if (!condition.isWellFormed()) {
                throw SubscriptionException.invalid(SubscriptionProblem.FILTER_INVALID, field
                        + ": needs a field path and exactly one "
                        + "of equals, in, exists");
            }
            if (!FieldPaths.entitles(terms.fields(), condition.field())) {
                throw SubscriptionException.rejected(SubscriptionProblem.FILTER_FIELD_NOT_ENTITLED, field + ".field: "
                        + condition.field() + " is not a field the agreement entitles you to");
            }
        }
    }

    private long startPosition(String product, String start) {
        if (start == null || start.equals("NOW")) {
            return feed.head(product);
        }
        if (start.matches("[0-9]{1,18}")) {
            long first = Long.parseLong(start);
            if (first < 1) {
                throw SubscriptionException.invalid(SubscriptionProblem.START_INVALID,
                        "start: sequence numbers begin at 1");
            }
            checkKept(product, first - 1, "start");
            return first - 1;
        }
        try {
            return feed.positionAt(product, Instant.parse(start));
        } catch (DateTimeParseException e) {
            throw SubscriptionException.invalid(SubscriptionProblem.START_INVALID,
                    "start: NOW, a sequence number or an ISO 8601 "
                    + "instant such as 2026-11-20T00:00:00Z");
        }
    }

    /** A position before the oldest kept event would skip events silently; the answer says so instead. */
    private void checkKept(String product, long after, String field) {
        long first = feed.first(product);
        if (after < first - 1) {
            throw new SubscriptionException(SubscriptionException.Kind.GONE,
                    SubscriptionProblem.FEED_POSITION_EXPIRED, field
                    + ": events up to " + (first - 1) + " are past the product's retention; the oldest kept is "
                    + first);
        }
    }
}
