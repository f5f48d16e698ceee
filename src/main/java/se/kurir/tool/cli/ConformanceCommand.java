package se.kurir.tool.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import se.kurir.delivery.DeliveryProblem;
import se.kurir.envelope.EnvelopeProblem;
import se.kurir.security.SecurityProblem;

/**
 * The conformance kit: the scenarios an agency runs against a node before it goes live, black box, over the API
 * only. The plan ({@code config/conformance/demo-plan.yml} shows one) names the sender's and the recipient's keys by
 * environment variable, the recipient's mailbox, and a message its agreement allows. Each scenario prints PASS or
 * FAIL with what it saw; exit code 5 when any failed.
 */
@Command(name = "conformance", description = "Run the conformance scenarios of a plan against a node: send, "
        + "receipts, fetch, acknowledge, a repeated send, bad inputs, a feed")
final class ConformanceCommand implements Callable<Integer> {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Mixin Connection node;
    @Mixin Io io;
    @Option(names = "--plan", required = true) Path planFile;

    private JsonNode plan;
    private Connection sender;
    private Connection recipient;
    private final List<String> failures = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        plan = new ObjectMapper(new YAMLFactory()).readTree(planFile.toFile());
        sender = as("sender");
        recipient = as("recipient");
        String messageId = UUID.randomUUID().toString();
        byte[] payload = plan.at("/message/payload").asText().getBytes(StandardCharsets.UTF_8);

        scenario("send", () -> {
            JsonNode answer = send(sender, messageId, payload);
            expect(answer.path("status").asText().equals("ACCEPTED"), "the node accepted it: " + answer);
            return "message " + messageId + " accepted";
        });
        scenario("receipt DELIVERED", () -> {
            awaitReceipt(messageId, "DELIVERED");
            return "the sender has its DELIVERED receipt";
        });
        scenario("fetch", () -> {
            String mailbox = plan.at("/recipient/mailbox").asText();
            expect(recipient.getJson("/api/v1/mailboxes/" + mailbox + "/messages?limit=1000").findValuesAsText(
                    "messageId").contains(messageId), "the message is listed in " + mailbox);
            byte[] fetched = recipient.send(recipient.request("/api/v1/mailboxes/" + mailbox + "/messages/"
                    + messageId + "/payload").GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            expect(sha256(fetched).equals(sha256(payload)), "the payload fetched is the one sent");
            return "listed and fetched, SHA-256 " + sha256(fetched);
        });
        scenario("acknowledge", () -> {
            recipient.sendJson("POST", "/api/v1/mailboxes/" + plan.at("/recipient/mailbox").asText() + "/messages/"
                    + messageId + "/ack", null);
            awaitReceipt(messageId, "ACKNOWLEDGED");
            return "the sender has its ACKNOWLEDGED receipt";
        });
        scenario("repeated send", () -> {
            HttpResponse<String> again = post(sender, messageId, payload);
            expect(again.statusCode() == 202 && again.headers().firstValue("Kurir-Duplicate").orElse("")
                    .equals("true"), "a repeat is answered 202 with Kurir-Duplicate: true, was " + again.statusCode());
            return "answered as the first time, stored once";
        });
        badInputs(payload);
        if (plan.has("feed")) {
            feed();
        }
        io.out.println(failures.isEmpty() ? "conformance: all scenarios passed"
                : "conformance: " + failures.size() + " failed: " + String.join(", ", failures));
        return failures.isEmpty() ? ExitCodes.OK : ExitCodes.NOT_CONFORMING;
    }

