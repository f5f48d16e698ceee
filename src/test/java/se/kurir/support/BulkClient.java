package se.kurir.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Large files as an agency system moves them: a multipart POST streamed from disk, a payload fetched straight to
 * disk, a file and its manifest dropped in an SFTP outbox and awaited in the inbox. Nothing held in memory whole.
 */
public final class BulkClient {

    private static final int MB = 1024 * 1024;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public BulkClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Posts the file as the payload of a message, streamed; returns the HTTP status. */
    public int send(String apiKey, String envelope, Path file) throws IOException, InterruptedException {
        String boundary = "kurir-" + UUID.randomUUID();
        var body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"envelope\"\r\nContent-Type: application/json\r\n\r\n" + envelope + "\r\n--"
                        + boundary + "\r\nContent-Disposition: form-data; name=\"payload\"; filename=\"payload\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n"),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/messages")).header("X-Api-Key", apiKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Fetches a message's payload into {@code target}; returns the HTTP status. */
    public int fetch(String apiKey, String mailbox, String messageId, Path target)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/mailboxes/" + mailbox + "/messages/"
                + messageId + "/payload")).header("X-Api-Key", apiKey).build(),
                HttpResponse.BodyHandlers.ofFile(target)).statusCode();
    }

    /** Waits for the file the gateway delivers to an inbox for this original name, complete with its manifest. */
    public static Path awaitDelivered(Path inbox, String name, Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Stream<Path> files = Files.list(inbox)) {
                return files.filter(f -> f.getFileName().toString().endsWith("-" + name))
                        .filter(f -> Files.exists(manifestOf(f))).findFirst().orElse(null);
            }
        }, f -> f != null);
    }

    public static Path manifestOf(Path delivered) {
        return delivered.resolveSibling(delivered.getFileName() + ".manifest.json");
    }

    /** A file of random bytes, written a megabyte at a time. */
    public static Path generate(Path file, long size) throws IOException {
        byte[] chunk = new byte[MB];
        Random random = new Random(size);
        try (var out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= MB) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(left, MB));
            }
        }
        return file;
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1;) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
