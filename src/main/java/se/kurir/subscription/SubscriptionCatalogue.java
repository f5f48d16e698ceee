package se.kurir.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
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
import se.kurir.policy.PolicyDecision;
import se.kurir.policy.PolicyEngine;
import se.kurir.problem.CommonProblem;
import se.kurir.registry.Agreement;
import se.kurir.registry.DeliveryChannel;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Registry;

/**
 * Which subscriptions exist: creation under an agreement (its filter checked against the agreement's field
 * entitlements), listing, deletion. A participant sees only its own subscriptions; the gateway's deliverers see those
 * they carry. Listeners hear of every subscription created, deleted or moved.
 */
@Service
public class SubscriptionCatalogue {

    private final SubscriptionRepository repository;
    private final EventFeed feed;
    private final PolicyEngine policy;
    private final Registry registry;
    private final AuditLog audit;
    private final SubscriptionProperties properties;
    private final Clock clock;
    private final List<SubscriptionListener> listeners = new CopyOnWriteArrayList<>();

    SubscriptionCatalogue(SubscriptionRepository repository, EventFeed feed, PolicyEngine policy, Registry registry,
            AuditLog audit, SubscriptionProperties properties, Clock clock) {
        this.repository = repository;
        this.feed = feed;
        this.policy = policy;
        this.registry = registry;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
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
                    + agreement.id() + " pseudonymises this feed for you; a filter on subjects or fields would "
                    + "reveal them");
        }
        checkFilter(filter, terms);
        if (request.pushMailbox() != null && !terms.receivesIn(request.pushMailbox())) {
            throw SubscriptionException.rejected(SubscriptionProblem.MAILBOX_NOT_IN_AGREEMENT, "pushMailbox: "
                    + "agreement " + agreement.id() + " does not name " + request.pushMailbox()
                    + " as a receiving mailbox");
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

    /** The consumer's own subscription; another's does not exist for it (SUBSCRIPTION_NOT_FOUND). */
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

    // The gateway's own deliverers (push, broker queue) and its operators use what follows.

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

    void cursorMoved(Subscription subscription) {
        listeners.forEach(l -> l.cursorMoved(subscription));
    }

    private void checkShape(String consumer, NewSubscription request) {
        if (request.product() == null || request.product().isBlank()) {
            throw SubscriptionException.invalid(CommonProblem.FIELD_REQUIRED, "product: is required");
        }
        if (request.deliveryMode() == null) {
            throw SubscriptionException.invalid(CommonProblem.FIELD_REQUIRED,
                    "deliveryMode: is required (PULL, PUSH, JMS or SFTP_BATCH)");
        }
        if (!request.deliveryMode().viaMailbox()) {
            if (request.pushMailbox() != null) {
                throw SubscriptionException.invalid(CommonProblem.FIELD_INVALID,
                        "pushMailbox: only for deliveryMode PUSH or SFTP_BATCH");
            }
            return;
        }
        if (request.pushMailbox() == null) {
            throw SubscriptionException.invalid(CommonProblem.FIELD_REQUIRED,
                    "pushMailbox: is required for deliveryMode " + request.deliveryMode());
        }
        Optional<Mailbox> mailbox = registry.mailbox(request.pushMailbox())
                .filter(m -> m.participant().equals(consumer));
        if (mailbox.isEmpty()) {
            throw SubscriptionException.invalid(CommonProblem.FIELD_INVALID, "pushMailbox: " + request.pushMailbox()
                    + " is not a mailbox of " + consumer);
        }
        if (request.deliveryMode() == DeliveryMode.SFTP_BATCH
                && !(mailbox.get().delivery() instanceof DeliveryChannel.FileInbox)) {
            throw SubscriptionException.rejected(SubscriptionProblem.NO_FILE_INBOX, "pushMailbox: "
                    + request.pushMailbox() + " has no file inbox registered");
        }
        if (request.deliveryMode() == DeliveryMode.PUSH && mailbox.get().pushUrl() == null) {
            throw SubscriptionException.rejected(SubscriptionProblem.NO_PUSH_ENDPOINT, "pushMailbox: "
                    + request.pushMailbox() + " has no push endpoint registered");
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
                    "filter.subjectKeys: the agreement does not entitle you to the events' subject keys");
        }
        for (int i = 0; i < filter.conditions().size(); i++) {
            FieldCondition condition = filter.conditions().get(i);
            String field = "filter.conditions[" + i + "]";
            if (!condition.isWellFormed()) {
                throw SubscriptionException.invalid(SubscriptionProblem.FILTER_INVALID,
                        field + ": needs a field path and exactly one of equals, in, exists");
            }
            if (!FieldPaths.entitles(terms.fields(), condition.field())) {
                throw SubscriptionException.rejected(SubscriptionProblem.FILTER_FIELD_NOT_ENTITLED,
                        field + ".field: " + condition.field() + " is not a field the agreement entitles you to");
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
            feed.requireKept(product, first - 1, "start");
            return first - 1;
        }
        try {
            return feed.positionAt(product, Instant.parse(start));
        } catch (DateTimeParseException e) {
            throw SubscriptionException.invalid(SubscriptionProblem.START_INVALID,
                    "start: NOW, a sequence number or an ISO 8601 instant such as 2026-11-20T00:00:00Z");
        }
    }
}
