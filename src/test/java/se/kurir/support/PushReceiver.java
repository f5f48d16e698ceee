package se.kurir.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An agency system's push endpoint on loopback. Its answers are planned per message id (a status, {@link #HANG} to
 * answer too late, or {@link #SLOW} to take a few seconds); unplanned messages get 200. It keeps every request it
 * received, from the moment the request arrives.
 */
public final class PushReceiver implements AutoCloseable {

    public static final int HANG = -1;
    public static final int SLOW = -2;
    private static final Map<Integer, Long> DELAYS = Map.of(HANG, 10_000L, SLOW, 3_000L);

    public record Received(String messageId, String contentType, byte[] body) {
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Integer>> plans = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public PushReceiver() throws IOException {
        this(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    /**
     * An HTTPS endpoint with the server certificate in {@code tls}; with {@code requireClientCertificate} it takes
     * only callers whose certificate its trust managers accept (mutual TLS).
     */
    public static PushReceiver https(javax.net.ssl.SSLContext tls, boolean requireClientCertificate)
            throws IOException {
        var server = com.sun.net.httpserver.HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls) {
            @Override
            public void configure(com.sun.net.httpserver.HttpsParameters parameters) {
                var ssl = tls.getDefaultSSLParameters();
                ssl.setNeedClientAuth(requireClientCertificate);
                parameters.setSSLParameters(ssl);
            }
        });
        return new PushReceiver(server);
    }

    private PushReceiver(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/inbox", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("Kurir-Message-Id");
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            received.add(new Received(id, exchange.getRequestHeaders().getFirst("Content-Type"), body));
            Deque<Integer> plan = id == null ? null : plans.get(id);
            Integer status = plan == null ? null : plan.poll();
            if (status != null && DELAYS.containsKey(status)) {
                try {
                    Thread.sleep(DELAYS.get(status)); // an endpoint that is busy, not a test waiting
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return (server instanceof com.sun.net.httpserver.HttpsServer ? "https://localhost:" : "http://127.0.0.1:")
                + server.getAddress().getPort() + "/inbox";
    }

    /** The next answers for this message, in order; after them, 200. */
    public void plan(String messageId, Integer... statuses) {
        plans.put(messageId, new ArrayDeque<>(List.of(statuses)));
    }

    public List<Received> receivedFor(String messageId) {
        return received.stream().filter(r -> messageId.equals(r.messageId())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
