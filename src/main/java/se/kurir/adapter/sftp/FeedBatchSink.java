package se.kurir.adapter.sftp;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import se.kurir.payload.Sha256;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Registry;
import se.kurir.subscription.DeliveryMode;
import se.kurir.subscription.FeedItem;
import se.kurir.subscription.FeedPage;
import se.kurir.subscription.Subscription;
import se.kurir.subscription.delivery.EventSink;

/**
 * SFTP batch delivery of a subscription: each run is one file in the file inbox of the subscription's mailbox,
 * {@code <subscription>-<first>-<last>.jsonl} (one event per line, as a pushed run carries them), written under a
 * temporary name and renamed when complete, then its manifest {@code .manifest.json} with the file's SHA-256, size and
 * sequences. One run per window ({@code kurir.files.subscription-window}), more when a window had more events than
 * one file takes. A file written again after a failure has the same name and content, so the receiver can drop
 * repeats by name or by each event's idempotency key.
 */
@Component
final class FeedBatchSink implements EventSink {

    private final FileInboxes inboxes;
    private final Registry registry;
    private final FileTransferProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    FeedBatchSink(FileInboxes inboxes, Registry registry, FileTransferProperties properties, ObjectMapper json,
            Clock clock) {
        this.inboxes = inboxes;
        this.registry = registry;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public DeliveryMode mode() {
        return DeliveryMode.SFTP_BATCH;
    }

    @Override
    public int runSize(int batch) {
        return properties.subscriptionBatchEvents();
    }

    @Override
    public Duration window() {
        return properties.subscriptionWindow();
    }

    @Override
    public CompletableFuture<Void> deliver(Subscription subscription, FeedPage page) {
        try {
            Mailbox mailbox = registry.mailbox(subscription.pushMailbox()).orElseThrow(() ->
                    new IllegalStateException("mailbox " + subscription.pushMailbox() + " is no longer registered"));
            FileServer server = inboxes.serverOf(mailbox);
            List<FeedItem> events = page.events();
            long first = events.get(0).sequence();
            long last = events.get(events.size() - 1).sequence();
            String name = subscription.id() + "-" + first + "-" + last + ".jsonl";
            byte[] batch = lines(events);
            var manifest = new LinkedHashMap<String, Object>();
            manifest.put("subscription", subscription.id());
            manifest.put("product", subscription.product());
            manifest.put("firstSequence", first);
            manifest.put("lastSequence", last);
            manifest.put("count", events.size());
            manifest.put("sha256", Sha256.of(batch));
            manifest.put("size", batch.length);
            manifest.put("writtenAt", clock.instant().toString());
            inboxes.write(server, batch, name, json.writeValueAsBytes(manifest));
            return CompletableFuture.completedFuture(null);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private byte[] lines(List<FeedItem> events) throws IOException {
        var out = new ByteArrayOutputStream();
        for (FeedItem event : events) {
            json.writeValue(out, event);
            out.write('\n');
        }
        return out.toByteArray();
    }
}
