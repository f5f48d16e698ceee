package se.kurir.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.support.Api;
import se.kurir.support.FederatedNodes;
import se.kurir.support.KurirNode;

/**
 * Node to node against one node, in one run on one machine: N messages of 1 KB (product {@code lagesbild}, not
 * sealed) sent by Polismyndigheten at node A over REST by C concurrent senders, (a) to Skatteverket's mailbox at A
 * itself, then (b) to Migrationsverket's mailbox at node B, which A forwards over mutual TLS from its queue for B.
 * Each is measured from the first send to the last acceptance and to the last delivery (at B, for (b)); the ratio
 * (b)/(a) is what a federation hop costs. Both nodes and the senders share this JVM and its cores. Run with
 * {@code ./mvnw -Pbench-federation verify -Dbench.messages=2000 -Dbench.concurrency=16 -Dbench.peer-consumers=1}
 * (see docs/BENCHMARKS.md).
 */
public final class FederationBenchmark {

    private static final String LOCAL = "2021005448.folkbokforing";

    private FederationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = Integer.parseInt(args.length > 0 ? args[0] : "2000");
        int concurrency = Integer.parseInt(args.length > 1 ? args[1] : "16");
        int peerConsumers = Integer.parseInt(args.length > 2 ? args[2] : "1");
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.out.printf("Kurir federation benchmark: %d messages of 1 KB, %d concurrent senders, %d forwarding "
                + "consumer(s) per peer, %d cores, one JVM (%d MB)%n", messages, concurrency, peerConsumers,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "federation-bench-");
        try (FederatedNodes nodes = FederatedNodes.start(dir, Map.of(
                "kurir.federation.consumers", Integer.toString(peerConsumers),
                "kurir.federation.retry-after", "1s"))) {
            KurirNode a = nodes.a();
            run(a, a, LOCAL, messages / 5, concurrency); // warm-up: both paths compiled before either is measured
            run(a, nodes.b(), FederatedNodes.IDENTITET, messages / 5, concurrency);
            Result single = run(a, a, LOCAL, messages, concurrency);
            Result federated = run(a, nodes.b(), FederatedNodes.IDENTITET, messages, concurrency);
            System.out.printf("%-40s %10s %14s%n", "", "accept/s", "end-to-end/s");
            single.print("(a) one node, A to A");
            federated.print("(b) federated, A to B over mutual TLS");
            System.out.printf("(c) ratio (b)/(a): accept %.2f, end-to-end %.2f%n",
                    federated.accept() / single.accept(), federated.endToEnd() / single.endToEnd());
        }
    }

    record Result(double accept, double endToEnd) {
        void print(String label) {
            System.out.printf("%-40s %10.0f %14.0f%n", label, accept, endToEnd);
        }
    }

    /** Sends to the mailbox at {@code receiving} and waits until every message is delivered there. */
    private static Result run(KurirNode sending, KurirNode receiving, String mailbox, int messages, int concurrency)
            throws Exception {
        JdbcTemplate delivered = receiving.bean(JdbcTemplate.class);
        long before = deliveredTo(delivered, mailbox);
        byte[] payload = new byte[1024];
        Arrays.fill(payload, (byte) 'x');
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            senders.submit(() -> {
                Api api = sending.api();
                while (next.getAndIncrement() < messages) {
                    if (api.sendMessage(Api.POLISEN, envelope(mailbox), payload).status() != 202) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.HOURS);
        double accepted = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " messages were not accepted");
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (deliveredTo(delivered, mailbox) - before < messages) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not all delivered to " + mailbox + " within 10 minutes");
            }
            Thread.sleep(20); // a benchmark's poll, not a test's wait
        }
        double endToEnd = (System.nanoTime() - start) / 1e9;
        return new Result(messages / accepted, messages / endToEnd);
    }

    private static long deliveredTo(JdbcTemplate jdbc, String mailbox) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM messages WHERE recipient = ? AND state = 'DELIVERED'",
                Long.class, mailbox);
    }

    private static String envelope(String mailbox) {
        return """
                {"messageId": "%s", "recipient": "%s", "product": "lagesbild",
                 "legalBasis": {"statute": "SFS 2022:524", "provision": "7 §", "disclosureMode": "OWN_INITIATIVE",
                   "purpose": "krisberedskap", "classification": "MODERATE", "personalData": false,
                   "retention": "P1Y"}}
                """.formatted(UUID.randomUUID(), mailbox);
    }
}
