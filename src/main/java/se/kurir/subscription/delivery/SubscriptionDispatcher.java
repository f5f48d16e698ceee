package se.kurir.subscription.delivery;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import se.kurir.subscription.DeliveryMode;
import se.kurir.subscription.EventFeed;
import se.kurir.subscription.FeedListener;
import se.kurir.subscription.FeedPage;
import se.kurir.subscription.Subscription;
import se.kurir.subscription.SubscriptionCatalogue;
import se.kurir.subscription.SubscriptionCursors;
import se.kurir.subscription.SubscriptionListener;
import se.kurir.subscription.SubscriptionLogCode;
import se.kurir.subscription.SubscriptionReader;

/**
 * Delivers the subscriptions the gateway carries (push, broker queue: every mode with an {@link EventSink}). Each
 * subscription is a lane with at most one run in flight, so its
 * events arrive in feed order; a lane that fails backs off on its own, so a stuck subscriber holds back no other.
 * The cursor moves only after the subscriber has the run (at least once), and it lives in the database, so after a
 * restart every lane resumes exactly where it stopped.
 *
 * <p>Nodes sharing the database take turns: a run starts only under this node's lease on the subscription, taken
 * or renewed in the database ({@code kurir.subscriptions.delivery.lease}), so one node at a time delivers each
 * subscription, in order. Another node's lane waits and looks again; when the holder dies its lease runs out and the
 * next look takes the subscription over, from the cursor the holder left. A node that stops gives its leases up.
 */
