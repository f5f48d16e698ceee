package se.kurir.adapter.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.security.BrokerAccess;
import se.kurir.subscription.DeliveryMode;
import se.kurir.subscription.EventFeed;
import se.kurir.subscription.FeedPage;
import se.kurir.subscription.FeedSignals;
import se.kurir.subscription.NewSubscription;
import se.kurir.subscription.Subscription;
import se.kurir.subscription.SubscriptionCatalogue;
import se.kurir.subscription.SubscriptionCursors;
import se.kurir.subscription.SubscriptionFilter;
import se.kurir.subscription.SubscriptionReader;

/**
 * A consumer's subscriptions (abonnemang) and their feeds. Everything here is about the caller's own subscriptions;
 * another participant's do not exist for it (404).
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController implements DisposableBean {

    static final int MAX_PAGE = 1000;
    static final int MAX_WAIT_SECONDS = 30;

    private final SubscriptionCatalogue subscriptions;
    private final SubscriptionReader reader;
    private final SubscriptionCursors cursors;
    private final EventFeed feed;
    private final FeedSignals signals;
    /** Re-reads a feed after a wake-up; the wait itself holds no thread. */
    private final ExecutorService pollers = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "kurir-feed-poll");
        thread.setDaemon(true);
        return thread;
    });

    SubscriptionController(SubscriptionCatalogue subscriptions, SubscriptionReader reader,
            SubscriptionCursors cursors, EventFeed feed, FeedSignals signals) {
        this.subscriptions = subscriptions;
        this.reader = reader;
        this.cursors = cursors;
        this.feed = feed;
        this.signals = signals;
    }

    /**
     * @param lag events in the feed after the cursor (before filtering): how far behind the subscriber is
     */
    record SubscriptionView(String id, String product, String agreement, DeliveryMode deliveryMode,
            String pushMailbox, SubscriptionFilter filter, long after, long head, long lag, Instant createdAt,
            int failedAttempts, String lastError, String queue) {
    }

    /** Either {@code after} (a sequence: commit, or rewind to replay) or {@code from} (an instant: replay from it). */
    record CursorMove(Long after, Instant from) {
    }

    @Operation(summary = "Subscribe to a product's feed under an agreement that allows SUBSCRIPTION")
    @PostMapping
    ResponseEntity<SubscriptionView> create(@RequestBody NewSubscription request, Authentication caller) {
        Subscription created = subscriptions.create(caller.getName(), request);
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + created.id())).body(view(created));
    }

    @Operation(summary = "The caller's subscriptions")
    @GetMapping
    List<SubscriptionView> list(Authentication caller) {
        return subscriptions.list(caller.getName()).stream().map(this::view).toList();
    }

    @Operation(summary = "One of the caller's subscriptions, with its cursor and lag")
    @GetMapping("/{id}")
    SubscriptionView get(@PathVariable String id, Authentication caller) {
        return view(subscriptions.get(caller.getName(), id));
    }

    @Operation(summary = "End a subscription; its cursor (and JMS queue) go with it")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Authentication caller) {
        subscriptions.delete(caller.getName(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The next events after a position (default: the committed cursor); waits up to `wait` "
            + "seconds for one when there is none yet. Reading does not move the cursor: commit `nextAfter`.")
    @GetMapping("/{id}/feed")
    CompletableFuture<FeedPage> feed(@PathVariable String id, @RequestParam(required = false) Long after,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int wait,
            Authentication caller) {
        Limits.check("limit", limit, MAX_PAGE);
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw new BadRequestException(RestProblem.PARAMETER_INVALID, "wait: must be between 0 and "
                    + MAX_WAIT_SECONDS
                    + " seconds");
        }
        if (after != null && after < 0) {
            throw new BadRequestException(RestProblem.PARAMETER_INVALID, "after: must be 0 or more");
        }
        return poll(caller.getName(), id, after, limit, System.nanoTime() + TimeUnit.SECONDS.toNanos(wait));
    }

    @Operation(summary = "Commit the cursor (after the events kept), or move it back to replay from a sequence or "
            + "an instant")
    @PutMapping("/{id}/cursor")
    SubscriptionView moveCursor(@PathVariable String id, @RequestBody CursorMove move, Authentication caller) {
        return view(cursors.moveCursor(caller.getName(), id, move.after(), move.from()));
    }

    private CompletableFuture<FeedPage> poll(String consumer, String id, Long after, int limit, long deadline) {
        FeedPage page = reader.read(consumer, id, after, limit);
        long remaining = deadline - System.nanoTime();
        if (!page.isEmpty() || remaining <= 0) {
            return CompletableFuture.completedFuture(page);
        }
        return signals.nextAfter(page.product(), Math.max(page.head(), page.nextAfter()))
                .completeOnTimeout(null, remaining, TimeUnit.NANOSECONDS)
                .thenComposeAsync(head -> head == null ? CompletableFuture.completedFuture(page)
                        : poll(consumer, id, page.nextAfter(), limit, deadline), pollers);
    }

    private SubscriptionView view(Subscription s) {
        long head = feed.head(s.product());
        return new SubscriptionView(s.id(), s.product(), s.agreementId(), s.deliveryMode(), s.pushMailbox(),
                s.filter(), s.cursor(), head, Math.max(0, head - s.cursor()), s.createdAt(), s.attempts(),
                s.lastError(), s.deliveryMode() == DeliveryMode.JMS ? BrokerAccess.feedQueue(s) : null);
    }

    @Override
    public void destroy() {
        pollers.shutdownNow();
    }
}
