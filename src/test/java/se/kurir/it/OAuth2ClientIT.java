package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kurir.support.KurirNode;

/**
 * An SDK client that authenticates the way SDK's API recommendation has it: an OAuth2 access token from a
 * client-credentials grant (a JWT), its scopes deciding which calls it may make. The issuer is played by the test: a
 * JWK set on loopback and tokens signed with its key. A token from another key, an expired one, one for an unknown
 * client, or one without the call's scope is refused.
 */
class OAuth2ClientIT {

    private static final String ISSUER = "https://issuer.example.test/realms/sdk";
    private static final String MESSAGES = "/sdk/v1/sdk/messages";
    static HttpServer jwks;
    static RSAKey issuerKey;
    static KurirNode node;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        issuerKey = new RSAKeyGenerator(2048).keyID("sdk-issuer-1").generate();
        byte[] keys = new JWKSet(issuerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        jwks.start();
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "oauth2-it-");
        node = KurirNode.start(dir, Map.of(
                "kurir.security.oauth2.issuer", ISSUER,
                "kurir.security.oauth2.jwk-set-uri", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks",
                "kurir.security.oauth2.clients.skv-sdk-client", "2021005448",
                "kurir.security.oauth2.clients.fk-sdk-client", "2021005521"));
    }

    @AfterAll
    static void stop() {
        node.close();
        jwks.stop(0);
    }

    @Test
    void aTokenWithTheCallsScopeSendsAndReadsAsItsParticipant() throws Exception {
        String skv = token(issuerKey, "skv-sdk-client", "urn:sdk.api:sendMessage urn:sdk.api:getMessage", 300);
        String fk = token(issuerKey, "fk-sdk-client", "urn:sdk.api:getMessageByFilter", 300);

        var sent = call("POST", MESSAGES, skv, message());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String id = sent.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(call("GET", MESSAGES + "/" + id, skv, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", MESSAGES, fk, null).statusCode()).as("FK lists with its scope").isEqualTo(200);

        var withoutScope = call("GET", MESSAGES, skv, null);
        assertThat(withoutScope.statusCode()).as("no getMessageByFilter scope").isEqualTo(403);
        assertThat(withoutScope.body()).contains("\"code\"");
        assertThat(call("DELETE", MESSAGES + "/" + id, fk, null).statusCode()).as("no deleteMessage scope")
                .isEqualTo(403);
    }

    @Test
    void aTokenFromAnotherKeyExpiredOrForAnUnknownClientIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("sdk-issuer-1").generate();
        String scopes = "urn:sdk.api:getMessageByFilter";

        assertThat(call("GET", MESSAGES, token(stranger, "skv-sdk-client", scopes, 300), null).statusCode())
                .isEqualTo(401);
        assertThat(call("GET", MESSAGES, token(issuerKey, "skv-sdk-client", scopes, -600), null).statusCode())
                .isEqualTo(401);
        assertThat(call("GET", MESSAGES, token(issuerKey, "unknown-client", scopes, 300), null).statusCode())
                .isEqualTo(401);
        assertThat(call("GET", MESSAGES, "not-a-token", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A client-credentials access token as an SDK issuer signs it. */
    private static String token(RSAKey key, String client, String scope, long validSeconds) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(client).claim("client_id", client)
                .claim("scope", scope).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minusSeconds(Math.max(0, -validSeconds) + 60)))
                .expirationTime(Date.from(now.plusSeconds(validSeconds))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String message() {
        return """
                {"data": {"type": "messages", "attributes": {"confidentiality": false, "label": "Fråga",
                  "sender": "0203:skatteverket.se", "recipient": "0203:forsakringskassan.se",
                  "recipientAttention": {"subOrganization": {"extension": "fk-kontroll"}},
                  "digitalDocument": [{"documentId": "1", "contentTextBody": ["Hej"]}]}}}
                """;
    }
}
