package se.kurir.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.KurirNode;

/**
 * The gateway core against its physical limit, in one run on one machine: (a) N messages of 1 KB through REST
 * ingress (policy, audit, state, durable queue) to a mailbox, fetched and acknowledged by the recipient; (b) N
 * persistent 1 KB JMS messages sent and received straight through the same embedded Artemis; (c) the ratios.
 * Run with {@code ./mvnw -Pbench verify -Dbench.messages=5000 -Dbench.concurrency=32} (see docs/BENCHMARKS.md).
 */
public final class CoreBenchmark {

    private static final String MAILBOX = "/api/v1/mailboxes/2021005521.kontroll/messages";

    private CoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = Integer.parseInt(args.length > 0 ? args[0] : "5000");
        int concurrency = Integer.parseInt(args.length > 1 ? args[1] : "32");
        Path data = Files.createTempDirectory("kurir-bench-");
        System.out.printf("Kurir core benchmark: %d messages of 1 KB, %d concurrent senders, %d cores, %d MB max heap%n",
                messages, concurrency, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        try (KurirNode node = KurirNode.start(data, Map.of("logging.level.root", "WARN",
                "logging.level.se.kurir", "WARN"))) {
            Result gateway = gateway(node.api(), messages, concurrency);
            Result raw = rawArtemis(node.bean(ConnectionFactory.class), messages, concurrency);
            System.out.println();
            System.out.printf("%-34s %10s %10s %10s %14s%n", "", "msg/s", "p50 ms", "p99 ms", "end-to-end/s");
            gateway.print("(a) Kurir REST accept + fetch/ack");
            raw.print("(b) raw Artemis send + receive");
            System.out.printf("(c) ratio (a)/(b): accept %.2f, end-to-end %.2f%n",
                    gateway.acceptRate() / raw.acceptRate(), gateway.endToEndRate() / raw.endToEndRate());
        } finally {
            deleteTree(data);
        }
    }

    record Result(long[] acceptNanos, long[] endToEndNanos, long acceptWallNanos, long endToEndWallNanos) {
        double acceptRate() {
            return acceptNanos.length * 1e9 / acceptWallNanos;
        }

        double endToEndRate() {
            return endToEndNanos.length * 1e9 / endToEndWallNanos;
        }

        void print(String label) {
            System.out.printf("%-34s %10.0f %10.2f %10.2f %14.0f   (end-to-end p50 %.2f ms, p99 %.2f ms)%n", label,
                    acceptRate(), percentile(acceptNanos, 50), percentile(acceptNanos, 99), endToEndRate(),
                    percentile(endToEndNanos, 50), percentile(endToEndNanos, 99));
        }
    }

    /** Senders post; the recipient lists DELIVERED messages, fetches each payload and acknowledges it. */
    static Result gateway(Api api, int messages, int concurrency) throws Exception {
        String envelope = Envelopes.inkomstuppgift(null);
        byte[] payload = kilobyte();
        warmUp(api, envelope, payload);
        Map<String, Long> startedAt = new ConcurrentHashMap<>();
        long[] accept = new long[messages];
        long[] endToEnd = new long[messages];
        AtomicInteger acked = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        ExecutorService fetchers = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(messages);
        long t0 = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            int n = i;
            senders.submit(() -> {
                long start = System.nanoTime();
                String id = UUID.randomUUID().toString();
                startedAt.put(id, start);
                var answer = api.sendMessage(Api.SKATTEVERKET, envelope.replace("{\"recipient\"",
                        "{\"messageId\": \"" + id + "\", \"recipient\""), payload);
                if (answer.status() != 202) {
                    throw new IllegalStateException("not accepted: " + answer.body());
                }
                accept[n] = System.nanoTime() - start;
            });
        }
        senders.shutdown();
        // The recipient works like a client: take a page of delivered messages, fetch and acknowledge all of it in
        // parallel, then ask for the next page; wait a little only when the mailbox is empty.
        Thread recipient = new Thread(() -> {
            while (done.getCount() > 0) {
                var page = api.get(Api.FORSAKRINGSKASSAN, MAILBOX + "?state=DELIVERED&limit=200").json()
                        .get("messages");
                if (page.isEmpty()) {
                    sleepQuietly(10);
                    continue;
                }
                List<java.util.concurrent.Future<?>> work = new ArrayList<>();
                page.forEach(m -> {
                    String id = m.get("messageId").asText();
                    work.add(fetchers.submit(() -> {
                        api.get(Api.FORSAKRINGSKASSAN, MAILBOX + "/" + id + "/payload");
                        api.post(Api.FORSAKRINGSKASSAN, MAILBOX + "/" + id + "/ack", null);
                        Long start = startedAt.get(id);
                        if (start != null) {
                            endToEnd[acked.getAndIncrement()] = System.nanoTime() - start;
                            done.countDown();
                        }
                    }));
                });
                for (var w : work) {
                    try {
                        w.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        });
        recipient.start();
        senders.awaitTermination(30, TimeUnit.MINUTES);
        long acceptWall = System.nanoTime() - t0;
        done.await(30, TimeUnit.MINUTES);
        long endToEndWall = System.nanoTime() - t0;
        recipient.join();
        fetchers.shutdown();
        return new Result(accept, endToEnd, acceptWall, endToEndWall);
    }

    private static void warmUp(Api api, String envelope, byte[] payload) {
        for (int i = 0; i < 200; i++) {
            api.sendMessage(Api.SKATTEVERKET, envelope, payload);
        }
    }

    /** The same number of persistent 1 KB messages through the same embedded broker, same sender concurrency. */
    static Result rawArtemis(ConnectionFactory factory, int messages, int concurrency) throws Exception {
        byte[] body = kilobyte();
        long[] send = new long[messages];
        long[] endToEnd = new long[messages];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session consumerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = consumerSession.createConsumer(consumerSession.createQueue("bench.raw"));
            CountDownLatch done = new CountDownLatch(messages);
            consumer.setMessageListener(message -> {
                try {
                    endToEnd[received.getAndIncrement()] = System.nanoTime() - message.getLongProperty("sentAt");
                    done.countDown();
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
            ExecutorService senders = Executors.newFixedThreadPool(concurrency);
            long t0 = System.nanoTime();
            for (int t = 0; t < concurrency; t++) {
                senders.submit(() -> {
                    try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                        MessageProducer producer = session.createProducer(session.createQueue("bench.raw"));
                        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                        for (int n; (n = next.getAndIncrement()) < messages;) {
                            BytesMessage message = session.createBytesMessage();
                            message.writeBytes(body);
                            long start = System.nanoTime();
                            message.setLongProperty("sentAt", start);
                            producer.send(message);
                            send[n] = System.nanoTime() - start;
                        }
                    }
                    return null;
                });
            }
            senders.shutdown();
            senders.awaitTermination(30, TimeUnit.MINUTES);
            long sendWall = System.nanoTime() - t0;
            done.await(30, TimeUnit.MINUTES);
            long endToEndWall = System.nanoTime() - t0;
            consumerSession.close();
            return new Result(send, endToEnd, sendWall, endToEndWall);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] kilobyte() {
        byte[] bytes = new byte[1024];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    static void deleteTree(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            List<Path> paths = new ArrayList<>(files.toList());
            paths.sort((a, b) -> b.getNameCount() - a.getNameCount());
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }
}
