package se.kurir.tool.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Sends a message: the envelope from a file ({@code --envelope}) or from options, the payload from a file or standard
 * input, streamed. A file larger than {@code --resumable-above} goes as a resumable upload in chunks, with a progress
 * bar, and a chunk that fails is sent again from where the node says it got to.
 */
@Command(name = "send", description = "Send a message (envelope from a file or options, payload from a file or -)")
final class SendCommand implements Callable<Integer> {

    private static final int ATTEMPTS = 5;

    @Mixin Connection node;
    @Mixin Io io;
    @Option(names = "--envelope", description = "The envelope as JSON (xsd/envelope.schema.json)") Path envelopeFile;
    @Option(names = "--recipient", description = "The mailbox, <orgnr>.<name>") String recipient;
    @Option(names = "--product") String product;
    @Option(names = "--statute") String statute;
    @Option(names = "--provision") String provision;
    @Option(names = "--mode", description = "ON_REQUEST, OWN_INITIATIVE, DUTY_TO_NOTIFY") String mode;
    @Option(names = "--purpose") String purpose;
    @Option(names = "--classification", description = "NONE, MODERATE, SUBSTANTIAL, SERIOUS") String classification;
    @Option(names = "--personal-data", negatable = true, defaultValue = "true", fallbackValue = "true")
    boolean personalData;
    @Option(names = "--retention", description = "ISO 8601 period the recipient may keep it, e.g. P5Y") String retention;
    @Option(names = "--subject") String subject;
    @Option(names = "--message-id", description = "Your own UUID: sending again with it is harmless") String messageId;
    @Option(names = "--payload", required = true, description = "A file, or - for standard input") String payload;
    @Option(names = "--media-type", defaultValue = "application/octet-stream") String mediaType;
    @Option(names = "--resumable-above", defaultValue = "16MB", description = "Files larger than this go as a "
            + "resumable upload (default ${DEFAULT-VALUE})") String resumableAbove;
    @Option(names = "--chunk", defaultValue = "8MB", description = "Chunk size of a resumable upload") String chunk;

    @Override
    public Integer call() throws Exception {
        ObjectNode envelope = envelope();
        JsonNode answer;
        if (!payload.equals("-") && Files.size(Path.of(payload)) > Io.bytes(resumableAbove)) {
            answer = resumable(envelope, Path.of(payload));
        } else {
            answer = multipart(envelope);
        }
        io.print(node, answer, a -> a.path("messageId").asText() + " " + a.path("status").asText());
        return ExitCodes.OK;
    }

    private ObjectNode envelope() throws IOException {
        if (envelopeFile != null) {
            return (ObjectNode) Connection.JSON.readTree(envelopeFile.toFile());
        }
        Map<String, String> required = new LinkedHashMap<>();
        required.put("--recipient", recipient);
        required.put("--product", product);
        required.put("--statute", statute);
        required.put("--provision", provision);
        required.put("--mode", mode);
        required.put("--purpose", purpose);
        required.put("--classification", classification);
        required.put("--retention", retention);
        required.forEach((option, value) -> {
            if (value == null) {
                throw new IllegalArgumentException(option + " is required without --envelope");
            }
        });
        ObjectNode envelope = Connection.JSON.createObjectNode();
        if (messageId != null) {
            envelope.put("messageId", messageId);
        }
        envelope.put("recipient", recipient).put("product", product);
        if (subject != null) {
            envelope.put("subject", subject);
        }
        envelope.putObject("legalBasis").put("statute", statute).put("provision", provision)
                .put("disclosureMode", mode).put("purpose", purpose).put("classification", classification)
                .put("personalData", personalData).put("retention", retention);
        return envelope;
    }

    /** One request: the envelope part, then the payload part streamed from the file or standard input. */
    private JsonNode multipart(ObjectNode envelope) throws IOException {
        String json = Connection.JSON.writeValueAsString(envelope);
        HttpRequest request;
        if (payload.equals("-")) {
            request = MessagePost.request(node, json, mediaType, () -> io.in, -1);
        } else {
            Path file = Path.of(payload);
            request = MessagePost.request(node, json, mediaType, () -> {
                try {
                    return Files.newInputStream(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, Files.size(file));
        }
        return Connection.JSON.readTree(node.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Create an upload, send the file in chunks at their offsets, then complete it with the envelope and digest. */
    private JsonNode resumable(ObjectNode envelope, Path file) throws IOException, NoSuchAlgorithmException {
        long size = Files.size(file);
        String upload = node.sendJson("POST", "/api/v1/uploads", Map.of("product", envelope.path("product").asText(),
                "mediaType", mediaType)).path("uploadId").asText();
        String path = "/api/v1/uploads/" + upload;
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Io.bytes(chunk), Integer.MAX_VALUE - 8));
        try (FileChannel in = FileChannel.open(file)) {
            long offset = 0;
            int failures = 0;
            while (offset < size) {
                buffer.clear();
                int read = in.read(buffer, offset);
                try {
                    node.send(node.request(path).header("Upload-Offset", Long.toString(offset))
                            .header("Content-Type", "application/octet-stream")
                            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(buffer.array(), 0, read)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    sha256.update(buffer.array(), 0, read);
                    offset += read;
                } catch (IOException broken) {
                    if (++failures >= ATTEMPTS) {
                        throw broken;
                    }
                    long received = node.getJson(path).path("received").asLong();
                    if (received != offset) {
                        offset = received;
                        sha256 = digestUpTo(in, received);
                    }
                }
                io.progress("sending", offset, size);
            }
        }
        ObjectNode completion = Connection.JSON.createObjectNode()
                .put("sha256", HexFormat.of().formatHex(sha256.digest()));
        completion.set("envelope", envelope);
        return node.sendJson("POST", path + "/complete", completion);
    }

    /** The digest of the file's first bytes, to go on from an offset the node reports after a broken chunk. */
    private static MessageDigest digestUpTo(FileChannel in, long length) throws IOException,
            NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        long position = 0;
        while (position < length) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), length - position));
            int read = in.read(buffer, position);
            digest.update(buffer.array(), 0, read);
            position += read;
        }
        return digest;
    }
}
