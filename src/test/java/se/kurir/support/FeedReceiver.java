package se.kurir.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An agency system's endpoint for pushed subscription events, on loopback. Answers are planned per subscription
 * (a status, or {@link #HANG} to answer far too late); unplanned runs get 200 after the configured delay. It keeps
 * every run it accepted (2xx) and counts every attempt.
 */
public final class FeedReceiver implements AutoCloseable {

    public static final int HANG = -1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A run the receiver accepted. */
    public record Run(String subscription, List<JsonNode> events) {
        public List<Long> sequences() {
            return events.stream().map(e -> e.get("sequence").asLong()).toList();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Integer>> plans = new ConcurrentHashMap<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final List<Run> accepted = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;

    public FeedReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/events", exchange -> {
            String subscription = exchange.getRequestHeaders().getFirst("Kurir-Subscription");
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = JSON.readTree(in);
            }
            attempts.merge(subscription, 1, Integer::sum);
            Deque<Integer> plan = plans.get(subscription);
            Integer planned = plan == null ? null : plan.poll();
            int status = planned == null ? 200 : planned;
            pause(status == HANG ? Duration.ofSeconds(20) : delay); // an endpoint that is busy, not a test waiting
            if (status / 100 == 2) {
                List<JsonNode> events = new ArrayList<>();
                body.get("events").forEach(events::add);
                accepted.add(new Run(subscription, events));
            }
            exchange.sendResponseHeaders(status == HANG ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    /** The next answers for this subscription, in order; after them, 200. */
    public void plan(String subscription, Integer... statuses) {
        plans.put(subscription, new ArrayDeque<>(List.of(statuses)));
    }

    /** Every subscription's answers come this much later from now on. */
    public void delayEachAnswer(Duration delay) {
        this.delay = delay;
    }

    public List<Run> runs(String subscription) {
        return accepted.stream().filter(r -> subscription.equals(r.subscription())).toList();
    }

    /** The sequences accepted for the subscription, in the order they arrived, repeats included. */
    public List<Long> sequences(String subscription) {
        return runs(subscription).stream().flatMap(r -> r.sequences().stream()).toList();
    }

    public int attempts(String subscription) {
        return attempts.getOrDefault(subscription, 0);
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
