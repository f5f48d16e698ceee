package se.kurir.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The physical limit of the core benchmark: persistent 1 KB JMS messages sent and received straight through an
 * Artemis broker with a durable journal on the same disk as the gateway's (the same version and journal file size
 * as the node's embedded broker), with the same sender concurrency. Runs in the load generator's JVM while no gateway
 * runs, so it has the machine to itself as the gateway has.
 */
final class RawArtemis {

    private RawArtemis() {
    }

    static CoreBenchmark.Result run(int messages, int concurrency) throws Exception {
        Path journal = Files.createTempDirectory("kurir-bench-artemis-");
        var configuration = new ConfigurationImpl().setPersistenceEnabled(true).setSecurityEnabled(false)
                .setJournalDirectory(journal.resolve("journal").toString())
                .setBindingsDirectory(journal.resolve("bindings").toString())
                .setLargeMessagesDirectory(journal.resolve("large").toString())
                .setPagingDirectory(journal.resolve("paging").toString())
                .setJournalFileSize(10 * 1024 * 1024);
        configuration.addAcceptorConfiguration("in-vm", "vm://7");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (var factory = new ActiveMQConnectionFactory("vm://7")) {
            long cpuBefore = os.getProcessCpuTime();
            CoreBenchmark.Result result = sendAndReceive(factory, messages, concurrency);
            System.out.printf("raw Artemis: %.3f ms of CPU per message, broker and clients together%n",
                    (os.getProcessCpuTime() - cpuBefore) / 1e6 / messages);
            return result;
        } finally {
            broker.stop();
            CoreBenchmark.deleteTree(journal);
        }
    }

    private static CoreBenchmark.Result sendAndReceive(ActiveMQConnectionFactory factory, int messages,
            int concurrency) throws Exception {
        byte[] body = CoreBenchmark.kilobyte();
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
            return new CoreBenchmark.Result(send, endToEnd, sendWall, endToEndWall);
        }
    }
}
