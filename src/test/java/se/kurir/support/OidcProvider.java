package se.kurir.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * An agency's identity provider, played from the OpenID Connect Core and Discovery specifications: discovery, the
 * authorization endpoint (the person is already signed in at the agency, so it answers at once with a code), the
 * token endpoint (client_secret_basic, the code once only, the redirect URI it was issued for) and the JWK set. The ID
 * token is RS256, with the nonce of the authorization request. A test says who signs in next, and may have the token
 * signed with a key the provider never published.
 */
public final class OidcProvider implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String clientId;
    private final String clientSecret;
    private final RSAKey publishedKey;
    private final RSAKey unpublishedKey;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile Person next;

    private record Person(String username, List<String> groups, boolean signedWithUnpublishedKey) {
    }

    private record Grant(Person person, String nonce, String redirectUri) {
    }

    public OidcProvider(String clientId, String clientSecret) throws IOException, JOSEException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.publishedKey = new RSAKeyGenerator(2048).keyID("agency-idp-1").generate();
        this.unpublishedKey = new RSAKeyGenerator(2048).keyID("agency-idp-1").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/agency/.well-known/openid-configuration", this::discovery);
        server.createContext("/realms/agency/authorize", this::authorize);
        server.createContext("/realms/agency/token", this::token);
        server.createContext("/realms/agency/jwks", exchange -> send(exchange, 200,
                new JWKSet(publishedKey.toPublicJWK()).toString()));
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/agency";
    }

    /** The person the provider signs in at the next authorization request, a member of these groups. */
    public void signsInNext(String username, String... groups) {
        next = new Person(username, List.of(groups), false);
    }

    /** As {@link #signsInNext}, but the ID token is signed with a key the provider's JWK set does not hold. */
    public void signsInNextWithUnpublishedKey(String username, String... groups) {
        next = new Person(username, List.of(groups), true);
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        send(exchange, 200, JSON.writeValueAsString(Map.of("issuer", issuer(),
                "authorization_endpoint", issuer() + "/authorize", "token_endpoint", issuer() + "/token",
                "jwks_uri", issuer() + "/jwks", "response_types_supported", List.of("code"),
                "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"),
                "token_endpoint_auth_methods_supported", List.of("client_secret_basic"))));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String redirectUri = query.get("redirect_uri");
        if (!"code".equals(query.get("response_type")) || !clientId.equals(query.get("client_id"))
                || !Arrays.asList(query.getOrDefault("scope", "").split(" ")).contains("openid")
                || redirectUri == null || next == null) {
            send(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(next, query.get("nonce"), redirectUri));
        exchange.getResponseHeaders().add("Location", redirectUri + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (!"authorization_code".equals(form.get("grant_type")) || grant == null
                || !grant.redirectUri().equals(form.get("redirect_uri"))) {
            send(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            String idToken = idToken(grant);
            tokensIssued.incrementAndGet();
            send(exchange, 200, JSON.writeValueAsString(Map.of("access_token", UUID.randomUUID().toString(),
                    "token_type", "Bearer", "expires_in", 300, "scope", "openid profile", "id_token", idToken)));
        } catch (JOSEException e) {
            send(exchange, 500, "{\"error\":\"server_error\"}");
        }
    }

    private String idToken(Grant grant) throws JOSEException {
        RSAKey key = grant.person().signedWithUnpublishedKey() ? unpublishedKey : publishedKey;
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(UUID.nameUUIDFromBytes(
                grant.person().username().getBytes(StandardCharsets.UTF_8)).toString())
                .audience(clientId).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", grant.nonce()).claim("preferred_username", grant.person().username())
                .claim("groups", grant.person().groups()).build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static Map<String, String> form(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(encoded.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> b));
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
