package se.kurir.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator console as Hawtio's script uses it: sign in through the form, keep the session cookie, and call
 * Jolokia with the CSRF token echoed from its cookie.
 */
public final class ConsoleSession {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;

    private ConsoleSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Signs in; returns the session whatever the outcome, so a test can check what a refused user sees. */
    public static ConsoleSession signIn(int port, String username, String password) {
        ConsoleSession session = new ConsoleSession(port);
        Matcher token = FORM_TOKEN.matcher(session.send(session.request("/login").GET().build()).body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token in the sign-in form");
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(token.group(1));
        session.send(session.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        session.send(session.request("/actuator/hawtio/").GET().build()); // sets the XSRF-TOKEN cookie
        return session;
    }

    /** A Jolokia request (read, exec, search); returns the HTTP status and the parsed answer. */
    public JolokiaAnswer jolokia(String requestJson, boolean withCsrfHeader) {
        HttpRequest.Builder request = request("/actuator/jolokia/").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestJson));
        if (withCsrfHeader) {
            request.header("X-XSRF-TOKEN", csrfCookie());
        }
        HttpResponse<String> answer = send(request.build());
        try {
            return new JolokiaAnswer(answer.statusCode(), JSON.readTree(answer.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record JolokiaAnswer(int httpStatus, JsonNode body) {
    }

    /** Runs a route operation ({@code stop()}, {@code start()}) as an operator does from the console's Camel tab. */
    public JolokiaAnswer routeOperation(String routeId, String operation) {
        String search = "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,name=\\\"" + routeId
                + "\\\",*\"}";
        JsonNode found = jolokia(search, true).body().at("/value/0");
        if (found.isMissingNode()) {
            throw new IllegalStateException("no route " + routeId + " in the console");
        }
        try {
            return jolokia("{\"type\":\"exec\",\"mbean\":" + JSON.writeValueAsString(found.asText())
                    + ",\"operation\":\"" + operation + "\"}", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String csrfCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
