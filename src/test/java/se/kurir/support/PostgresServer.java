package se.kurir.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster on loopback, made with the server binaries installed on the machine (Debian's
 * postgresql package). initdb refuses to run as root, so as root the server runs as the {@code postgres} user.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The directory holding initdb and pg_ctl, if PostgreSQL server binaries are installed. */
    public static Optional<Path> binaries() {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A cluster for tests: fsync off, since a test's data need not survive a power cut. */
    public static PostgresServer start(Path bin) throws IOException, InterruptedException {
        return start(bin, false);
    }

    /** @param durable whether each commit waits for its fsync, as a production server does (for benchmarks) */
    public static PostgresServer start(Path bin, boolean durable) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("kurir-pg-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, dir, port);
        if (isRoot()) {
            run(List.of("chown", "postgres", dir.toString()));
        }
        server.pg("initdb", "-D", dir.resolve("data").toString(), "-U", "kurir", "--auth=trust", "-E", "UTF8");
        server.pg("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=" + (durable ? "on" : "off"),
                "start");
        try (var connection = DriverManager.getConnection(server.jdbcUrl("postgres"), "kurir", "")) {
            connection.createStatement().execute("CREATE DATABASE kurir");
        } catch (SQLException e) {
            server.close();
            throw new IOException("PostgreSQL started but is not usable", e);
        }
        return server;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            pg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "stop");
        } catch (IOException | InterruptedException e) {
            // teardown: the process dies with the JVM's temp directory anyway
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // best effort cleanup of a temporary directory
            }
        }
    }

    private void pg(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