    private void badInputs(byte[] payload) {
        scenario("bad input: malformed envelope", () -> refused(sender, "{not json", payload, 400,
                EnvelopeProblem.ENVELOPE_MALFORMED.name()));
        scenario("bad input: no legal basis", () -> {
            ObjectNode envelope = envelope(UUID.randomUUID().toString());
            envelope.remove("legalBasis");
            return refused(sender, envelope.toString(), payload, 400,
                    EnvelopeProblem.ENVELOPE_FIELD_REQUIRED.name());
        });
        scenario("bad input: unknown key", () -> {
            Connection stranger = Connection.at(node.url, variable -> "not-a-key-" + UUID.randomUUID());
            return refused(stranger, envelope(UUID.randomUUID().toString()).toString(), payload, 401,
                    SecurityProblem.UNAUTHENTICATED.name());
        });
        scenario("bad input: another participant's mailbox", () -> {
            HttpResponse<String> answer = recipient.client().send(recipient.request("/api/v1/mailboxes/"
                    + plan.at("/recipient/otherMailbox").asText() + "/messages").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return problem(answer, 403, DeliveryProblem.MAILBOX_FORBIDDEN.name());
        });
    }

    private void feed() {
        String product = plan.at("/feed/product").asText();
        scenario("feed", () -> {
            String subscription = recipient.sendJson("POST", "/api/v1/subscriptions", Map.of("product", product,
                    "deliveryMode", "PULL")).path("id").asText();
            try {
                ObjectNode event = plan.at("/feed/event").deepCopy();
                ((ObjectNode) event.get("envelope")).put("messageId", UUID.randomUUID().toString());
                long sequence = sender.sendJson("POST", "/api/v1/products/" + product + "/events", event)
                        .path("sequence").asLong();
                JsonNode page = recipient.getJson("/api/v1/subscriptions/" + subscription + "/feed?wait=20");
                expect(page.get("events").findValuesAsText("sequence").contains(Long.toString(sequence)),
                        "the event published (" + sequence + ") reaches the subscriber: " + page);
                return "event " + sequence + " read from subscription " + subscription;
            } finally {
                recipient.send(recipient.request("/api/v1/subscriptions/" + subscription).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        });
    }

    interface Scenario {
        String run() throws Exception;
    }

    private void scenario(String name, Scenario scenario) {
        try {
            io.out.println("PASS " + name + ": " + scenario.run());
        } catch (Exception | AssertionError e) {
            failures.add(name);
            io.out.println("FAIL " + name + ": " + e.getMessage());
        }
    }

    private Connection as(String role) {
        String variable = plan.at("/" + role + "/keyVariable").asText();
        String key = io.environment.apply(variable);
        if (key == null) {
            throw new IllegalStateException("the plan's " + role + " key is in " + variable + ", which is not set");
        }
        return Connection.at(node.url, name -> name.equals("KURIR_API_KEY") ? key : io.environment.apply(name));
    }

    private ObjectNode envelope(String messageId) {
        ObjectNode envelope = Connection.JSON.createObjectNode().put("messageId", messageId)
                .put("recipient", plan.at("/recipient/mailbox").asText())
                .put("product", plan.at("/message/product").asText());
        envelope.set("legalBasis", plan.at("/message/legalBasis"));
        return envelope;
    }

    private JsonNode send(Connection as, String messageId, byte[] payload) throws IOException, InterruptedException {
        HttpResponse<String> answer = post(as, messageId, payload);
        expect(answer.statusCode() == 202, "answered 202, was " + answer.statusCode() + " " + answer.body());
        return Connection.JSON.readTree(answer.body());
    }

    private HttpResponse<String> post(Connection as, String messageId, byte[] payload)
            throws IOException, InterruptedException {
        return postEnvelope(as, envelope(messageId).toString(), payload);
    }

    private HttpResponse<String> postEnvelope(Connection as, String envelope, byte[] payload)
            throws IOException, InterruptedException {
        return as.client().send(MessagePost.request(as, envelope, plan.at("/message/mediaType").asText(),
                () -> new ByteArrayInputStream(payload), payload.length), HttpResponse.BodyHandlers.ofString());
    }

    private String refused(Connection as, String envelope, byte[] payload, int status, String code)
            throws IOException, InterruptedException {
        return problem(postEnvelope(as, envelope, payload), status, code);
    }

    private static String problem(HttpResponse<String> answer, int status, String code) throws IOException {
        JsonNode problem = Connection.JSON.readTree(answer.body());
        expect(answer.statusCode() == status && problem.path("code").asText().equals(code)
                && answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "expected " + status + " " + code + " as a problem document, was " + answer.statusCode() + " "
                        + answer.body());
        return status + " " + code + ": " + problem.path("detail").asText();
    }

    private void awaitReceipt(String messageId, String type) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!sender.getJson("/api/v1/messages/" + messageId + "/receipts").findValuesAsText("type")
                .contains(type)) {
            expect(Instant.now().isBefore(deadline), "no " + type + " receipt within " + PATIENCE.toSeconds() + " s");
            Thread.sleep(250); // a client polling the API, as an agency's would
        }
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
