package se.kurir.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import se.kurir.crypto.KeyKind;
import se.kurir.crypto.Pem;
import se.kurir.tool.CertificateAuthority;

/**
 * Two federated Kurir nodes on the demo seed, each with its own data directory (database, broker, payload store),
 * over loopback mutual TLS with node certificates from a CA made here: node B serves Migrationsverket, node A everyone
 * else, as each one's directory says. B can be stopped and started again on the same federation port. A third key,
 * {@code node-x}, is issued by the same CA but named in no directory.
 */
public final class FederatedNodes implements AutoCloseable {

    public static final String MIGRATIONSVERKET = "2021002163";
    public static final String IDENTITET = MIGRATIONSVERKET + ".identitet";
    private static final List<String> SERVED_BY_A = List.of("2021005448", "2021005521", "2021006297", "2021000076",
            "2021005489", "2021004003");
    private static final char[] PASSWORD = "federated-nodes-password".toCharArray();

    private final Path dir;
    private final Map<String, Object> properties;
    private final CertificateAuthority ca;
    private final Path trust;
    private final Map<String, Path> keyStores = new HashMap<>();
    private final Map<String, X509Certificate> certificates = new HashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private KurirNode a;
    private KurirNode b;

    private FederatedNodes(Path dir, Map<String, Object> properties) throws Exception {
        this.dir = dir;
        this.properties = properties;
        Instant from = Instant.now().minus(Duration.ofHours(1));
        ca = CertificateAuthority.create("Federation test CA", from, from.plus(Duration.ofDays(2)));
        trust = dir.resolve("trust.p12");
        CertificateAuthority.writeTrustStore(trust, PASSWORD, List.of(ca.certificate()));
        for (String node : List.of("node-a", "node-b", "node-x")) {
            KeyPair key = CertificateAuthority.generate(KeyKind.EC_P256);
            X509Certificate certificate = ca.issueNode(node, key.getPublic(), List.of("localhost"), from,
                    from.plus(Duration.ofDays(2)));
            Path store = dir.resolve(node + ".p12");
            CertificateAuthority.writeKeyStore(store, "PKCS12", PASSWORD, List.of(new CertificateAuthority.Entry(node,
                    key, certificate, ca.certificate())));
            keyStores.put(node, store);
            certificates.put(node, certificate);
            ports.put(node, freePort());
        }
    }

    /** @param properties for both nodes, over the federation's own */
    public static FederatedNodes start(Path dir, Map<String, Object> properties) throws Exception {
        FederatedNodes nodes = new FederatedNodes(dir, properties);
        nodes.a = nodes.node("a", "node-a", "node-b", List.of(MIGRATIONSVERKET));
        nodes.startB();
        return nodes;
    }

    public KurirNode a() {
        return a;
    }

    public KurirNode b() {
        return b;
    }

    public void stopB() {
        b.close();
        b = null;
    }

    public void startB() throws IOException {
        b = node("b", "node-b", "node-a", SERVED_BY_A);
    }

    public int federationPort(String node) {
        return ports.get(node);
    }

    public X509Certificate certificate(String node) {
        return certificates.get(node);
    }

    /** An HTTPS client presenting the node's certificate and trusting the CA's. */
    public HttpClient client(String node) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStores.get(node)), PASSWORD);
        TrustManagerFactory trusted = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trusted.init(load(trust));
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(keys.getKeyManagers(), trusted.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public void close() {
        for (KurirNode node : new KurirNode[] {b, a}) {
            if (node != null) {
                node.close();
            }
        }
    }

    /** A node on the demo seed, with the directory entry of its one peer added. */
    private KurirNode node(String name, String nodeId, String peer, List<String> peerServes) throws IOException {
        Path registry = dir.resolve(name + "-registry");
        copy(Path.of("config/registry"), registry);
        Path seed = registry.resolve("demo-federation.yml");
        Files.writeString(seed, Files.readString(seed) + "\nnodes:\n  - id: " + peer
                + "\n    url: https://localhost:" + ports.get(peer)
                + "\n    tlsFingerprint: " + Pem.fingerprint(certificates.get(peer))
                + "\n    participants: [" + String.join(", ", peerServes.stream().map(p -> "\"" + p + "\"").toList())
                + "]\n");
        Map<String, Object> all = new HashMap<>(Map.of(
                "kurir.registry.seed", "file:" + seed,
                "kurir.federation.node-id", nodeId,
                "kurir.federation.port", Integer.toString(ports.get(nodeId)),
                "kurir.federation.tls.key-store", keyStores.get(nodeId).toString(),
                "kurir.federation.tls.key-store-password", new String(PASSWORD),
                "kurir.federation.tls.trust-store", trust.toString(),
                "kurir.federation.tls.trust-store-password", new String(PASSWORD)));
        all.putAll(properties);
        return KurirNode.start(dir.resolve(name + "-data"), all);
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
