package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.KurirNode;

/**
 * Agency systems that speak JMS or AMQP 1.0: Skatteverket posts to its ingress address, Försäkringskassan's
 * integration platform reads its broker-outbox mailbox. Same validation, policy and audit as REST, and the broker
 * lets each participant reach only its own addresses.
 */
class BrokerIT {

    static final String SKV = "2021005448";
    static final String FK = "2021005521";
    static final String OUTBOX = "kurir.out.2021005521.integration";
    static KurirNode node;
    static int port;
    Api api = node.api();

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        node = KurirNode.start(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "broker-it-"),
                Map.of("kurir.broker.acceptor", "tcp://127.0.0.1:" + port + "?protocols=AMQP,CORE"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static ConnectionFactory amqp() {
        return new JmsConnectionFactory("amqp://127.0.0.1:" + port);
    }

    static ConnectionFactory core() {
        return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
    }

    @Test
    void theNodesOwnBrokerClientWaitsForAConfirmationNoLongerThanTheCallTimeout() {
        var cached = (CachingConnectionFactory) node.bean(ConnectionFactory.class);
        var artemis = (ActiveMQConnectionFactory) cached.getTargetConnectionFactory();
        assertThat(artemis.getCallTimeout()).as("kurir.broker.call-timeout, not Artemis' 30 s").isEqualTo(5_000);
    }

    @Test
    void messageSentOverJmsIsDeliveredToTheOutboxAndReadOverAmqp() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] payload = Envelopes.payload();

        send(core(), SKV, Api.SKATTEVERKET, "kurir.in." + SKV, toIntegration(id, "felaktiga-utbetalningar"), payload);

