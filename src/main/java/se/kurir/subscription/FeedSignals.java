package se.kurir.subscription;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * Wakes long-polling feed readers when their product's feed grows, so a reader waits without spinning. A reader
 * names the head it has seen; if the feed has already passed it, the wake-up comes at once.
 */
@Component
public class FeedSignals implements FeedListener {

    private final EventFeed feed;
    private final Map<String, Long> heads = new ConcurrentHashMap<>();
    private final Map<String, List<CompletableFuture<Long>>> waiting = new ConcurrentHashMap<>();

    FeedSignals(EventFeed feed) {
        this.feed = feed;
        feed.addListener(this);
    }

    /** Completes with the new head once the product's feed is past {@code seenHead}. */
    public CompletableFuture<Long> nextAfter(String product, long seenHead) {
        CompletableFuture<Long> signal = new CompletableFuture<>();
        List<CompletableFuture<Long>> list = waiting.computeIfAbsent(product, p -> new CopyOnWriteArrayList<>());
        list.add(signal);
        // Registered first, checked second: an append in between is seen here or wakes the signal, never neither.
        long head = heads.getOrDefault(product, 0L);
        if (head > seenHead) {
            signal.complete(head);
        }
        signal.whenComplete((h, e) -> list.remove(signal));
        return signal;
    }

    /**
     * Wakes readers of feeds another node appended to, which this node is not told of: one head query per product
     * someone waits on. Run by the route {@code subscription-delivery-sweep}, so a reader on one node hears of an
     * event published on another within the sweep interval, not at the end of its wait.
     */
    public void sweep() {
        waiting.forEach((product, readers) -> {
            if (!readers.isEmpty()) {
                long head = feed.head(product);
                if (head > heads.getOrDefault(product, 0L)) {
                    appended(product, head);
                }
            }
        });
    }

    @Override
    public void appended(String product, long head) {
        heads.merge(product, head, Math::max);
        List<CompletableFuture<Long>> list = waiting.get(product);
        if (list != null) {
            list.forEach(signal -> signal.complete(head));
        }
    }
}
