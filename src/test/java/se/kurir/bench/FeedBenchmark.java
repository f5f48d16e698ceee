package se.kurir.bench;

import com.sun.net.httpserver.HttpServer;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.support.Api;
import se.kurir.support.FeedEvents;
import se.kurir.support.KurirNode;

/**
 * Subscriptions at scale, in one run on one machine. Fan-out: one product, S subscriptions (half pushed to a local
 * receiver, half pulled), E events of 1 KB published over REST; publish rate, time until the last subscriber has
 * everything, heap, and stored bytes against events x subscribers. Against it, the physical limit: the same E
 * persistent 1 KB messages through a raw Artemis topic with S durable subscriptions. Catch-up: a pull subscriber C
 * events behind reads them all; against it, a raw JDBC scan of the same rows.
 * Run with {@code ./mvnw -Pbench-feed verify} (see docs/BENCHMARKS.md).
 */
public final class FeedBenchmark {

    private static final String PRODUCT = FeedEvents.SAMORDNINGSNUMMER;
    private static final AtomicLong peakHeap = new AtomicLong();

    private FeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int subscriptions = Integer.parseInt(args.length > 0 ? args[0] : "500");
        int events = Integer.parseInt(args.length > 1 ? args[1] : "10000");
        int behind = Integer.parseInt(args.length > 2 ? args[2] : "1000000");
        System.out.printf("Kurir feed benchmark: %d subscriptions, %d events of 1 KB, catch-up of %d; %d cores, "
                + "%d MB max heap%n", subscriptions, events, behind, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        var sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 100,
                TimeUnit.MILLISECONDS);
        Path data = Files.createTempDirectory("kurir-feed-bench-");
        try (PushCounter receiver = new PushCounter();
                KurirNode node = KurirNode.start(data, Map.of("logging.level.root", "WARN",
                        "logging.level.se.kurir", "WARN", "kurir.demo.push-url", receiver.url(),
                        "kurir.subscriptions.delivery.batch", "500"))) {
            double kurir = fanOut(node, receiver, subscriptions, events);
            double raw = rawArtemisFanOut(node.bean(ConnectionFactory.class), subscriptions, events);
            System.out.printf("(c) raw Artemis topic, %d durable subscriptions: everything delivered in %.1f s; ratio "
                    + "(c)/(b) in time to the last subscriber %.2f%n", subscriptions, raw, raw / kurir);
            catchUp(node, behind);
        } finally {
            sampler.shutdownNow();
            CoreBenchmark.deleteTree(data);
        }
    }

    /** Returns the seconds from the first publish until the last subscriber has every event. */
    private static double fanOut(KurirNode node, PushCounter receiver, int subscriptions, int events)
            throws Exception {
        Api api = node.api();
        List<String> pushed = new ArrayList<>();
        List<String> pulled = new ArrayList<>();
        for (int i = 0; i < subscriptions; i++) {
            boolean push = i % 2 == 0;
            var created = api.post(push ? Api.PENSIONSMYNDIGHETEN : Api.FORSAKRINGSKASSAN, "/api/v1/subscriptions",
                    push ? FeedEvents.subscription(PRODUCT, "PUSH", "\"pushMailbox\": \"2021006297.notiser\"")
                            : FeedEvents.pull(PRODUCT));
            (push ? pushed : pulled).add(created.json().get("id").asText());
        }
        long startHead = api.post(Api.SKATTEVERKET, "/api/v1/products/" + PRODUCT + "/events", event())
                .json().get("sequence").asLong();
        long target = startHead + events;
        heapAfterGc();
        peakHeap.set(0);

        long start = System.nanoTime();
        ExecutorService publishers = Executors.newFixedThreadPool(32);
        AtomicInteger left = new AtomicInteger(events);
        AtomicLong publishDone = new AtomicLong();
        for (int t = 0; t < 32; t++) {
            publishers.execute(() -> {
                while (left.getAndDecrement() > 0) {
                    var r = api.post(Api.SKATTEVERKET, "/api/v1/products/" + PRODUCT + "/events", event());
                    if (r.status() != 201) {
                        throw new IllegalStateException(r.body());
                    }
                }
                publishDone.accumulateAndGet(System.nanoTime(), Math::max);
            });
        }
        ExecutorService pullers = Executors.newFixedThreadPool(32);
        Map<String, Long> pullDone = new ConcurrentHashMap<>();
        CountDownLatch allPulled = new CountDownLatch(pulled.size());
        for (String id : pulled) {
            pullers.execute(() -> pull(api, id, target, pullDone, allPulled, pullers));
        }
        publishers.shutdown();
        publishers.awaitTermination(30, TimeUnit.MINUTES);
        double publishSeconds = (publishDone.get() - start) / 1e9;
        allPulled.await(30, TimeUnit.MINUTES);
        receiver.awaitAll(pushed, target);
        long end = System.nanoTime();
        pullers.shutdownNow();

        JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
        long storedBytes = jdbc.queryForObject("SELECT SUM(LENGTH(payload)) FROM feed_events", Long.class);
        long storedEvents = jdbc.queryForObject("SELECT COUNT(*) FROM feed_events", Long.class);
        System.out.printf("(a) publish: %d events in %.1f s = %.0f events/s (32 publishers over REST)%n", events,
                publishSeconds, events / publishSeconds);
        System.out.printf("(b) fan-out: last of %d subscribers (%d push, %d pull) complete %.1f s after the first "
                + "publish; %.0f deliveries/s%n", subscriptions, pushed.size(), pulled.size(), (end - start) / 1e9,
                (double) events * subscriptions / ((end - start) / 1e9));
        System.out.printf("    storage: %d events, %d payload bytes stored (%.0f per event); one copy per subscriber "
                + "would be %d bytes%n", storedEvents, storedBytes, (double) storedBytes / storedEvents,
                storedBytes * subscriptions);
        System.out.printf("    heap: peak %d MB during fan-out, %d MB after GC%n", peakHeap.get() >> 20,
                heapAfterGc() >> 20);
        return (end - start) / 1e9;
    }

    private static void pull(Api api, String id, long target, Map<String, Long> done, CountDownLatch allPulled,
            ExecutorService pool) {
        var page = api.get(Api.FORSAKRINGSKASSAN, "/api/v1/subscriptions/" + id + "/feed?limit=1000&wait=1").json();
        long next = page.get("nextAfter").asLong();
        if (page.get("events").size() > 0) {
            api.put(Api.FORSAKRINGSKASSAN, "/api/v1/subscriptions/" + id + "/cursor", "{\"after\": " + next + "}");
        }
        if (next >= target) {
            done.put(id, System.nanoTime());
            allPulled.countDown();
        } else if (!pool.isShutdown()) {
            pool.execute(() -> pull(api, id, target, done, allPulled, pool)); // round robin over the subscribers
        }
    }

    private static double rawArtemisFanOut(ConnectionFactory factory, int subscriptions, int events)
            throws Exception {
        byte[] kilobyte = new byte[1024];
        CountDownLatch received = new CountDownLatch(subscriptions);
        List<Connection> connections = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            Connection connection = factory.createConnection();
            connection.start();
            connections.add(connection);
        }
        for (int i = 0; i < subscriptions; i++) {
            Session session = connections.get(i % 8).createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createSharedDurableConsumer(session.createTopic("bench.feed"),
                    "bench-sub-" + i);
            AtomicInteger count = new AtomicInteger();
            consumer.setMessageListener(m -> {
                if (count.incrementAndGet() == events) {
                    received.countDown();
                }
            });
        }
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        AtomicInteger left = new AtomicInteger(events);
        for (int t = 0; t < 32; t++) {
            senders.execute(() -> {
                try (Connection connection = factory.createConnection()) {
                    Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
                    Topic topic = session.createTopic("bench.feed");
                    MessageProducer producer = session.createProducer(topic);
                    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                    while (left.getAndDecrement() > 0) {
                        var message = session.createBytesMessage();
                        message.writeBytes(kilobyte);
                        producer.send(message);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        senders.shutdown();
        received.await(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Connection connection : connections) {
            connection.close();
        }
        return seconds;
    }

    /** Loads C events straight into the feed's table (setup, not measured), then one subscriber reads them all. */
    private static void catchUp(KurirNode node, int behind) {
        JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
        String product = FeedEvents.FORETAGSFORANDRING;
        String legalBasis = "{\"statute\":\"SFS 2005:551\",\"provision\":\"8 kap. 4 §\",\"disclosureMode\":"
                + "\"SUBSCRIPTION\",\"purpose\":\"handlaggning\",\"classification\":\"NONE\",\"personalData\":false,"
                + "\"retention\":\"P1Y\"}";
        String payload = "{\"organisationsnummer\":\"5599990001\",\"sate\":\"Stockholm\",\"beskrivning\":\""
                + "x".repeat(900) + "\"}";
        Timestamp now = Timestamp.from(Instant.now());
        for (int from = 1; from <= behind; from += 10_000) {
            List<Object[]> rows = new ArrayList<>();
            for (long s = from; s < from + 10_000 && s <= behind; s++) {
                rows.add(new Object[] {product, s, "00000000-0000-0000-0000-" + String.format("%012d", s),
                    "SATE_ANDRAT", "5599990001", "2021005489", "bolagsverket-foretagsforandring", legalBasis,
                    payload, now});
            }
            jdbc.batchUpdate("INSERT INTO feed_events (product, sequence, event_id, event_type, subject_key, "
                    + "publisher, agreement_id, legal_basis, payload, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?)", rows);
        }
        jdbc.update("INSERT INTO feeds (product, last_sequence) VALUES (?, ?)", product, behind);

        Api api = node.api();
        String id = api.post(Api.FORSAKRINGSKASSAN, "/api/v1/subscriptions",
                FeedEvents.subscription(product, "PULL", "\"start\": \"1\"")).json().get("id").asText();
        heapAfterGc();
        peakHeap.set(0);
        long start = System.nanoTime();
        long read = 0;
        long after = 0;
        while (after < behind) {
            var page = api.get(Api.FORSAKRINGSKASSAN, "/api/v1/subscriptions/" + id + "/feed?limit=1000").json();
            read += page.get("events").size();
            after = page.get("nextAfter").asLong();
            api.put(Api.FORSAKRINGSKASSAN, "/api/v1/subscriptions/" + id + "/cursor", "{\"after\": " + after + "}");
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        long rawStart = System.nanoTime();
        AtomicLong rawRows = new AtomicLong();
        jdbc.query("SELECT sequence, payload FROM feed_events WHERE product = ? ORDER BY sequence", rs -> {
            rs.getLong(1);
            rs.getString(2);
            rawRows.incrementAndGet();
        }, product);
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
        System.out.printf("(d) catch-up: %d events in %.1f s = %.0f events/s (pages of 1,000 over REST, cursor "
                + "committed per page); heap peak %d MB%n", read, seconds, read / seconds, peakHeap.get() >> 20);
        System.out.printf("(e) raw JDBC scan of the same rows: %.0f rows/s; ratio (d)/(e) %.2f%n",
                rawRows.get() / rawSeconds, (read / seconds) / (rawRows.get() / rawSeconds));
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String event() {
        String event = FeedEvents.samordningsnummer(null, "ANDRAT");
        // About 1 KB: a c/o line that Pensionsmyndigheten (entitled to adress) receives and Försäkringskassan not.
        return event.replace("\"kommun\": \"0180\"}", "\"kommun\": \"0180\", \"co\": \"" + "c".repeat(744) + "\"}");
    }

    /** A push endpoint that only counts: the highest sequence each subscription has received. */
    private static final class PushCounter implements AutoCloseable {
        private final HttpServer server;
        private final Map<String, Long> last = new ConcurrentHashMap<>();

        PushCounter() throws java.io.IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.createContext("/events", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                last.merge(exchange.getRequestHeaders().getFirst("Kurir-Subscription"),
                        Long.parseLong(exchange.getRequestHeaders().getFirst("Kurir-Last-Sequence")), Math::max);
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
        }

        void awaitAll(List<String> subscriptions, long target) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (subscriptions.stream().anyMatch(id -> last.getOrDefault(id, 0L) < target)
                    && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20); // a benchmark polling its own counter, not a test
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
