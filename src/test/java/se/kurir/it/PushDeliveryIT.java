package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import jakarta.jms.JMSException;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ObjectUtils;
import se.kurir.adapter.KurirHeaders;
import se.kurir.ops.DeadLetterConsole;
import se.kurir.support.Api;
import se.kurir.support.ConsoleSession;
import se.kurir.support.Envelopes;
import se.kurir.support.KurirNode;
import se.kurir.support.PushReceiver;

/**
 * Kriminalvården notifies Pensionsmyndigheten, whose mailbox 2021006297.notiser pushes to its case system. Push
 * with retries and back-off per mailbox, dead letters with a FAILED receipt, operator replay, a hanging endpoint
 * that holds back no other mailbox, and a hand-over to the broker that failed and is repaired.
 */
class PushDeliveryIT {

    static final String KRIMINALVARDEN = "kurir-demo-key-kriminalvarden";
    static final String READ_DEAD_LETTERS = """
            {"type":"read","mbean":"se.kurir:type=DeadLetters,*","attribute":"DeadLetters"}""";
    static PushReceiver receiver;
    static KurirNode node;
    static Path dataDir;
    Api api = node.api();

    @BeforeAll
    static void start() throws Exception {
        receiver = new PushReceiver();
        dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "push-it-");
        node = KurirNode.start(dataDir, Map.of("kurir.demo.push-url", receiver.url(),
                "kurir.pipeline.redelivery.max-attempts", "3", "kurir.pipeline.redelivery.initial-delay", "100ms",
                "kurir.pipeline.redelivery.max-delay", "500ms", "kurir.push.request-timeout", "2s",
                // A lost hand-over is repaired after 3 s here (5 min in production): shorter than a push in back-off.
                "kurir.pipeline.requeue-after", "3s", "kurir.pipeline.requeue-interval", "500"));
    }

    @AfterAll
    static void stop() {
        node.close();
        receiver.close();
    }

    @Test
    void pushedMessageCarriesEnvelopePayloadAndIdempotencyKey() {
        String id = sendNotice();

        await().atMost(Duration.ofSeconds(10)).until(() -> receipts(id).contains("DELIVERED"));

        var pushes = receiver.receivedFor(id);
        assertThat(pushes).hasSize(1);
        assertThat(pushes.get(0).contentType()).startsWith("multipart/form-data; boundary=");
        assertThat(pushes.get(0).text()).contains("name=\"envelope\"", "\"product\":\"utebliven-installelse\"",
                "name=\"payload\"", Envelopes.SYNTHETIC_PERSONNUMMER);
        assertThat(receipts(id)).containsExactly("ACCEPTED", "DELIVERED");
    }

    @Test
    void failedAttemptsAreRetriedWithBackOffUntilTheEndpointAccepts() {
        String id = UUID.randomUUID().toString();
        receiver.plan(id, 503, 500);

        sendNotice(id);

        await().atMost(Duration.ofSeconds(10)).until(() -> receipts(id).contains("DELIVERED"));
        assertThat(receiver.receivedFor(id)).hasSize(3);
        assertThat(node.bean(JdbcTemplate.class).queryForObject("SELECT attempts FROM messages WHERE message_id = ?",
                Integer.class, id)).isEqualTo(2);
        assertThat(receipts(id)).containsExactly("ACCEPTED", "DELIVERED");
    }

    @Test
    void messageIsDeadLetteredAfterTheLastAttemptAndReplayedByAnOperator() {
        String id = UUID.randomUUID().toString();
        receiver.plan(id, 500, 500, 500);

        sendNotice(id);

        await().atMost(Duration.ofSeconds(15)).until(() -> receipts(id).contains("FAILED"));
        assertThat(receiver.receivedFor(id)).hasSize(3);
        var letter = api.get(Api.OPERATOR, "/api/v1/dead-letters").json().findParents("messageId").stream()
                .filter(l -> l.get("messageId").asText().equals(id)).findFirst().orElseThrow();
        assertThat(letter.get("attempts").asInt()).isEqualTo(3);
        assertThat(letter.get("lastError").asText()).contains("HTTP 500");
        assertThat(api.get(Api.FORSAKRINGSKASSAN, "/api/v1/dead-letters").status()).isEqualTo(403);

        var replay = api.post(Api.OPERATOR, "/api/v1/dead-letters/" + id + "/replay", null);

        assertThat(replay.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> receipts(id).contains("DELIVERED"));
        assertThat(receipts(id)).containsExactly("ACCEPTED", "FAILED", "DELIVERED");
        var audit = api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json();
        assertThat(MessageFlowIT.types(audit, "type"))
                .containsExactly("MESSAGE_ACCEPTED", "MESSAGE_FAILED", "MESSAGE_REPLAYED", "MESSAGE_DELIVERED");
        assertThat(audit.get(2).get("actor").asText()).isEqualTo("demo-operator");
        assertThat(api.get(Api.OPERATOR, "/api/v1/dead-letters").json().findValuesAsText("messageId"))
                .doesNotContain(id);
    }

    @Test
    void operatorReplaysADeadLetterFromTheConsole() {
        String id = UUID.randomUUID().toString();
        receiver.plan(id, 500, 500, 500);
        sendNotice(id);
        await().atMost(Duration.ofSeconds(15)).until(() -> receipts(id).contains("FAILED"));
        var console = ConsoleSession.signIn(node.port(), "demo-operator", "demo-operator-password");
        // Other nodes in this JVM export their own DeadLetters MBean; this node's carries its bean's identity.
        String mbean = "se.kurir:type=DeadLetters,identity="
                + ObjectUtils.getIdentityHexString(node.bean(DeadLetterConsole.class));
        String listed = console.jolokia("""
                {"type":"read","mbean":"%s","attribute":"DeadLetters"}""".formatted(mbean), true).body().toString();
        assertThat(listed).contains(id, "HTTP 500");

        String replay = """
                {"type":"exec","mbean":"%s","operation":"replay","arguments":["%s"]}"""
                .formatted(mbean, id);
        assertThat(console.jolokia(replay, false).httpStatus()).as("no CSRF token").isEqualTo(403);
        var answer = console.jolokia(replay, true);

        assertThat(answer.body().toString()).contains(id + " queued again");
        await().atMost(Duration.ofSeconds(10)).until(() -> receipts(id).contains("DELIVERED"));
        var audit = api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json();
        assertThat(audit.get(2).get("type").asText()).isEqualTo("MESSAGE_REPLAYED");
        assertThat(audit.get(2).get("actor").asText()).isEqualTo("demo-operator");
    }

    @Test
    void theConsoleRefusesEveryoneButOperators() {
        var auditor = ConsoleSession.signIn(node.port(), "demo-auditor", "demo-auditor-password");
        assertThat(auditor.jolokia(READ_DEAD_LETTERS, true).httpStatus()).isEqualTo(403);
        var guesser = ConsoleSession.signIn(node.port(), "demo-operator", "guess");
        assertThat(guesser.jolokia(READ_DEAD_LETTERS, false).httpStatus()).isIn(302, 401, 403);
    }

    @Test
    void aHangingEndpointHoldsBackNoOtherMailbox() {
        String hanging = UUID.randomUUID().toString();
        receiver.plan(hanging, PushReceiver.HANG);
        sendNotice(hanging);

        var other = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload());
        String otherId = other.json().get("messageId").asText();

        await().atMost(Duration.ofSeconds(3)).until(() -> api.get(Api.SKATTEVERKET,
                "/api/v1/messages/" + otherId + "/receipts").json().findValuesAsText("type").contains("DELIVERED"));
        assertThat(receipts(hanging)).doesNotContain("DELIVERED");
        // The hung attempt times out (2 s), the broker retries, and the endpoint answers in time.
        await().atMost(Duration.ofSeconds(15)).until(() -> receipts(hanging).contains("DELIVERED"));
    }

    @Test
    void aPushInBackOffLongerThanTheRequeueDelayIsNotQueuedAgainAndArrivesOnce() {
        String id = UUID.randomUUID().toString();
        receiver.plan(id, PushReceiver.HANG, PushReceiver.HANG); // each attempt times out after 2 s: over 4 s in all

        sendNotice(id);

        await().atMost(Duration.ofSeconds(30)).until(() -> receipts(id).contains("DELIVERED"));
        var audit = api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json();
        assertThat(MessageFlowIT.types(audit, "type")).doesNotContain("MESSAGE_REQUEUED")
                .containsOnlyOnce("MESSAGE_DELIVERED");
        assertThat(receiver.receivedFor(id)).as("two timed-out attempts, then the one that arrived").hasSize(3);
        assertThat(receipts(id)).containsExactly("ACCEPTED", "DELIVERED");
    }

    @Test
    void aMessageWhoseHandOverToTheBrokerFailsIsAcceptedAndHandedOverAgain() throws Exception {
        String id = UUID.randomUUID().toString();
        failSendsOf(id);

        sendNotice(id); // 202: the message is admitted although its hand-over failed

        await().atMost(Duration.ofSeconds(15)).until(() -> receipts(id).contains("DELIVERED"));
        assertThat(receiver.receivedFor(id)).hasSize(1);
        var audit = api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json();
        assertThat(MessageFlowIT.types(audit, "type"))
                .containsExactly("MESSAGE_ACCEPTED", "MESSAGE_REQUEUED", "MESSAGE_DELIVERED");
    }

    /** The broker refuses the first hand-over of this message (as one whose journal failed would), once. */
    private static void failSendsOf(String id) throws Exception {
        var failed = new AtomicBoolean();
        AdviceWith.adviceWith(node.bean(CamelContext.class), "pipeline-enqueue", route -> route
                .weaveById("pipeline-enqueue-send").before().process(exchange -> {
                    if (id.equals(exchange.getIn().getHeader(KurirHeaders.MESSAGE_ID)) && failed.compareAndSet(false,
                            true)) {
                        throw new JMSException("the broker did not confirm the send");
                    }
                }));
    }

    private String sendNotice() {
        return sendNotice(UUID.randomUUID().toString());
    }

    private String sendNotice(String id) {
        var sent = api.sendMessage(KRIMINALVARDEN, notice(id), Envelopes.payload());
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        return id;
    }

    /** Kriminalvården's notice to Pensionsmyndigheten's pushing mailbox. */
    static String notice(String id) {
        return Envelopes.envelope(id, "2021006297.notiser", "utebliven-installelse", "SFS 2010:610", "1 kap. 9 §",
                "DUTY_TO_NOTIFY", "felaktiga-utbetalningar", "SUBSTANTIAL");
    }

    private List<String> receipts(String id) {
        return api.get(KRIMINALVARDEN, "/api/v1/messages/" + id + "/receipts").json().get("receipts")
                .findValuesAsText("type");
    }
}
