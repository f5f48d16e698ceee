package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.IntegrationTest;

/**
 * Bulk over REST for unreliable links: a resumable upload (chunks at offsets, a repeated chunk, a connection broken
 * mid-chunk, a wrong digest) and a download resumed with Range, SHA-256 checked end to end.
 */
class ResumableTransferIT extends IntegrationTest {

    private static final String UPLOADS = "/api/v1/uploads";
    private static final String MAILBOX = "/api/v1/mailboxes/2021005448.kontroll/messages/";
    private static final int MB = 1024 * 1024;

    @Test
    void uploadInChunksSurvivesARepeatedChunkAndABrokenConnectionAndArrivesWithItsDigest() throws Exception {
        byte[] file = randomBytes(3 * MB + 12_345);
        String id = create("manadsfil-utbetalningar");

        assertThat(chunk(id, file, 0, MB).header("Upload-Offset")).isEqualTo(Integer.toString(MB));
        // The acknowledgement was lost: the same chunk again changes nothing.
        assertThat(chunk(id, file, 0, MB).header("Upload-Offset")).isEqualTo(Integer.toString(MB));

        var gap = chunk(id, file, 2 * MB, 3 * MB);
        assertThat(gap.status()).isEqualTo(409);
        assertThat(gap.json().get("code").asText()).isEqualTo("UPLOAD_OFFSET_MISMATCH");
        assertThat(gap.header("Upload-Offset")).isEqualTo(Integer.toString(MB));

        // The link drops 300 KB into a 1 MB chunk: what arrived is kept, and the client resumes from there.
        breakOffChunk(id, file, MB, MB, 300 * 1024);
        await().atMost(Duration.ofSeconds(10)).until(() -> offset(id) == MB + 300 * 1024);
        assertThat(chunk(id, file, offset(id), file.length).status()).isEqualTo(200);
        assertThat(offset(id)).isEqualTo(file.length);

        String refused = UUID.randomUUID().toString();
        var wrong = complete(id, sha256(Arrays.copyOf(file, file.length - 1)), refused);
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(422);
        assertThat(wrong.json().get("code").asText()).isEqualTo("PAYLOAD_DIGEST_MISMATCH");
        assertThat(wrong.json().get("detail").asText()).startsWith("sha256:");
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + refused).json()
                .findValuesAsText("reasonCode")).containsExactly("PAYLOAD_DIGEST_MISMATCH");
        assertThat(offset(id)).as("a mismatch keeps the upload").isEqualTo(file.length);

        String messageId = UUID.randomUUID().toString();
        String digest = sha256(file);
        var done = complete(id, sha256(file), messageId);
        assertThat(done.status()).isEqualTo(202);
        assertThat(api.get(Api.FORSAKRINGSKASSAN, UPLOADS + "/" + id).status()).isEqualTo(404);
        var receipts = api.get(Api.FORSAKRINGSKASSAN, "/api/v1/messages/" + messageId + "/receipts").json();
        assertThat(receipts.get("sha256").asText()).isEqualTo(sha256(file));
        assertThat(receipts.get("size").asLong()).isEqualTo(file.length);
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + messageId).json().findValuesAsText("details"))
                .isNotEmpty().allMatch(details -> details.contains(digest));

        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(
                api.get(Api.SKATTEVERKET, MAILBOX + messageId).json().get("state").asText()));
        var full = api.exchange(Api.SKATTEVERKET, "GET", MAILBOX + messageId + "/payload", null);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.raw().body()).isEqualTo(file);
        assertThat(full.header("ETag")).isEqualTo("\"" + sha256(file) + "\"");
    }

    @Test
    void aDownloadResumesWithRangeAndTheMessageIsFetchedOnlyWhenTheLastByteIsOut() {
        byte[] file = randomBytes(2 * MB);
        String messageId = UUID.randomUUID().toString();
        assertThat(api.sendMessage(Api.FORSAKRINGSKASSAN, Envelopes.manadsfil(messageId), file).status())
                .isEqualTo(202);
        String payload = MAILBOX + messageId + "/payload";
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(
                api.get(Api.SKATTEVERKET, MAILBOX + messageId).json().get("state").asText()));

        var head = api.exchange(Api.SKATTEVERKET, "GET", payload, null, "Range", "bytes=0-999999");
        assertThat(head.status()).isEqualTo(206);
        assertThat(head.header("Content-Range")).isEqualTo("bytes 0-999999/" + file.length);
        assertThat(head.raw().body()).isEqualTo(Arrays.copyOfRange(file, 0, 1_000_000));
        assertThat(api.get(Api.SKATTEVERKET, MAILBOX + messageId).json().get("state").asText())
                .as("half a download is not a fetch").isEqualTo("DELIVERED");

        String etag = head.header("ETag");
        var rest = api.exchange(Api.SKATTEVERKET, "GET", payload, null, "Range", "bytes=1000000-", "If-Range", etag);
        assertThat(rest.status()).isEqualTo(206);
        assertThat(rest.raw().body()).isEqualTo(Arrays.copyOfRange(file, 1_000_000, file.length));
        assertThat(api.get(Api.SKATTEVERKET, MAILBOX + messageId).json().get("state").asText()).isEqualTo("FETCHED");

        var suffix = api.exchange(Api.SKATTEVERKET, "GET", payload, null, "Range", "bytes=-10");
        assertThat(suffix.raw().body()).isEqualTo(Arrays.copyOfRange(file, file.length - 10, file.length));
        var stale = api.exchange(Api.SKATTEVERKET, "GET", payload, null, "Range", "bytes=5-", "If-Range", "\"x\"");
        assertThat(stale.status()).as("another validator: the whole payload").isEqualTo(200);
        assertThat(stale.raw().body()).isEqualTo(file);

        var beyond = api.exchange(Api.SKATTEVERKET, "GET", payload, null, "Range", "bytes=" + file.length + "-");
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */" + file.length);
        assertThat(beyond.json().get("code").asText()).isEqualTo("RANGE_NOT_SATISFIABLE");
    }

    @Test
    void aStreamedPayloadThatIsNotTheDeclaredOneIsRejected() {
        byte[] file = randomBytes(MB);
        String messageId = UUID.randomUUID().toString();
        String declared = Envelopes.manadsfil(messageId).trim().replaceFirst("}$",
                ", \"payload\": {\"sha256\": \"" + sha256(Arrays.copyOf(file, MB - 1)) + "\"}}");

        var sent = api.sendMessage(Api.FORSAKRINGSKASSAN, declared, file);
        assertThat(sent.status()).isEqualTo(422);
        assertThat(sent.json().get("code").asText()).isEqualTo("PAYLOAD_DIGEST_MISMATCH");
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + messageId).json().findValuesAsText("details"))
                .anyMatch(details -> details.contains("declaredSha256"));
    }

    @Test
    void anUploadIsItsOwnersAndStaysWithinItsProductsLimit() {
        String id = create("manadsfil-utbetalningar");
        assertThat(api.get(Api.SKATTEVERKET, UPLOADS + "/" + id).status()).isEqualTo(404);
        assertThat(api.exchange(Api.SKATTEVERKET, "PATCH", UPLOADS + "/" + id, new byte[10], "Upload-Offset", "0",
                "Content-Type", "application/octet-stream").status()).isEqualTo(404);
        assertThat(api.exchange(Api.FORSAKRINGSKASSAN, "DELETE", UPLOADS + "/" + id, null).status()).isEqualTo(204);
        assertThat(api.get(Api.FORSAKRINGSKASSAN, UPLOADS + "/" + id).status()).isEqualTo(404);

        String small = create("inkomstuppgift"); // 1 MB limit
        var tooLarge = chunk(small, randomBytes(MB + 1), 0, MB + 1);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(offset(small)).as("the refused chunk left nothing behind").isZero();

        var noOffset = api.exchange(Api.FORSAKRINGSKASSAN, "PATCH", UPLOADS + "/" + small, new byte[1],
                "Content-Type", "application/octet-stream");
        assertThat(noOffset.json().get("code").asText()).isEqualTo("UPLOAD_OFFSET_MISSING");
        assertThat(api.post(null, UPLOADS, "{\"product\": \"manadsfil-utbetalningar\"}").status()).isEqualTo(401);
    }

    private String create(String product) {
        var created = api.post(Api.FORSAKRINGSKASSAN, UPLOADS, "{\"product\": \"" + product + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("uploadId").asText();
    }

    private Api.Response chunk(String id, byte[] file, long from, long to) {
        return api.exchange(Api.FORSAKRINGSKASSAN, "PATCH", UPLOADS + "/" + id,
                Arrays.copyOfRange(file, (int) from, (int) to), "Upload-Offset", Long.toString(from),
                "Content-Type", "application/octet-stream");
    }

    private long offset(String id) {
        return api.get(Api.FORSAKRINGSKASSAN, UPLOADS + "/" + id).json().get("received").asLong();
    }

    private Api.Response complete(String id, String sha256, String messageId) {
        return api.post(Api.FORSAKRINGSKASSAN, UPLOADS + "/" + id + "/complete",
                "{\"sha256\": \"" + sha256 + "\", \"envelope\": " + Envelopes.manadsfil(messageId) + "}");
    }

    /** Announces {@code length} bytes, sends {@code sent} of them, and hangs up. */
    private void breakOffChunk(String id, byte[] file, int offset, int length, int sent) throws Exception {
        try (Socket socket = new Socket("localhost", port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + UPLOADS + "/" + id + " HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: "
                    + Api.FORSAKRINGSKASSAN + "\r\nUpload-Offset: " + offset
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(file, offset, sent);
            out.flush();
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
