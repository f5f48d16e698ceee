package se.kurir.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.ShsClient;
import se.kurir.support.ShsClient.Mime;

/**
 * Asynch SHS sends against the REST API's on the same node, back to back with the same senders: N messages of 1 KB
 * each way (SHS: the MIME message with its label, read and mapped to an envelope; REST: the multipart envelope and
 * payload), each measured until every one is delivered into the mailbox, followed with the listing's cursor.
 */
final class ShsIngress {

    private ShsIngress() {
    }

    static String run(int port, Api api, int messages, int concurrency) throws Exception {
        ShsClient shs = new ShsClient(port, Api.SKATTEVERKET);
        byte[] payload = CoreBenchmark.kilobyte();
        String envelope = Envelopes.inkomstuppgift(null);
        double[] rest = measure(api, messages, concurrency, id -> api.sendMessage(Api.SKATTEVERKET,
                envelope.replace("{\"recipient\"", "{\"messageId\": \"" + id + "\", \"recipient\""), payload)
                .status());
        double[] overShs = measure(api, messages, concurrency, id -> shs.send(new Mime()
                .label(ShsClient.label(id), StandardCharsets.ISO_8859_1)
                .data("application/json", "inkomst.json", payload)).status());
        return String.format("(f) asynch SHS (%d senders): accepted %.0f msg/s, delivered %.0f msg/s; REST in the same "
                + "run: %.0f and %.0f msg/s; ratio SHS/REST accept %.2f, delivered %.2f", concurrency, overShs[0],
                overShs[1], rest[0], rest[1], overShs[0] / rest[0], overShs[1] / rest[1]);
    }

    private interface Sender {
        int send(String messageId) throws Exception;
    }

    /** Accepted and delivered messages per second. */
    private static double[] measure(Api api, int messages, int concurrency, Sender sender) throws Exception {
        String cursor = BrokerIngress.follow(api, null, Set.of()).cursor();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> work = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            work.add(senders.submit(() -> {
                while (next.getAndIncrement() < messages) {
                    String id = UUID.randomUUID().toString();
                    sent.add(id);
                    int status = sender.send(id);
                    if (status != 202) {
                        throw new IllegalStateException("not accepted: " + status);
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : work) {
            w.get();
        }
        senders.shutdown();
        long acceptWall = System.nanoTime() - t0;
        int delivered = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (delivered < messages) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + delivered + " of " + messages + " delivered");
            }
            BrokerIngress.Page page = BrokerIngress.follow(api, cursor, sent);
            delivered += page.count();
            cursor = page.cursor();
            if (page.count() == 0) {
                Thread.sleep(20);
            }
        }
        long deliveredWall = System.nanoTime() - t0;
        return new double[] {messages * 1e9 / acceptWall, messages * 1e9 / deliveredWall};
    }
}
