package se.kurir.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A Kurir node in a JVM of its own, started in the project directory (so it reads {@code config/} like a real node)
 * from the test class path, or from the application jar the build packaged, which a test can kill outright.
 */
public final class NodeProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private NodeProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static NodeProcess start(Path dataDir, Path log, String... extraArgs) throws IOException {
        return start(dataDir, log, List.of("-Xmx512m"), extraArgs);
    }

    /** As {@link #start(Path, Path, String...)}, with the node's own JVM options (heap size, GC log). */
    public static NodeProcess start(Path dataDir, Path log, List<String> jvmOptions, String... extraArgs)
            throws IOException {
        return started(launch(dataDir, log, jvmOptions, extraArgs), log);
    }

    /**
     * As {@link #start(Path, Path, List, String...)}, from the application jar ({@code target/kurir-*.jar}, packaged
     * before the integration tests run): the same jar docker/Dockerfile puts in the image, run as its entry point runs
     * it.
     */
    public static NodeProcess startJar(Path dataDir, Path log, List<String> jvmOptions, String... extraArgs)
            throws IOException {
        return started(launch(List.of("-jar", applicationJar().toString()), dataDir, log, jvmOptions, extraArgs), log);
    }

    private static NodeProcess started(NodeProcess node, Path log) {
        Api api = node.api();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!node.process.isAlive()) {
                        throw new IllegalStateException("node exited with " + node.process.exitValue() + "; see "
                                + log);
                    }
                    return reachable(api);
                });
        return node;
    }

    /** Starts the node and returns at once, before it serves anything: for what a client sees while it starts. */
    public static NodeProcess launch(Path dataDir, Path log, List<String> jvmOptions, String... extraArgs)
            throws IOException {
        return launch(List.of("-cp", System.getProperty("java.class.path"), "se.kurir.KurirApplication"), dataDir, log,
                jvmOptions, extraArgs);
    }

    private static NodeProcess launch(List<String> program, Path dataDir, Path log, List<String> jvmOptions,
            String... extraArgs) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(program);
        command.addAll(List.of("--server.port=" + port, "--kurir.data-dir=" + dataDir, "--spring.profiles.active=demo"));
        if (Stream.of(extraArgs).noneMatch(a -> a.startsWith("--kurir.broker.acceptor="))) {
            command.add("--kurir.broker.acceptor="); // in-VM only unless the test asks for a port
        }
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new NodeProcess(process, port);
    }

    private static Path applicationJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("kurir-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no application jar in target/: run the "
                            + "integration tests with mvn verify, which packages it before them"));
        }
    }

    private static boolean reachable(Api api) {
        try {
            return api.get(Api.OPERATOR, "/actuator/health").status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Api api() {
        return new Api(port);
    }

    /** The exit code once the node has ended by itself, waiting at most {@code wait}; empty while it still runs. */
    public java.util.OptionalInt exitCode(Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    /** SIGKILL: no shutdown hook, no graceful anything, as a power cut. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