@Component
class SubscriptionDispatcher implements FeedListener, SubscriptionListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionDispatcher.class);

    /** One subscription's delivery state on this node. */
    private static final class Lane {
        final String id;
        final String product;
        final AtomicBoolean busy = new AtomicBoolean();
        /** Set by every wake-up; a lane that finds it set after a run looks again, so no wake-up is lost. */
        final AtomicBoolean dirty = new AtomicBoolean(true);
        volatile long notBefore;
        volatile boolean closed;
        /** A batch lane's window is open: its events wait for the window to close and then go in one run. */
        volatile boolean collecting;

        Lane(String id, String product) {
            this.id = id;
            this.product = product;
        }
    }

    private final SubscriptionCatalogue subscriptions;
    private final SubscriptionReader reader;
    private final SubscriptionCursors cursors;
    private final EventFeed feed;
    private final DeliveryProperties properties;
    private final Map<DeliveryMode, EventSink> sinks;
    private final Clock clock;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    /** The head of each feed as the last sweep saw it. */
    private final Map<String, Long> sweptHeads = new ConcurrentHashMap<>();
    /** This node as lease holder: the process and this context, as two nodes may share a JVM in tests. */
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private ExecutorService workers;
    private ScheduledExecutorService timer;
    private volatile boolean running;

    SubscriptionDispatcher(SubscriptionCatalogue subscriptions, SubscriptionReader reader,
            SubscriptionCursors cursors, EventFeed feed, DeliveryProperties properties, List<EventSink> sinks,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.reader = reader;
        this.cursors = cursors;
        this.feed = feed;
        this.properties = properties;
        this.sinks = sinks.stream().collect(Collectors.toUnmodifiableMap(EventSink::mode, Function.identity()));
        this.clock = clock;
        feed.addListener(this);
        subscriptions.addListener(this);
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Subscription delivery is off on this node (kurir.subscriptions.delivery.enabled)");
            return;
        }
        workers = Executors.newFixedThreadPool(properties.workers(), daemon("kurir-subscription-delivery"));
        timer = Executors.newSingleThreadScheduledExecutor(daemon("kurir-subscription-timer"));
        running = true;
        subscriptions.deliveredByGateway().forEach(this::open);
        log.info("Delivering {} push and broker-queue subscriptions", lanes.size());
    }

    @Override
    public void stop() {
        running = false;
        if (workers != null) {
            timer.shutdownNow();
            workers.shutdown();
            try {
                workers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                cursors.releaseLeases(node);
            } catch (RuntimeException e) {
                log.warn(SubscriptionLogCode.LEASES_NOT_RELEASED + " subscription leases of {} not released (they "
                        + "run out): {}", node, e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts once the database and broker beans exist, before the web server; stops after the web server has
     * drained its requests (lifecycles stop from the highest phase down).
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    @Override
    public void appended(String product, long head) {
        lanes.values().stream().filter(lane -> lane.product.equals(product)).forEach(this::wake);
    }

    @Override
    public void created(Subscription subscription) {
        if (subscription.deliveryMode() != DeliveryMode.PULL && running) {
            open(subscription);
        }
    }

    @Override
    public void deleted(Subscription subscription) {
        Lane lane = lanes.remove(subscription.id());
        if (lane != null) {
            lane.closed = true;
        }
    }

    @Override
    public void cursorMoved(Subscription subscription) {
        Lane lane = lanes.get(subscription.id());
        if (lane != null) {
            lane.notBefore = 0;
            wake(lane);
        }
    }

    /**
     * Wakes the lanes of every feed that grew since the last sweep without this node being told: events another
     * node published. One query per feed, not per subscription; retries are woken by their own timers. Run by the
     * route {@code subscription-delivery-sweep} ({@code routes/subscriptions/}), so its interval is the operator's.
     */
    public void sweep() {
        if (!running) {
            return;
        }
        lanes.values().stream().map(lane -> lane.product).distinct().forEach(product -> {
            long head = feed.head(product);
            Long seen = sweptHeads.put(product, head);
            if (seen == null || head > seen) {
                appended(product, head);
            }
        });
    }

    private void open(Subscription subscription) {
        wake(lanes.computeIfAbsent(subscription.id(), id -> new Lane(id, subscription.product())));
    }

    private void wake(Lane lane) {
        lane.dirty.set(true);
        if (running && !lane.closed && clock.millis() >= lane.notBefore && lane.busy.compareAndSet(false, true)) {
            workers.execute(() -> run(lane));
        }
    }

    private void run(Lane lane) {
        lane.dirty.set(false);
        Subscription subscription = subscriptions.find(lane.id).orElse(null);
        if (subscription == null) {
            lanes.remove(lane.id);
            lane.closed = true;
            lane.busy.set(false);
            return;
        }
        Instant now = clock.instant();
        if (!cursors.lease(subscription, node, now, now.plus(properties.lease()))) {
            // Another node delivers it; look again in a while, in case that node has gone.
            rest(lane, properties.lease().dividedBy(4));
            return;
        }
        EventSink sink = sinks.get(subscription.deliveryMode());
        if (sink == null) {
            failed(lane, subscription, new IllegalStateException("no delivery of mode " + subscription.deliveryMode()
                    + " is installed on this node"));
            return;
        }
        int runSize = sink.runSize(properties.batch());
        FeedPage page;
        try {
            page = reader.next(subscription, runSize);
        } catch (RuntimeException e) {
            failed(lane, subscription, e);
            return;
        }
        if (page.isEmpty()) {
            // Only filtered-out events (or none): pass over them without a delivery.
            boolean moved = page.nextAfter() > subscription.cursor()
                    && cursors.delivered(subscription, page, subscription.deliveryMode());
            finish(lane, moved);
            return;
        }
        Duration window = sink.window();
        if (window.compareTo(Duration.ZERO) > 0 && !lane.collecting && page.events().size() < runSize) {
            // The window opens with its first event, so one file holds what a window brought, not one event.
            lane.collecting = true;
            rest(lane, window);
            return;
        }
        CompletableFuture<Void> delivery;
        try {
            delivery = sink.deliver(subscription, page);
        } catch (RuntimeException e) {
            delivery = CompletableFuture.failedFuture(e);
        }
        delivery.whenCompleteAsync((ok, error) -> {
            if (error != null) {
                failed(lane, subscription, error);
                return;
            }
            try {
                cursors.delivered(subscription, page, subscription.deliveryMode());
                lane.collecting = false;
                finish(lane, true);
            } catch (RuntimeException e) {
                failed(lane, subscription, e);
            }
        }, workers);
    }

    /** A lane waits: a batch lane for its window (what is published meanwhile goes in the same run), or a lease. */
    private void rest(Lane lane, Duration window) {
        lane.notBefore = clock.millis() + window.toMillis();
        lane.busy.set(false);
        if (running) {
            timer.schedule(() -> wake(lane), window.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void finish(Lane lane, boolean more) {
        lane.busy.set(false);
        if (more || lane.dirty.get()) {
            wake(lane);
        }
    }

    private void failed(Lane lane, Subscription subscription, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
        // The count lives with the subscription, so the back-off also continues across a restart.
        int attempts = subscription.attempts() + 1;
        Duration backoff = properties.backoff(attempts, ThreadLocalRandom.current().nextDouble());
        lane.notBefore = clock.millis() + backoff.toMillis();
        log.warn(SubscriptionLogCode.DELIVERY_FAILED + " subscription {} delivery failed (attempt {}), next try in "
                + "{} ms: {}", lane.id, attempts, backoff.toMillis(), cause.toString());
        try {
            cursors.deliveryFailed(subscription, attempts, cause.toString());
        } catch (RuntimeException e) {
            log.warn(SubscriptionLogCode.FAILURE_NOT_RECORDED + " subscription {}: failure not recorded: {}",
                    lane.id, e.toString());
        } finally {
            lane.busy.set(false);
        }
        if (running) {
            timer.schedule(() -> wake(lane), backoff.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
