package se.kurir.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The agency systems and their API keys, by the keys' SHA-256. Keys are high-entropy random strings, so one SHA-256
 * is a sound way to store them and keeps the check cheap enough for every request and every broker connection.
 */
final class ApiClients {

    private final Map<String, SecurityProperties.ApiClient> byHash;

    ApiClients(List<SecurityProperties.ApiClient> clients) {
        this.byHash = clients.stream()
                .collect(Collectors.toUnmodifiableMap(SecurityProperties.ApiClient::sha256, Function.identity()));
    }

    Optional<SecurityProperties.ApiClient> byKey(String key) {
        return Optional.ofNullable(byHash.get(sha256(key)));
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
