package se.kurir.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
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
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;

/**
 * The core path without HTTP: an agency system sends persistent JMS messages (Artemis core protocol over TCP, its
 * organisation number and API key as credentials) to its ingress queue {@code kurir.in.<orgnr>}; the gateway takes
 * each through the same pipeline (dedupe, policy, audit, state, mailbox queue, delivery). Measured until every one is
 * delivered into the mailbox, which the recipient follows with the listing's cursor.
 */
final class BrokerIngress {

    private static final String SENDER = "2021005448";
    private static final String MAILBOX = "/api/v1/mailboxes/2021005521.kontroll/messages";

    private BrokerIngress() {
    }

    static String run(int brokerPort, Api api, int messages, int concurrency) throws Exception {
        String cursor = follow(api, null, Set.of()).cursor();
        byte[] payload = CoreBenchmark.kilobyte();
        AtomicInteger next = new AtomicInteger();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        try (var factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
                Connection connection = factory.createConnection(SENDER, Api.SKATTEVERKET)) {
            ExecutorService senders = Executors.newFixedThreadPool(concurrency);
            List<Future<?>> work = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int t = 0; t < concurrency; t++) {
                work.add(senders.submit(() -> {
                    try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                        MessageProducer producer = session.createProducer(session.createQueue("kurir.in." + SENDER));
                        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                        while (next.getAndIncrement() < messages) {
                            String id = UUID.randomUUID().toString();
                            sent.add(id);
                            BytesMessage message = session.createBytesMessage();
                            message.setStringProperty("kurirEnvelope", Envelopes.inkomstuppgift(id));
                            message.setStringProperty("kurirMediaType", "application/json");
                            message.writeBytes(payload);
                            producer.send(message);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> sender : work) {
                sender.get(); // a refused send fails the run here, not as a wait for messages that never come
            }
            senders.shutdown();
            long sendWall = System.nanoTime() - t0;
            int delivered = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (delivered < messages) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + delivered + " of " + messages + " delivered");
                }
                Page page = follow(api, cursor, sent);
                delivered += page.count();
                cursor = page.cursor();
                if (page.count() == 0) {
                    Thread.sleep(20);
                }
            }
            long deliveredWall = System.nanoTime() - t0;
            return String.format("(e) Kurir broker ingress (JMS over TCP, %d senders): sent %.0f msg/s, delivered into "
                    + "the mailbox %.0f msg/s", concurrency, messages * 1e9 / sendWall,
                    messages * 1e9 / deliveredWall);
        }
    }

    record Page(int count, String cursor) {
    }

    /** Reads the mailbox to its end after the cursor; how many of the ids were among it, and the cursor after it. */
    static Page follow(Api api, String cursor, Set<String> ids) {
        int count = 0;
        while (true) {
            var page = api.get(Api.FORSAKRINGSKASSAN, MAILBOX + "?limit=1000" + (cursor == null ? "" : "&after="
                    + cursor)).json();
            if (page.get("messages").isEmpty()) {
                return new Page(count, cursor);
            }
            for (var message : page.get("messages")) {
                count += ids.contains(message.get("messageId").asText()) ? 1 : 0;
            }
            cursor = page.get("nextCursor").asText();
        }
    }
}
