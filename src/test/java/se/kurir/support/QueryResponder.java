package se.kurir.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Skatteverket's query service on loopback: answers a request for an income statement under its own legal basis.
 * Per request id a test can plan another answer: too slow, a server error, or a reply under a legal basis the
 * agreement does not allow. It keeps every request it received.
 */
public final class QueryResponder implements AutoCloseable {

    public enum Answer { REPLY, TEXT, TOO_SLOW, SERVER_ERROR, WRONG_LEGAL_BASIS, NOT_JSON }

    /** What the answerer discloses: an income figure for the synthetic person in the request. */
    public static final String INCOME = "\"inkomst\":412000";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALLOWED_BASIS = """
            {"statute":"SFS 2009:400","provision":"10 kap. 15 a §","disclosureMode":"ON_REQUEST",
             "purpose":"felaktiga-utbetalningar","classification":"SUBSTANTIAL","personalData":true,
             "controller":"2021005448","retention":"P5Y"}""";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Answer> plans = new ConcurrentHashMap<>();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    public QueryResponder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/query", exchange -> {
            JsonNode request;
            try (InputStream in = exchange.getRequestBody()) {
                request = JSON.readTree(in);
            }
            received.add(request);
            String subject = request.at("/query/personnummer").asText();
            Answer answer = plans.getOrDefault(request.get("requestId").asText(), Answer.REPLY);
            String basis = answer == Answer.WRONG_LEGAL_BASIS ? ALLOWED_BASIS.replace("10 kap. 15 a §", "1 kap. 1 §")
                    : ALLOWED_BASIS;
            String reply = answer == Answer.TEXT ? "\"<inkomst>412000</inkomst>\""
                    : "{\"personnummer\":\"" + subject + "\"," + INCOME + "}";
            String body = answer == Answer.NOT_JSON ? "<html>maintenance</html>"
                    : "{\"legalBasis\":" + basis + ",\"reply\":" + reply + "}";
            if (answer == Answer.TOO_SLOW) {
                try {
                    Thread.sleep(5_000); // a busy register, not a test waiting
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer == Answer.SERVER_ERROR ? 500 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/query";
    }

    public void plan(String requestId, Answer answer) {
        plans.put(requestId, answer);
    }

    public List<JsonNode> receivedFor(String requestId) {
        return received.stream().filter(r -> requestId.equals(r.get("requestId").asText())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
