package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.core.env.Environment;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.ExternalBroker;
import se.kurir.support.KurirNode;

/**
 * The cluster's external broker as docker/compose.yaml runs it, without a container: an Artemis broker started from
 * {@code docker/artemis/broker.xml}, its users and roles in the shape of the {@code .example} files, and a gateway node
 * on it (external broker, {@code docker/federation.yml}). Messages travel through it; agency systems get exactly what
 * the embedded broker gives them (their own addresses only); mailbox, ingress and publish queues redeliver and
 * dead-letter as the embedded broker's do.
 */
class BrokerConfigurationIT {

    private static final String GATEWAY_PASSWORD = "broker-it-" + UUID.randomUUID();
    static EmbeddedActiveMQ broker;
    static KurirNode node;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "broker-configuration-it-");
        port = ExternalBroker.freePort();
        broker = ExternalBroker.start(dir, port, GATEWAY_PASSWORD);
        node = KurirNode.start(dir.resolve("node"), Map.of(
                "spring.artemis.mode", "native", "spring.artemis.embedded.enabled", "false",
                "spring.artemis.broker-url", "tcp://127.0.0.1:" + port,
                "spring.artemis.user", ExternalBroker.GATEWAY_USER, "spring.artemis.password", GATEWAY_PASSWORD,
                "kurir.registry.seed", "file:docker/federation.yml",
                // The demo's certificates are of participants this federation does not have.
                "kurir.crypto.certificates", Files.createDirectories(dir.resolve("certificates")).toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        broker.stop();
    }

    @Test
    void messagesTravelThroughTheExternalBroker() {
        Api api = node.api();
        String id = UUID.randomUUID().toString();
        assertThat(api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(id), Envelopes.payload()).status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> api.get(Api.FORSAKRINGSKASSAN,
                "/api/v1/mailboxes/2021005521.kontroll/messages/" + id).status() == 200);
    }

    @Test
    void anAgencySystemReachesItsOwnAddressesOnly() throws Exception {
        try (Connection skatteverket = amqp("2021005448", Api.SKATTEVERKET)) {
            Session session = skatteverket.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("kurir.in.2021005448")).send(session.createTextMessage("{}"));
            session.createConsumer(session.createQueue("kurir.in.2021005448.refused")).close();
            assertThatThrownBy(() -> session.createProducer(session.createQueue("kurir.in.2021005521"))
                    .send(session.createTextMessage("{}"))).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("kurir.out.2021005521.integration")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("kurir.mailbox.2021005521.kontroll")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("kurir.dlq")))
                    .isInstanceOf(JMSSecurityException.class);
        }
        try (Connection forsakringskassan = amqp("2021005521", Api.FORSAKRINGSKASSAN)) {
            Session session = forsakringskassan.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createConsumer(session.createQueue("kurir.out.2021005521.integration")).close();
        }
        assertThatThrownBy(() -> amqp("2021005448", "a-wrong-key").close()).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void queuesRedeliverAndDeadLetterAsTheEmbeddedBrokersDo() {
        Environment gateway = node.bean(Environment.class);
        for (String address : new String[] {"kurir.mailbox.2021005521.kontroll", "kurir.in.2021005448",
                "kurir.publish.2021005448"}) {
            AddressSettings settings = broker.getActiveMQServer().getAddressSettingsRepository().getMatch(address);
            assertThat(settings.getDeadLetterAddress().toString()).as(address).isEqualTo("kurir.dlq");
            assertThat(settings.getMaxDeliveryAttempts()).as(address)
                    .isEqualTo(gateway.getRequiredProperty("kurir.pipeline.redelivery.max-attempts", Integer.class));
            assertThat(Duration.ofMillis(settings.getRedeliveryDelay())).as(address).isEqualTo(
                    gateway.getRequiredProperty("kurir.pipeline.redelivery.initial-delay", Duration.class));
            assertThat(settings.getRedeliveryMultiplier()).as(address).isEqualTo(
                    gateway.getRequiredProperty("kurir.pipeline.redelivery.multiplier", Double.class));
            assertThat(Duration.ofMillis(settings.getMaxRedeliveryDelay())).as(address).isEqualTo(
                    gateway.getRequiredProperty("kurir.pipeline.redelivery.max-delay", Duration.class));
            assertThat(settings.getRedeliveryCollisionAvoidanceFactor()).as(address).isEqualTo(0.5);
        }
        assertThat(broker.getActiveMQServer().locateQueue("kurir.dlq")).isNotNull();
        assertThat(broker.getActiveMQServer().locateQueue("kurir.dlq.unrecorded")).isNotNull();
    }

    @Test
    void peerQueuesWaitForTheirPeerAsTheEmbeddedBrokersDo() {
        ConfigurationImpl embedded = new ConfigurationImpl();
        node.beans(ArtemisConfigurationCustomizer.class).forEach(customizer -> customizer.customize(embedded));
        AddressSettings expected = embedded.getAddressSettings().get("kurir.peer.#");
        AddressSettings settings = broker.getActiveMQServer().getAddressSettingsRepository()
                .getMatch("kurir.peer.kurir-fk");
        assertThat(expected).as("the embedded broker's peer queue settings").isNotNull();
        assertThat(settings.getMaxDeliveryAttempts()).isEqualTo(expected.getMaxDeliveryAttempts()).isEqualTo(-1);
        assertThat(settings.getRedeliveryDelay()).isEqualTo(expected.getRedeliveryDelay()).isZero();
        assertThat(settings.getDeadLetterAddress().toString()).isEqualTo(expected.getDeadLetterAddress().toString());
    }

    private static Connection amqp(String user, String password) throws Exception {
        Connection connection = new JmsConnectionFactory(user, password, "amqp://127.0.0.1:" + port)
                .createConnection();
        connection.start();
        return connection;
    }
}
