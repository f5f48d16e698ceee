package se.kurir.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQBasicSecurityManager;
import org.awaitility.Awaitility;

/**
 * The cluster's external Artemis broker as {@code docker/artemis/broker.xml} sets it up, with the users and roles of
 * the {@code .example} files: in the test's JVM, or in a process of its own (the broker's own jars, started by the
 * test) that a test can kill while nodes use it. Only its journal's place and its port differ from the file.
 */
public final class ExternalBroker {

    public static final String GATEWAY_USER = "kurir";

    private ExternalBroker() {
    }

    public static EmbeddedActiveMQ start(Path dir, int port, String gatewayPassword) throws Exception {
        FileConfiguration configuration = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(
                Path.of("docker/artemis/broker.xml").toAbsolutePath().toUri().toString());
        deployment.addDeployable(configuration);
        deployment.readConfiguration();
        configuration.setBrokerInstance(dir.toFile());
        configuration.clearAcceptorConfigurations();
        configuration.addAcceptorConfiguration("artemis", "tcp://127.0.0.1:" + port + "?protocols=CORE,AMQP");
        ActiveMQBasicSecurityManager users = new ActiveMQBasicSecurityManager();
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration).setSecurityManager(users);
        broker.start();
        users.addNewUser(GATEWAY_USER, gatewayPassword, "kurir-gateway");
        users.addNewUser("2021005448", Api.SKATTEVERKET, "agency-2021005448");
        users.addNewUser("2021005521", Api.FORSAKRINGSKASSAN, "agency-2021005521");
        return broker;
    }

    /** Starts the broker in a JVM of its own and returns once it listens. */
    public static Process startProcess(Path dir, int port, String gatewayPassword, Path log) throws IOException {
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), ExternalBroker.class.getName(),
                dir.toString(), Integer.toString(port), gatewayPassword))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited; see " + log);
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        return process;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@code <data directory> <port> <gateway password>}; runs until killed. */
    public static void main(String[] args) throws Exception {
        EmbeddedActiveMQ broker = start(Path.of(args[0]), Integer.parseInt(args[1]), args[2]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        Thread.currentThread().join();
    }
}
