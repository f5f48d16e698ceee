package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static se.kurir.support.FeedEvents.SAMORDNINGSNUMMER;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.FeedEvents;
import se.kurir.support.FeedReceiver;
import se.kurir.support.KurirNode;

/**
 * The gateway delivering subscriptions itself: push to Pensionsmyndigheten's endpoint (registered on its mailbox
 * 2021006297.notiser) and a durable broker queue read by Försäkringskassan over AMQP 1.0, with publication over
 * AMQP too. One node with a push receiver and a broker acceptor.
 */
class SubscriptionDeliveryIT {

    static final String SKV = "2021005448";
    static final String FK = "2021005521";
    static final String PM = "2021006297";
    static FeedReceiver receiver;
    static KurirNode node;
    static int brokerPort;
    Api api = node.api();

    @BeforeAll
    static void start() throws Exception {
        receiver = new FeedReceiver();
        try (ServerSocket socket = new ServerSocket(0)) {
            brokerPort = socket.getLocalPort();
        }
        node = KurirNode.start(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "subscription-it-"),
                Map.of("kurir.demo.push-url", receiver.url(),
                        "kurir.broker.acceptor", "tcp://127.0.0.1:" + brokerPort + "?protocols=AMQP",
                        "kurir.push.request-timeout", "2s",
                        "kurir.subscriptions.delivery.initial-delay", "200ms",
                        "kurir.subscriptions.delivery.max-delay", "1s"));
    }

    @AfterAll
    static void stop() {
        node.close();
        receiver.close();
    }

    @Test
    void pushDeliversInOrderRetriesAFailingSubscriberAndAStuckOneHoldsBackNoOther() {
        String recovering = pushSubscription();
        String stuck = pushSubscription();
        receiver.plan(recovering, 500, 503);
        receiver.plan(stuck, FeedReceiver.HANG, FeedReceiver.HANG, FeedReceiver.HANG, FeedReceiver.HANG);

        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            published.add(publish(FeedEvents.samordningsnummer(null, "ANDRAT")));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.sequences(recovering).size() >= 20);
        assertThat(receiver.sequences(recovering)).containsExactlyElementsOf(published);
        assertThat(receiver.attempts(recovering)).isGreaterThanOrEqualTo(3);
        assertThat(receiver.sequences(stuck)).isEmpty();
        JsonNode event = receiver.runs(recovering).get(0).events().get(0);
        assertThat(event.get("idempotencyKey").asText()).isEqualTo(recovering + ":" + published.get(0));
        assertThat(event.at("/payload/namn/efternamn").asText()).isEqualTo("Tolvansson"); // Pensionsmyndigheten's view

        var state = api.get(Api.PENSIONSMYNDIGHETEN, "/api/v1/subscriptions/" + recovering).json();
        assertThat(state.get("after").asLong()).isEqualTo(published.get(19));
        assertThat(state.get("failedAttempts").asInt()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(Api.PENSIONSMYNDIGHETEN,
                "/api/v1/subscriptions/" + stuck).json().get("failedAttempts").asInt() >= 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(Api.OPERATOR, "/actuator/prometheus").body()
                .contains("kurir_subscriptions_failing{deliveryMode=\"PUSH\",product=\"" + SAMORDNINGSNUMMER
                        + "\"} 1.0"));
        assertThat(api.get(Api.OPERATOR, "/actuator/prometheus").body()).containsPattern(
                "kurir_subscriptions_lag_max\\{deliveryMode=\"PUSH\",product=\"" + SAMORDNINGSNUMMER + "\"} [1-9]");
        var audit = api.get(Api.AUDITOR, "/api/v1/audit?participant=" + PM + "&limit=5000").body();
        assertThat(audit).contains("SUBSCRIPTION_DELIVERY_FAILED", "HTTP 500", "SUBSCRIPTION_DELIVERED");

        // Unstuck (its plan used up), it catches up in order: nothing was skipped while it hung.
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.sequences(stuck).size() >= 20);
        assertThat(receiver.sequences(stuck)).containsExactlyElementsOf(published);
    }

    @Test
    void aJmsSubscriptionHasItsOwnDurableQueueAndEventsCanBePublishedOverAmqp() throws Exception {
        var created = api.post(Api.FORSAKRINGSKASSAN, "/api/v1/subscriptions",
                FeedEvents.subscription(SAMORDNINGSNUMMER, "JMS", null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String queue = created.json().get("queue").asText();
        assertThat(queue).isEqualTo("kurir.feed." + FK + "." + created.json().get("id").asText());

        try (Connection skv = amqp().createConnection(SKV, Api.SKATTEVERKET)) {
            Session session = skv.createSession(Session.AUTO_ACKNOWLEDGE);
            var producer = session.createProducer(session.createQueue("kurir.publish." + SKV));
            for (String handelse : List.of("TILLDELAT", "AKTIVERAT", "AVREGISTRERAT")) {
                TextMessage message = session.createTextMessage(FeedEvents.samordningsnummer(null, handelse));
                message.setStringProperty("kurirProduct", SAMORDNINGSNUMMER);
                producer.send(message);
            }
            TextMessage broken = session.createTextMessage(FeedEvents.samordningsnummer(null, "X")
                    .replace("\"eventType\"", "\"type\""));
            broken.setStringProperty("kurirProduct", SAMORDNINGSNUMMER);
            producer.send(broken);
            skv.start();
            Message refusal = session.createConsumer(session.createQueue("kurir.in." + SKV + ".refused"))
                    .receive(10_000);
            assertThat(refusal).isNotNull();
            assertThat(refusal.getStringProperty("kurirCode")).startsWith("ENVELOPE_FIELD_");
        }

        try (Connection fk = amqp().createConnection(FK, Api.FORSAKRINGSKASSAN)) {
            fk.start();
            Session session = fk.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            List<JsonNode> events = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Message message = consumer.receive(10_000);
                assertThat(message).as("event " + i).isNotNull();
                JsonNode event = Api.parse(((TextMessage) message).getText());
                assertThat(message.getLongProperty("kurirSequence")).isEqualTo(event.get("sequence").asLong());
                events.add(event);
            }
            assertThat(events).extracting(e -> e.at("/payload/handelse").asText())
                    .containsExactly("TILLDELAT", "AKTIVERAT", "AVREGISTRERAT");
            assertThat(events.get(0).get("sequence").asLong()).isLessThan(events.get(2).get("sequence").asLong());
            assertThat(events.toString()).doesNotContain("Tolvansson", "fodelsedatum"); // Försäkringskassan's view
        }

        try (Connection pm = amqp().createConnection(PM, Api.PENSIONSMYNDIGHETEN)) {
            Session session = pm.createSession(Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(queue)))
                    .isInstanceOf(JMSException.class);
        }

        String id = created.json().get("id").asText();
        assertThat(api.delete(Api.FORSAKRINGSKASSAN, "/api/v1/subscriptions/" + id).status()).isEqualTo(204);
        try (Connection fk = amqp().createConnection(FK, Api.FORSAKRINGSKASSAN)) {
            Session session = fk.createSession(Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(queue)))
                    .isInstanceOf(JMSException.class);
        }
    }

    private String pushSubscription() {
        var created = api.post(Api.PENSIONSMYNDIGHETEN, "/api/v1/subscriptions",
                FeedEvents.subscription(SAMORDNINGSNUMMER, "PUSH", "\"pushMailbox\": \"2021006297.notiser\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private long publish(String body) {
        var published = api.post(Api.SKATTEVERKET, "/api/v1/products/" + SAMORDNINGSNUMMER + "/events", body);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        return published.json().get("sequence").asLong();
    }

    static JmsConnectionFactory amqp() {
        return new JmsConnectionFactory("amqp://127.0.0.1:" + brokerPort);
    }
}
