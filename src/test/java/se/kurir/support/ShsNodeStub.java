package se.kurir.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Another SHS node's receive service, as a test plays it: it takes SHS 1.2 MIME messages posted to {@code /shs/rs},
 * keeps what came, and answers as SHS does (202 with the tx.id, or an error code the test plans). Written from the
 * specification, not from the gateway's code.
 */
public final class ShsNodeStub implements AutoCloseable {

    private static final Pattern TX_ID = Pattern.compile("tx\\.id=\"([^\"]+)\"");

    private final HttpServer server;
    private final List<ShsClient.Fetched> received = new CopyOnWriteArrayList<>();
    private final Deque<String> plannedErrors = new ArrayDeque<>();

    public ShsNodeStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/shs/rs", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            ShsClient.Fetched message = new ShsClient.Fetched(200,
                    exchange.getRequestHeaders().getFirst("Content-Type"), body);
            String error;
            synchronized (plannedErrors) {
                error = plannedErrors.poll();
            }
            if (error != null) {
                exchange.getResponseHeaders().add("X-shs-errorcode", error);
                exchange.sendResponseHeaders(400, -1);
            } else {
                received.add(message);
                Matcher tx = TX_ID.matcher(message.parts().get(0)[1]);
                String txId = tx.find() ? tx.group(1) : "";
                exchange.getResponseHeaders().add("X-shs-txid", txId);
                byte[] answer = txId.getBytes();
                exchange.sendResponseHeaders(202, answer.length);
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/shs/rs";
    }

    /** The next posts are refused with these SHS error codes, in turn. */
    public void refuseNext(String... errorCodes) {
        synchronized (plannedErrors) {
            plannedErrors.addAll(List.of(errorCodes));
        }
    }

    /** The messages the node accepted, whose label names this tx.id. */
    public List<ShsClient.Fetched> receivedFor(String txId) {
        return received.stream().filter(m -> m.parts().get(0)[1].contains("tx.id=\"" + txId + "\"")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
