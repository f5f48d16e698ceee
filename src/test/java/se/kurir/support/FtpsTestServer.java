package se.kurir.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * A real FTPS server (Apache FtpServer, explicit TLS) on loopback, with a certificate made by the JDK's keytool at
 * start and a trust store holding it, as an operator would configure the gateway's side.
 */
public final class FtpsTestServer implements AutoCloseable {

    /** Test-only credentials of the throwaway server and its stores. */
    public static final String USER = "kurir-ftps";
    public static final String PASSWORD = "test-only-ftps-password";
    private static final String STORE_PASSWORD = "test-only-store-password";

    private final FtpServer server;
    private final Listener listener;
    private final Path root;
    private final Path routeFile;
    private final Path trustStore;

    public FtpsTestServer(Path directory) {
        this(directory, "ip:127.0.0.1,dns:localhost");
    }

    /** @param subjectAltNames the names the server's certificate is valid for, in keytool's san syntax */
    public FtpsTestServer(Path directory, String subjectAltNames) {
        try {
            root = Files.createDirectories(directory.resolve("ftps-root"));
            routeFile = directory.resolve("ftps-outboxes.camel.yaml");
            Path keyStore = directory.resolve("ftps-server.p12");
            trustStore = directory.resolve("ftps-trust.p12");
            Path certificate = directory.resolve("ftps-server.crt");
            keytool("-genkeypair", "-alias", "ftps", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "san=" + subjectAltNames, "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD);
            keytool("-exportcert", "-alias", "ftps", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
                    "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", "ftps", "-file", certificate.toString(), "-storetype",
                    "PKCS12", "-keystore", trustStore.toString(), "-storepass", STORE_PASSWORD);

            SslConfigurationFactory ssl = new SslConfigurationFactory();
            ssl.setKeystoreFile(keyStore.toFile());
            ssl.setKeystoreType("PKCS12");
            ssl.setKeystorePassword(STORE_PASSWORD);
            ssl.setSslProtocol("TLSv1.3");
            ListenerFactory listeners = new ListenerFactory();
            listeners.setServerAddress("127.0.0.1");
            listeners.setPort(0);
            listeners.setSslConfiguration(ssl.createSslConfiguration());
            listeners.setImplicitSsl(false);
            listener = listeners.createListener();

            PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
            users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
            Path userFile = Files.createFile(directory.resolve("ftps-users.properties"));
            users.setFile(userFile.toFile());
            UserManager userManager = users.createUserManager();
            BaseUser user = new BaseUser();
            user.setName(USER);
            user.setPassword(PASSWORD);
            user.setHomeDirectory(root.toString());
            user.setAuthorities(List.of(new WritePermission()));
            userManager.save(user);

            FtpServerFactory factory = new FtpServerFactory();
            factory.addListener("default", listener);
            factory.setUserManager(userManager);
            server = factory.createServer();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FtpException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return listener.getPort();
    }

    public Path dir(String name) {
        try {
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Försäkringskassan's batch outbox ({@code outbox/}) and Skatteverket's file inbox ({@code inbox/}) here. */
    public Map<String, Object> gatewayProperties() {
        var properties = new LinkedHashMap<String, Object>();
        properties.putAll(OutboxRouteFile.write(routeFile, "fk-ftps", "2021005521", "fk-outbox", "300ms"));
        properties.putAll(server("kurir.files.servers.fk-outbox.", "outbox"));
        properties.put("kurir.demo.file-inbox-server", "skv-inbox");
        properties.putAll(server("kurir.files.servers.skv-inbox.", "inbox"));
        return properties;
    }

    private Map<String, Object> server(String prefix, String directory) {
        return Map.of(prefix + "protocol", "FTPS", prefix + "host", "127.0.0.1", prefix + "port", port(),
                prefix + "username", USER, prefix + "password", PASSWORD, prefix + "trust-store", trustStore,
                prefix + "trust-store-password", STORE_PASSWORD, prefix + "directory", directory);
    }

    @Override
    public void close() {
        server.stop();
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
