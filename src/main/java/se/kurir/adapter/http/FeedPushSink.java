package se.kurir.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Registry;
import se.kurir.subscription.DeliveryMode;
import se.kurir.subscription.FeedItem;
import se.kurir.subscription.FeedPage;
import se.kurir.subscription.Subscription;
import se.kurir.subscription.delivery.EventSink;

/**
 * Posts a run of events as one JSON document to the push endpoint of the subscription's mailbox. Each event carries
 * its sequence and idempotency key; the headers name the run. Any 2xx answer means the subscriber has the whole run.
 * The wait for the answer holds no thread, so a hanging endpoint delays only its own subscription.
 */
@Component
class FeedPushSink implements EventSink {

    /** The body of a push: the subscription, and its events in order. */
    record PushedRun(String subscription, String product, List<FeedItem> events, long nextAfter) {
    }

    private final HttpClient http;
    private final Registry registry;
    private final ObjectMapper json;
    private final Duration requestTimeout;

    FeedPushSink(Registry registry, ObjectMapper json, OutboundHttp http, PushProperties properties) {
        this.registry = registry;
        this.json = json;
        this.requestTimeout = properties.requestTimeout();
        this.http = http.client();
    }

    @Override
    public DeliveryMode mode() {
        return DeliveryMode.PUSH;
    }

    @Override
    public CompletableFuture<Void> deliver(Subscription subscription, FeedPage page) {
        String url = registry.mailbox(subscription.pushMailbox()).map(Mailbox::pushUrl).orElse(null);
        if (url == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("mailbox " + subscription.pushMailbox()
                    + " has no push endpoint any more"));
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(new PushedRun(subscription.id(), subscription.product(), page.events(),
                    page.nextAfter()));
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<FeedItem> events = page.events();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Kurir-Subscription", subscription.id())
                .header("Kurir-Product", subscription.product())
                .header("Kurir-First-Sequence", Long.toString(events.get(0).sequence()))
                .header("Kurir-Last-Sequence", Long.toString(events.get(events.size() - 1).sequence()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(response -> {
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " from "
                        + URI.create(url).getHost());
            }
            return null;
        });
    }
}
