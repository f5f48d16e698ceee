package se.kurir.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The full application on a random port with the demo configuration from {@code config/}: embedded Artemis with a
 * persistent journal, a Hazelcast member and the H2 file database, all under one temporary data directory per test
 * run. Every subclass shares one cached context, so keep this class free of per-class overrides.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@AutoConfigureObservability // metrics export as in production; Spring's test support turns it off otherwise
public abstract class IntegrationTest {

    private static final Path DATA_DIR = createDataDir();
    /** Försäkringskassan's and Skatteverket's file server, for the demo's SFTP outbox and inbox. */
    protected static final SftpTestServer SFTP = new SftpTestServer(DATA_DIR);
    private static final Path TEST_CA = TestAuthority.pemIn(DATA_DIR);

    @LocalServerPort
    private int port;

    protected Api api;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("kurir.data-dir", DATA_DIR::toString);
        // Spring's test support turns JMX off; the operator console shows it. Other nodes in this JVM export the
        // same MBeans, hence unique names.
        registry.add("spring.jmx.enabled", () -> "true");
        registry.add("kurir.broker.acceptor", () -> ""); // in-VM only: other nodes in this JVM would want the port
        registry.add("spring.jmx.unique-names", () -> "true");
        SFTP.gatewayProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("kurir.audit.checkpoints.every", () -> "20"); // a few tests' worth of records per checkpoint
        registry.add("kurir.crypto.trust-anchors[0]", () -> "config/keys/demo-ca.pem");
        registry.add("kurir.crypto.trust-anchors[1]", () -> TEST_CA.toString());
    }

    protected int port() {
        return port;
    }

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private static Path createDataDir() {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
