package se.kurir.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/** A plain HTTP client for Kurir's REST API, as an agency system or a person would use it. */
public final class Api {

    /** Demo credentials from config/application-demo.yml. */
    public static final String SKATTEVERKET = "kurir-demo-key-skatteverket";
    public static final String FORSAKRINGSKASSAN = "kurir-demo-key-forsakringskassan";
    public static final String POLISEN = "kurir-demo-key-polisen";
    public static final String PENSIONSMYNDIGHETEN = "kurir-demo-key-pensionsmyndigheten";
    public static final String BOLAGSVERKET = "kurir-demo-key-bolagsverket";
    public static final String MIGRATIONSVERKET = "kurir-demo-key-migrationsverket";
    public static final String REVIEWER = "demo-reviewer:demo-reviewer-password";
    public static final String AUDITOR = "demo-auditor:demo-auditor-password";
    public static final String OPERATOR = "demo-operator:demo-operator-password";
    public static final String REIDENTIFIER = "demo-reidentifier:demo-reidentifier-password";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One client for every Api of the test JVM: a JDK client keeps a selector thread until it is collected, and tests
     * that make an Api per request (thousands, in ClusterCrashIT) would otherwise leave thousands of threads behind,
     * which slows whatever counts threads (the JVM thread metrics of a Prometheus scrape) to a crawl.
     */
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String base;
    private final Duration timeout;

    public Api(int port) {
        this(port, null);
    }

    /** Each request fails with an {@link UncheckedIOException} after {@code timeout}: for a server that may hang. */
    public Api(int port, Duration timeout) {
        this.base = "http://localhost:" + port;
        this.timeout = timeout;
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Response(int status, String body, HttpResponse<byte[]> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** The first audit record of this type for the message, read as the demo auditor. */
    public JsonNode auditRecord(String messageId, String type) {
        for (JsonNode record : get(AUDITOR, "/api/v1/audit?messageId=" + messageId).json()) {
            if (record.get("type").asText().equals(type)) {
                return record;
            }
        }
        throw new AssertionError("no " + type + " record for " + messageId);
    }

    /** A counter or sum of the gateway's own (say kurir_audit_commits_total), as its Prometheus endpoint shows it. */
    public double metric(String name) {
        var line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE)
                .matcher(get(OPERATOR, "/actuator/prometheus").body());
        if (!line.find()) {
            throw new AssertionError("the gateway shows no " + name);
        }
        return Double.parseDouble(line.group(2));
    }

    public Response get(String credentials, String path) {
        return send(request(credentials, path).GET().build());
    }

    public Response post(String credentials, String path, String jsonBody) {
        return send(request(credentials, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody == null ? "" : jsonBody)).build());
    }

    public Response postPem(String credentials, String path, String pem) {
        return send(request(credentials, path).header("Content-Type", "application/x-pem-file")
                .POST(HttpRequest.BodyPublishers.ofString(pem)).build());
    }

    public Response put(String credentials, String path, String jsonBody) {
        return send(request(credentials, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)).build());
    }

    public Response delete(String credentials, String path) {
        return send(request(credentials, path).DELETE().build());
    }

    /** Starts a GET and returns at once; for long polls. */
    public java.util.concurrent.CompletableFuture<Response> getAsync(String credentials, String path) {
        return HTTP.sendAsync(request(credentials, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r));
    }

    /** Posts a message: envelope part (JSON unless the type says otherwise), then the payload part. */
    public Response sendMessage(String apiKey, String envelope, String envelopeType, byte[] payload) {
        return sendMessage(apiKey, envelope, envelopeType, payload, "application/json");
    }

    /** As above, with the payload part's media type ({@code application/cms} for a sealed payload). */
    public Response sendMessage(String apiKey, String envelope, String envelopeType, byte[] payload,
            String payloadType) {
        String boundary = "kurir-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "envelope", envelopeType, envelope.getBytes(StandardCharsets.UTF_8));
        if (payload != null) {
            part(body, boundary, "payload", payloadType, payload);
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return send(request(apiKey, "/api/v1/messages")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    public Response sendMessage(String apiKey, String envelopeJson, byte[] payload) {
        return sendMessage(apiKey, envelopeJson, "application/json", payload);
    }

    /** Any method, with a binary body (or none) and extra headers given as name, value, name, value... */
    public Response exchange(String credentials, String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder builder = request(credentials, path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    /** Posts a hand-made body, for requests no well-behaved client would send. */
    public Response postRaw(String credentials, String path, String contentType, byte[] body) {
        return send(request(credentials, path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String type, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private HttpRequest.Builder request(String credentials, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (timeout != null) {
            builder.timeout(timeout);
        }
        if (credentials == null) {
            return builder;
        }
        if (credentials.contains(":")) {
            return builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder.header("X-Api-Key", credentials);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                    response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
