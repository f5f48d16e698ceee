package se.kurir.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import se.kurir.audit.AuditEvent;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;
import se.kurir.commit.GroupCommitWriter;
import se.kurir.policy.PolicyDecision;
import se.kurir.policy.PolicyEngine;
import se.kurir.policy.RejectionCode;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;

/**
 * The products' change feeds. Publishing checks the policy, audits, and hands the event to one writer that numbers
 * and commits events in batches (group commit); subscribers then read the feed from wherever their cursor is.
 */
@Service
public class EventFeed implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

    private record Accepted(EventPublication publication, String agreementId) {
    }

    private final FeedRepository repository;
    private final PolicyEngine policy;
    private final AuditLog audit;
    private final Registry registry;
    private final SubscriptionProperties properties;
    private final Clock clock;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;
    private final GroupCommitWriter<Accepted, PublishedEvent> writer;
    private final Map<String, FeedWindow> windows = new ConcurrentHashMap<>();
    private final List<FeedListener> listeners = new CopyOnWriteArrayList<>();

    EventFeed(FeedRepository repository, PolicyEngine policy, AuditLog audit, Registry registry,
            SubscriptionProperties properties, Clock clock, ObjectMapper json, TransactionTemplate transactions) {
        this.repository = repository;
        this.policy = policy;
        this.audit = audit;
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
        this.transactions = transactions;
        this.writer = new GroupCommitWriter<>("kurir-feed-writer", properties.maxBatch(), properties.commitTimeout(),
                this::commit);
    }

    /**
     * Publishes the event to its product's feed once it is allowed and audited; returns once it is committed. The
     * same event id again is answered with the sequence it got the first time.
     */
    public PublishedEvent publish(EventPublication publication) {
        byte[] payload = bytes(publication);
        long limit = Math.min(properties.maxEventSize().toBytes(), registry.product(publication.product())
                .map(Product::maxPayloadBytes).orElse(Long.MAX_VALUE));
        PolicyDecision decision = payload.length > limit
                ? PolicyDecision.reject(RejectionCode.PAYLOAD_TOO_LARGE, null)
                : policy.decidePublication(publication.publisher(), publication.product(), publication.legalBasis());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("eventType", publication.eventType());
        details.put("sha256", sha256(payload));
        details.put("size", Integer.toString(payload.length));
        if (decision.agreementId() != null) {
            details.put("agreement", decision.agreementId());
        }
        if (decision.isRejected()) {
            audit.append(event(AuditEventType.EVENT_REJECTED, publication, decision.reason().name(), details));
            throw SubscriptionException.rejected(decision.reason(), decision.reason() == RejectionCode.PAYLOAD_TOO_LARGE
                    ? "payload: larger than " + limit + " bytes"
                    : "envelope.legalBasis: the event was rejected by policy (" + decision.reason() + ")");
        }
        audit.append(event(AuditEventType.EVENT_PUBLISHED, publication, null, details));
        try {
            return writer.submit(new Accepted(publication, decision.agreementId()));
        } catch (GroupCommitWriter.NotCommittedException e) {
            throw new FeedUnavailableException("event " + publication.eventId() + " not committed: " + e.getMessage(),
                    e);
        }
    }

    /** Up to {@code limit} events after the sequence {@code after}, in order. */
    public List<FeedEvent> read(String product, long after, int limit) {
        FeedWindow window = windows.get(product);
        List<FeedEvent> recent = window == null ? null : window.after(after, limit);
        return recent != null ? recent : repository.after(product, after, limit);
    }

    public long head(String product) {
        return repository.head(product);
    }

    /** The oldest sequence the feed still keeps, or the next to come when it keeps none. */
    public long first(String product) {
        return repository.first(product).orElseGet(() -> repository.head(product) + 1);
    }

    /** A position before the oldest kept event would skip events silently; the answer says so instead. */
    void requireKept(String product, long after, String field) {
        long first = first(product);
        if (after < first - 1) {
            throw new SubscriptionException(SubscriptionException.Kind.GONE, SubscriptionProblem.FEED_POSITION_EXPIRED,
                    field + ": events up to " + (first - 1) + " are past the product's retention; the oldest kept is "
                            + first);
        }
    }

    /** The position just before the first event published at or after the instant. */
    public long positionAt(String product, Instant instant) {
        return repository.lastBefore(product, instant).orElseGet(() -> first(product) - 1);
    }

    public void addListener(FeedListener listener) {
        listeners.add(listener);
    }

    /** Deletes the events each product's retention no longer allows; run on a timer (routes/subscriptions). */
    public int purgeExpired() {
        int purged = 0;
        for (Product product : registry.products()) {
            Period retention = product.eventRetention() != null ? product.eventRetention()
                    : properties.defaultRetention();
            Instant cutOff = clock.instant().atZone(ZoneOffset.UTC).minus(retention).toInstant();
            int deleted = repository.deletePublishedBefore(product.id(), cutOff);
            if (deleted > 0) {
                windows.computeIfPresent(product.id(), (id, window) -> {
                    window.clear();
                    return window;
                });
                log.info("Feed {}: {} events past their retention of {} deleted", product.id(), deleted, retention);
            }
            purged += deleted;
        }
        return purged;
    }

    /** Numbers and stores a batch in one transaction; runs on the writer thread only. */
    private List<PublishedEvent> commit(List<Accepted> batch) {
        List<FeedEvent> stored = new ArrayList<>();
        List<PublishedEvent> results = transactions.execute(status -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Map<String, Long> heads = new LinkedHashMap<>();
            Map<String, Map<String, Long>> known = new LinkedHashMap<>();
            List<PublishedEvent> answers = new ArrayList<>(batch.size());
            for (Accepted accepted : batch) {
                EventPublication p = accepted.publication();
                Map<String, Long> ids = known.computeIfAbsent(p.product(), product -> repository.sequencesOf(product,
                        batch.stream().map(a -> a.publication()).filter(x -> x.product().equals(product))
                                .map(EventPublication::eventId).toList()));
                Long earlier = ids.get(p.eventId());
                if (earlier != null) {
                    answers.add(new PublishedEvent(p.product(), p.eventId(), earlier, true));
                    continue;
                }
                long sequence = heads.computeIfAbsent(p.product(), repository::lockHead) + 1;
                heads.put(p.product(), sequence);
                ids.put(p.eventId(), sequence);
                stored.add(new FeedEvent(p.product(), sequence, p.eventId(), p.eventType(), p.subjectKey(),
                        p.publisher(), accepted.agreementId(), p.legalBasis(), p.payload(), now));
                answers.add(new PublishedEvent(p.product(), p.eventId(), sequence, false));
            }
            repository.insert(stored);
            heads.forEach(repository::setHead);
            return answers;
        });
        announce(stored);
        return results;
    }

    private void announce(List<FeedEvent> stored) {
        Map<String, List<FeedEvent>> byProduct = new LinkedHashMap<>();
        stored.forEach(e -> byProduct.computeIfAbsent(e.product(), p -> new ArrayList<>()).add(e));
        byProduct.forEach((product, events) -> {
            if (properties.windowEvents() > 0) {
                windows.computeIfAbsent(product, p -> new FeedWindow(properties.windowEvents())).append(events);
            }
            long head = events.get(events.size() - 1).sequence();
            for (FeedListener listener : listeners) {
                try {
                    listener.appended(product, head);
                } catch (RuntimeException e) {
                    log.warn(SubscriptionLogCode.FEED_LISTENER_FAILED + " feed listener failed on {} at {}: {}",
                            product, head, e.toString());
                }
            }
        });
    }

    private AuditEvent event(AuditEventType type, EventPublication p, String reason, Map<String, String> details) {
        return new AuditEvent(type, p.publisher(), p.eventId(), p.publisher(), null, p.product(), reason,
                p.legalBasis().summary(), details);
    }

    private byte[] bytes(EventPublication publication) {
        try {
            return json.writeValueAsBytes(publication.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not serialisable", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        writer.close();
    }

    /** Events this node committed to feeds since start; for metrics. */
    public long publishedCount() {
        return writer.appendedCount();
    }

    /** The transactions they were committed in: fewer than events when publishers share commits (group commit). */
    public long commitCount() {
        return writer.commitCount();
    }
}
