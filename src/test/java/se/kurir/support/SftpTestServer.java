package se.kurir.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) on loopback, over a directory of the test's: the agency file server an outbox
 * is polled on and an inbox is delivered to. Its host key and the client key are generated at start; known_hosts and
 * the client's private key are written as files, as an operator would configure them. It can cut a connection
 * mid-transfer, once, to show what the gateway does then.
 */
public final class SftpTestServer implements AutoCloseable {

    /** Test-only credentials of the throwaway server. */
    public static final String SENDER = "fk-batch";
    public static final String SENDER_PASSWORD = "test-only-sftp-password";
    public static final String RECEIVER = "skv-inbox";

    private final SshServer server;
    private final Path root;
    private final Path knownHosts;
    private final Path receiverKey;
    private final Path routeFile;
    private final AtomicLong cutReadAt = new AtomicLong(-1);
    private final AtomicLong cutWriteAt = new AtomicLong(-1);
    private final AtomicInteger cuts = new AtomicInteger();
    private final Set<Integer> readingSessions = ConcurrentHashMap.newKeySet();

    public SftpTestServer(Path directory) {
        try {
            root = Files.createDirectories(directory.resolve("sftp-root"));
            routeFile = directory.resolve("sftp-outboxes.camel.yaml");
            KeyPair hostKey = ecKey();
            KeyPair clientKey = ecKey();
            server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(0);
            server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
            server.setPasswordAuthenticator((user, password, session) ->
                    SENDER.equals(user) && SENDER_PASSWORD.equals(password));
            server.setPublickeyAuthenticator((user, key, session) ->
                    RECEIVER.equals(user) && KeyUtils.compareKeys(key, clientKey.getPublic()));
            SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
            sftp.addSftpEventListener(new ConnectionCutter());
            server.setSubsystemFactories(List.of(sftp));
            server.setFileSystemFactory(new VirtualFileSystemFactory(root));
            server.start();
            knownHosts = directory.resolve("known_hosts");
            Files.writeString(knownHosts, "[127.0.0.1]:" + server.getPort() + " "
                    + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
            receiverKey = directory.resolve("skv-inbox-key");
            try (OutputStream out = Files.newOutputStream(receiverKey)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "kurir-test", null, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The gateway configuration for Försäkringskassan's batch outbox ({@code outbox/}, password) and Skatteverket's
     * file inbox ({@code inbox/}, server {@code skv-inbox} of mailbox 2021005448.filmottagning, private key) on this
     * server.
     */
    public Map<String, String> gatewayProperties() {
        var properties = new LinkedHashMap<String, String>();
        properties.putAll(OutboxRouteFile.write(routeFile, "fk-batch", "2021005521", "fk-outbox", "300ms"));
        String outbox = "kurir.files.servers.fk-outbox.";
        properties.putAll(server(outbox, SENDER, "outbox"));
        properties.put(outbox + "password", SENDER_PASSWORD);
        String inbox = "kurir.files.servers.skv-inbox.";
        properties.put("kurir.demo.file-inbox-server", "skv-inbox");
        properties.putAll(server(inbox, RECEIVER, "inbox"));
        properties.put(inbox + "private-key", receiverKey.toString());
        return properties;
    }

    /** {@link #gatewayProperties()} as a node's command-line arguments. */
    public String[] gatewayArguments() {
        return gatewayProperties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    private Map<String, String> server(String prefix, String user, String directory) {
        return Map.of(prefix + "protocol", "SFTP", prefix + "host", "127.0.0.1", prefix + "port",
                Integer.toString(port()), prefix + "username", user, prefix + "known-hosts", knownHosts.toString(),
                prefix + "directory", directory);
    }

    public int port() {
        return server.getPort();
    }

    public Path knownHosts() {
        return knownHosts;
    }

    public Path receiverKey() {
        return receiverKey;
    }

    /** A directory as the server shows it, on the local disk. */
    public Path dir(String name) {
        try {
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next download that reaches this offset loses its connection. */
    public void cutNextReadAt(long offset) {
        cutReadAt.set(offset);
    }

    /** The next upload that reaches this offset loses its connection. */
    public void cutNextWriteAt(long offset) {
        cutWriteAt.set(offset);
    }

    /** How many SSH sessions have read a file: one per node that picked files up, as long as its connection lasts. */
    public int sessionsThatRead() {
        return readingSessions.size();
    }

    public int cuts() {
        return cuts.get();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private static KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private final class ConnectionCutter implements SftpEventListener {

        @Override
        public void reading(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                byte[] data, int dataOffset, int dataLen) throws IOException {
            readingSessions.add(System.identityHashCode(session));
            cutIfDue(cutReadAt, session, offset);
        }

        @Override
        public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                byte[] data, int dataOffset, int dataLen) throws IOException {
            cutIfDue(cutWriteAt, session, offset);
        }

        private void cutIfDue(AtomicLong at, ServerSession session, long offset) throws IOException {
            long due = at.get();
            if (due >= 0 && offset >= due && at.compareAndSet(due, -1)) {
                cuts.incrementAndGet();
                session.close(true);
                throw new IOException("connection cut by the test at offset " + offset);
            }
        }
    }
}