        await().atMost(Duration.ofSeconds(10)).until(() -> receipts(id).contains("DELIVERED"));
        try (Connection connection = amqp().createConnection(FK, Api.FORSAKRINGSKASSAN)) {
            connection.start();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            Message received = receive(session.createConsumer(session.createQueue(OUTBOX)), id);
            assertThat(received).isInstanceOf(BytesMessage.class);
            assertThat(received.getBody(byte[].class)).isEqualTo(payload);
            assertThat(received.getStringProperty("kurirSender")).isEqualTo(SKV);
            assertThat(received.getStringProperty("kurirEnvelope")).contains("\"recipient\":\"2021005521.integration\"");
        }
        assertThat(receipts(id)).containsExactly("ACCEPTED", "DELIVERED");
        var audit = api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json();
        assertThat(MessageFlowIT.types(audit, "type")).startsWith("MESSAGE_ACCEPTED", "MESSAGE_DELIVERED");
    }

    @Test
    void policyAppliesToBrokerSubmissionsAsToRest() throws Exception {
        String id = UUID.randomUUID().toString();

        send(amqp(), SKV, Api.SKATTEVERKET, "kurir.in." + SKV, toIntegration(id, "statistik"), Envelopes.payload());

        await().atMost(Duration.ofSeconds(10)).until(() -> receipts(id).contains("REJECTED"));
        var receipts = api.get(Api.SKATTEVERKET, "/api/v1/messages/" + id + "/receipts").json().get("receipts");
        assertThat(receipts.get(0).get("reasonCode").asText()).isEqualTo("PURPOSE_NOT_ALLOWED");
    }

    @Test
    void theAgreementsPrivacyStepAppliesToBrokerSubmissionsAsToRest() throws Exception {
        String id = UUID.randomUUID().toString();
        String envelope = Envelopes.envelope(id, "2021005521.kontroll", PrivacyStepIT.PRODUCT, "SFS 2009:400",
                "10 kap. 15 a §", "OWN_INITIATIVE", PrivacyStepIT.PURPOSE, "SUBSTANTIAL").replaceAll("\\s+", " ");
        send(amqp(), SKV, Api.SKATTEVERKET, "kurir.in." + SKV, envelope, PrivacyStepIT.payload());

        String mailbox = PrivacyStepIT.FK_MAILBOX + "/" + id;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get(Api.FORSAKRINGSKASSAN,
                mailbox).json().path("state").asText()).isEqualTo("DELIVERED"));
        String received = api.get(Api.FORSAKRINGSKASSAN, mailbox + "/payload").body();
        assertThat(received).doesNotContain(Envelopes.SYNTHETIC_PERSONNUMMER, "Tolvan", "hemlig");
        assertThat(Api.parse(received).get("personnummer").asText()).matches("\\d{12}");
    }

    @Test
    void aSubmissionThatCannotBecomeAMessageIsRefusedWithTheFieldNamed() throws Exception {
        String envelope = toIntegration(UUID.randomUUID().toString(), "felaktiga-utbetalningar")
                .replace("\"product\": \"inkomstuppgift\", ", "");

        send(amqp(), SKV, Api.SKATTEVERKET, "kurir.in." + SKV, envelope, Envelopes.payload());

        Message notice;
        try (Connection connection = amqp().createConnection(SKV, Api.SKATTEVERKET)) {
            connection.start();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            notice = session.createConsumer(session.createQueue("kurir.in." + SKV + ".refused")).receive(10_000);
        }
        assertThat(notice).as("Skatteverket reads the notice of its own refused submission").isNotNull();
        assertThat(notice.getStringProperty("kurirCode")).isEqualTo("ENVELOPE_FIELD_REQUIRED");
        assertThat(notice.getStringProperty("kurirDetail")).startsWith("product: ");
        assertThat(notice.getStringProperty("kurirEnvelope")).as("the sender can tell which submission")
                .isEqualTo(envelope);
    }

    @Test
    void eachParticipantReachesOnlyItsOwnAddresses() throws Exception {
        assertThatThrownBy(() -> amqp().createConnection(SKV, "kurir-demo-key-guessed").start())
                .isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> amqp().createConnection(FK, Api.SKATTEVERKET).start())
                .as("another participant's key").isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> send(amqp(), SKV, Api.SKATTEVERKET, "kurir.in." + FK,
                toIntegration(UUID.randomUUID().toString(), "felaktiga-utbetalningar"), Envelopes.payload()))
                .as("posting as someone else").isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> send(core(), SKV, Api.SKATTEVERKET, "kurir.mailbox.2021005521.kontroll",
                toIntegration(UUID.randomUUID().toString(), "felaktiga-utbetalningar"), Envelopes.payload()))
                .as("around the pipeline").isInstanceOf(JMSException.class);
        try (Connection connection = amqp().createConnection(SKV, Api.SKATTEVERKET)) {
            connection.start();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(OUTBOX)).receive(1000))
                    .as("another participant's outbox").isInstanceOf(JMSException.class);
        }
        try (Connection connection = amqp().createConnection(FK, Api.FORSAKRINGSKASSAN)) {
            connection.start();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("kurir.in." + SKV + ".refused"))
                    .receive(1000)).as("another participant's refusal notices").isInstanceOf(JMSException.class);
        }
    }

    /**
     * A hand-over whose state change committed but whose broker transaction did not (the node died in between): the
     * same queue message comes again and its outbox copy, rolled back with that transaction, is sent again, once. A
     * different queue message for a delivered message (a requeued copy) sends nothing.
     */
    @Test
    void aRedeliveredHandOverResendsTheOutboxCopyThatItsRolledBackTransactionLostAndACopySendsNothing()
            throws Exception {
        var routes = node.bean(CamelContext.class).getRouteController();
        String route = "delivery-mailbox-2021005521.integration";
        JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
        String lost = UUID.randomUUID().toString();
        String copy = UUID.randomUUID().toString();
        routes.stopRoute(route);
        try {
            for (String id : List.of(lost, copy)) {
                send(core(), SKV, Api.SKATTEVERKET, "kurir.in." + SKV, toIntegration(id, "felaktiga-utbetalningar"),
                        Envelopes.payload());
            }
            ConnectionFactory gateway = node.bean(ConnectionFactory.class);
            Map<String, String> queued = await().atMost(Duration.ofSeconds(10))
                    .until(() -> queuedBrokerMessageIds(gateway), ids -> ids.keySet().containsAll(List.of(lost, copy)));
            // What the first attempt left: DELIVERED committed by this queue message, outbox copy rolled back.
            jdbc.update("UPDATE messages SET state = 'DELIVERED', delivered_by = ? WHERE message_id = ?",
                    queued.get(lost), lost);
            jdbc.update("UPDATE messages SET state = 'DELIVERED', delivered_by = ? WHERE message_id = ?",
                    "ID:another-queue-message", copy);
        } finally {
            routes.startRoute(route);
        }

        List<String> outbox = new ArrayList<>();
        try (Connection connection = amqp().createConnection(FK, Api.FORSAKRINGSKASSAN)) {
            connection.start();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(OUTBOX));
            for (Message m = consumer.receive(5_000); m != null; m = consumer.receive(2_000)) {
                outbox.add(m.getStringProperty("kurirMessageId"));
            }
        }
        assertThat(outbox).containsOnlyOnce(lost).doesNotContain(copy);
    }

    /**
     * The outbox copy is sent on the very session that received the hand-over, so the copy and the acknowledgement
     * commit together: two sessions would commit one after the other, and a node dying in between would lose the
     * copy of a message already recorded as delivered.
     */
    @Test
    void theOutboxCopyIsSentInTheHandOversOwnTransaction() throws Exception {
        String route = "delivery-mailbox-2021005521.integration";
        var sameSession = new java.util.concurrent.CompletableFuture<Boolean>();
        JmsTemplate template = node.bean(JmsTemplate.class);
        AdviceWith.adviceWith(node.bean(CamelContext.class), route, advice -> advice
                .weaveById(route + "-broker-outbox").before().process(exchange -> {
                    jakarta.jms.Session received = exchange.getIn(JmsMessage.class).getJmsSession();
                    jakarta.jms.Session sending = template.execute(session -> session, false);
                    sameSession.complete(received != null && received.getTransacted()
                            && brokerSession(received).equals(brokerSession(sending)));
                }));
        String id = UUID.randomUUID().toString();
        send(core(), SKV, Api.SKATTEVERKET, "kurir.in." + SKV, toIntegration(id, "felaktiga-utbetalningar"),
                Envelopes.payload());

        assertThat(sameSession.get(15, java.util.concurrent.TimeUnit.SECONDS))
                .as("the copy's session is the hand-over's transacted session").isTrue();
    }

    /**
     * The broker's own session behind the proxies Spring hands out (a cached session; a close-suppressing one for a
     * template): its name, which Artemis prints and no proxy changes.
     */
    private static String brokerSession(jakarta.jms.Session session) {
        var name = java.util.regex.Pattern.compile("ClientSessionImpl \\[name=([^,]+),").matcher(session.toString());
        assertThat(name.find()).as("an Artemis session: " + session).isTrue();
        return name.group(1);
    }

    private static Map<String, String> queuedBrokerMessageIds(ConnectionFactory gateway)
            throws JMSException {
        Map<String, String> ids = new java.util.HashMap<>();
        try (Connection connection = gateway.createConnection()) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            var browser = session.createBrowser(session.createQueue("kurir.mailbox.2021005521.integration"));
            for (var e = browser.getEnumeration(); e.hasMoreElements();) {
                Message m = (Message) e.nextElement();
                ids.put(m.getStringProperty("kurirMessageId"), m.getJMSMessageID());
            }
        }
        return ids;
    }

    private static String toIntegration(String id, String purpose) {
        return Envelopes.envelope(id, "2021005521.integration", "inkomstuppgift", "SFS 2009:400", "10 kap. 15 a §",
                "OWN_INITIATIVE", purpose, "SUBSTANTIAL").replaceAll("\\s+", " ");
    }

    private static void send(ConnectionFactory factory, String user, String key, String address, String envelope,
            byte[] payload) throws JMSException {
        try (Connection connection = factory.createConnection(user, key)) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            BytesMessage message = session.createBytesMessage();
            message.setStringProperty("kurirEnvelope", envelope);
            message.setStringProperty("kurirMediaType", "application/json");
            message.writeBytes(payload);
            session.createProducer(session.createQueue(address)).send(message);
        }
    }

    private static Message receive(MessageConsumer consumer, String messageId) throws JMSException {
        for (Message m = consumer.receive(10_000); m != null; m = consumer.receive(10_000)) {
            if (messageId.equals(m.getStringProperty("kurirMessageId"))) {
                return m;
            }
        }
        throw new AssertionError("message " + messageId + " not in " + OUTBOX);
    }

    private List<String> receipts(String id) {
        var answer = api.get(Api.SKATTEVERKET, "/api/v1/messages/" + id + "/receipts");
        return answer.status() == 200 ? answer.json().get("receipts").findValuesAsText("type") : List.of();
    }
}
