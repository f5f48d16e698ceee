package se.kurir.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import se.kurir.support.NodeProcess;
import se.kurir.support.PostgresServer;

/**
 * The gateway core against its physical limit, in one run on one machine: (a) N messages of 1 KB through REST
 * ingress (policy, audit, state, durable queue) to a mailbox, fetched and acknowledged by the recipient, on H2 and on
 * PostgreSQL; (b) N persistent 1 KB JMS messages sent and received straight through an Artemis broker with the same
 * journal; (c) the ratios; then on the same node (d) accept latency at half the peak rate, (e) the broker ingress and
 * (f) asynch SHS against REST ({@link ShsIngress}). The gateway runs in a JVM of its own (as {@link NodeProcess}), so its figure is not the
 * load generator's; this JVM is the load generator and the raw broker. Each gateway run is recorded with Java Flight
 * Recorder and summarised by {@link FlightSummary}. Run with
 * {@code ./mvnw -Pbench verify -Dbench.messages=5000 -Dbench.concurrency=32} (see docs/BENCHMARKS.md).
 */
public final class CoreBenchmark {

    private static final String MAILBOX = "/api/v1/mailboxes/2021005521.kontroll/messages";

    private CoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = Integer.parseInt(args.length > 0 ? args[0] : "5000");
        int concurrency = Integer.parseInt(args.length > 1 ? args[1] : "32");
        List<String> databases = List.of((args.length > 2 ? args[2] : "h2,postgresql").split(","));
        // The raw broker logs every message it acknowledges at INFO (its audit loggers), which would be its bound.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.out.printf("Kurir core benchmark: %d messages of 1 KB, %d concurrent senders, %d cores; gateway in its "
                + "own JVM (1 GB heap), load generator and raw broker in this one (%d MB)%n", messages, concurrency,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        RawArtemis.run(messages / 5, concurrency); // warm-up: the broker's code compiled, as the gateway's is
        Result raw = RawArtemis.run(messages, concurrency);
        raw.print("(b) raw Artemis send + receive");
        for (String database : databases) {
            Optional<GatewayRun> run = gateway(database.trim(), messages, concurrency);
            if (run.isEmpty()) {
                continue;
            }
            Result gateway = run.get().saturated();
            System.out.println();
            System.out.printf("%-34s %10s %10s %10s %14s%n", "", "msg/s", "p50 ms", "p99 ms", "end-to-end/s");
            gateway.print("(a) Kurir on " + database + " accept + fetch/ack");
            raw.print("(b) raw Artemis send + receive");
            System.out.printf("(c) ratio (a)/(b) on %s: accept %.2f, end-to-end %.2f%n", database,
                    gateway.acceptRate() / raw.acceptRate(), gateway.endToEndRate() / raw.endToEndRate());
            System.out.println(run.get().followUps());
        }
    }

    private static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    /**
     * A gateway run: flat out over REST, then what followed on the same node (paced at half the rate it reached,
     * then through the broker ingress), as the lines that report it.
     */
    private record GatewayRun(Result saturated, String followUps) {
    }

    /** One gateway run on the database named; empty (and said) when PostgreSQL is not installed. */
    private static Optional<GatewayRun> gateway(String database, int messages, int concurrency) throws Exception {
        Path data = Files.createTempDirectory("kurir-bench-");
        Path recording = Path.of("target", "bench-core-" + database + ".jfr").toAbsolutePath();
        List<String> jvm = List.of("-Xmx1g", "-XX:StartFlightRecording=settings=profile,filename=" + recording);
        int brokerPort;
        try (var socket = new java.net.ServerSocket(0)) {
            brokerPort = socket.getLocalPort();
        }
        List<String> args = new ArrayList<>(List.of("--logging.level.root=WARN", "--logging.level.se.kurir=WARN",
                "--kurir.broker.acceptor=tcp://127.0.0.1:" + brokerPort + "?protocols=CORE"));
        PostgresServer postgres = null;
        try {
            if (database.equals("postgresql")) {
                var binaries = PostgresServer.binaries();
                if (binaries.isEmpty()) {
                    System.out.println("PostgreSQL: no server binaries under /usr/lib/postgresql; not measured");
                    return Optional.empty();
                }
                // Durable, as H2 is with WRITE_DELAY=0: every commit waits for its fsync.
                postgres = PostgresServer.start(binaries.get(), true);
                args.addAll(List.of("--spring.profiles.active=demo,postgres", "--KURIR_DB_URL="
                        + postgres.jdbcUrl("kurir"), "--KURIR_DB_USER=kurir", "--KURIR_DB_PASSWORD="));
            } else if (!database.equals("h2")) {
                throw new IllegalArgumentException("database: h2 or postgresql, not " + database);
            }
            Result result;
            String followUps;
            Instant from;
            Instant to;
            try (NodeProcess node = NodeProcess.start(data, data.resolve("node.log"), jvm,
                    args.toArray(String[]::new))) {
                from = Instant.now();
                Duration cpuBefore = cpu(node.pid());
                double recordsBefore = node.api().metric("kurir_audit_records_total");
                double commitsBefore = node.api().metric("kurir_audit_commits_total");
                result = gateway(node.api(), messages, concurrency);
                Duration cpu = cpu(node.pid()).minus(cpuBefore);
                to = Instant.now();
                double records = node.api().metric("kurir_audit_records_total") - recordsBefore;
                double commits = node.api().metric("kurir_audit_commits_total") - commitsBefore;
                System.out.printf("gateway on %s: %.2f ms of CPU per message end to end (its own process); "
                        + "%.0f state changes in %.0f database commits, %.1f per commit%n", database,
                        cpu.toNanos() / 1e6 / messages, records, commits, records / commits);
                String paced = paced(node.api(), result.acceptRate() / 2, messages / 4);
                Duration ingressBefore = cpu(node.pid());
                String ingress = BrokerIngress.run(brokerPort, node.api(), messages, concurrency);
                double ingressCpu = cpu(node.pid()).minus(ingressBefore).toNanos() / 1e6 / messages;
                String shs = ShsIngress.run(node.port(), node.api(), messages / 2, concurrency);
                followUps = String.format("%s%n%s, %.2f ms of the gateway's CPU per message%n%s", paced, ingress,
                        ingressCpu, shs);
            }
            System.out.println();
            System.out.println("Where the gateway's CPU went on " + database + " during the run (" + recording + "):");
            FlightSummary.print(recording, from, to, System.out);
            return Optional.of(new GatewayRun(result, followUps));
        } finally {
            if (postgres != null) {
                postgres.close();
            }
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

    /**
     * Offers messages at a fixed rate, whatever the answers take (an open loop, as independent agency systems send),
     * and says the accept latency: the figure that says whether a burst waits at the door.
     */
    static String paced(Api api, double rate, int messages) throws Exception {
        String envelope = Envelopes.inkomstuppgift(null);
        byte[] payload = kilobyte();
        long[] accept = new long[messages];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(messages);
        ExecutorService senders = Executors.newCachedThreadPool();
        var clock = Executors.newSingleThreadScheduledExecutor();
        long period = (long) (1e9 / rate);
        clock.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n >= messages) {
                return;
            }
            senders.submit(() -> {
                long start = System.nanoTime();
                var answer = api.sendMessage(Api.SKATTEVERKET, envelope, payload);
                accept[n] = System.nanoTime() - start;
                done.countDown();
                if (answer.status() != 202) {
                    throw new IllegalStateException("not accepted: " + answer.body());
                }
            });
        }, 0, period, TimeUnit.NANOSECONDS);
        done.await(30, TimeUnit.MINUTES);
        clock.shutdownNow();
        senders.shutdown();
        return String.format("(d) accept at half the peak rate, %.0f msg/s offered, %d messages: p50 %.2f ms, "
                + "p99 %.2f ms", rate, messages, percentile(accept, 50), percentile(accept, 99));
    }

    private static void warmUp(Api api, String envelope, byte[] payload) {
        for (int i = 0; i < 200; i++) {
            api.sendMessage(Api.SKATTEVERKET, envelope, payload);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] kilobyte() {
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
