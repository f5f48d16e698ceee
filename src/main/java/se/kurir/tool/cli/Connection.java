package se.kurir.tool.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import picocli.CommandLine.Option;

/**
 * Where the node is and who is calling: every command has these options. Secrets come from the environment, never
 * from the command line, where other users of the machine could read them: {@code KURIR_API_KEY} for an agency
 * system, {@code KURIR_PASSWORD} for a person ({@code --user}), {@code KURIR_CERT_PASSWORD} and
 * {@code KURIR_TRUST_PASSWORD} for the key stores of mutual TLS.
 */
final class Connection {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .findAndRegisterModules();

    @Option(names = "--url", defaultValue = "${env:KURIR_URL:-http://localhost:8080}",
            description = "The node (default: $KURIR_URL, else ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--user", defaultValue = "${env:KURIR_USER}",
            description = "A person's user name (HTTP Basic); the password comes from $KURIR_PASSWORD")
    String user;

    @Option(names = "--cert", description = "PKCS#12 with the system's client certificate, for mutual TLS; its "
            + "password comes from $KURIR_CERT_PASSWORD")
    Path certificate;

    @Option(names = "--trust", description = "PKCS#12 with the CAs the node's certificate chains to (default: the "
            + "JDK's); its password comes from $KURIR_TRUST_PASSWORD")
    Path trust;

    @Option(names = "--json", description = "Print the node's answers as JSON")
    boolean json;

    /** Where secrets come from: the process environment, or a test's. */
    Function<String, String> environment = System::getenv;

    private HttpClient http;

    /** A connection made in code: for a command that calls as several roles (the conformance kit). */
    static Connection at(String url, Function<String, String> environment) {
        Connection connection = new Connection();
        connection.url = url;
        connection.environment = environment;
        return connection;
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path))
                .timeout(Duration.ofMinutes(30));
        String apiKey = environment.apply("KURIR_API_KEY");
        if (user != null) {
            String password = environment.apply("KURIR_PASSWORD");
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
                    + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8)));
        } else if (apiKey != null && certificate == null) {
            request.header("X-Api-Key", apiKey);
        }
        return request;
    }

    /** Sends and returns the answer; an error status is thrown as {@link Refused}. */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
        try {
            HttpResponse<T> answer = client().send(request, body);
            if (answer.statusCode() >= 400) {
                Object content = answer.body();
                throw new Refused(answer.statusCode(), content instanceof InputStream in
                        ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : String.valueOf(content));
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    JsonNode getJson(String path) throws IOException {
        return JSON.readTree(send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    JsonNode sendJson(String method, String path, Object body) throws IOException {
        String text = body == null ? "" : JSON.writeValueAsString(body);
        HttpResponse<String> answer = send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(text)).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }

    synchronized HttpClient client() {
        if (http == null) {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (certificate != null || trust != null) {
                builder.sslContext(tls());
            }
            http = builder.build();
        }
        return http;
    }

    private SSLContext tls() {
        try {
            KeyManagerFactory keys = null;
            if (certificate != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                char[] password = secret("KURIR_CERT_PASSWORD");
                keys.init(load(certificate, password), password);
            }
            TrustManagerFactory trusted = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trusted.init(trust == null ? null : load(trust, secret("KURIR_TRUST_PASSWORD")));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trusted.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS: " + e.getMessage(), e);
        }
    }

    private char[] secret(String variable) {
        String value = environment.apply(variable);
        if (value == null) {
            throw new IllegalStateException(variable + " is not set");
        }
        return value.toCharArray();
    }

    private static KeyStore load(Path file, char[] password) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
