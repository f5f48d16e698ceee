package se.kurir.bench;

import static org.awaitility.Awaitility.await;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.kurir.support.Api;
import se.kurir.support.BulkClient;
import se.kurir.support.Envelopes;
import se.kurir.support.NodeProcess;
import se.kurir.support.SftpTestServer;

/**
 * Bulk files against their practical limit, in one run on one machine. A gateway node with its heap capped (256 MB by
 * default) moves one generated file (5 GB by default) in by SFTP and out by SFTP, and in by REST and out by REST,
 * SHA-256 checked at the far end. In the same run, the same file copied over the same SFTP server (MINA SSHD) with the
 * same client library the gateway uses (JSch): the plain upload and the plain download.
 * Run with {@code ./mvnw -Pbench-files verify} (see docs/BENCHMARKS.md).
 */
public final class FileBenchmark {

    private static final Pattern GC = Pattern.compile("\\) (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private FileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long size = parseSize(args.length > 0 ? args[0] : "5g");
        String heap = args.length > 1 ? args[1] : "256m";
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "kurir-file-bench-");
        System.out.printf("Kurir file benchmark: one file of %d MB, gateway heap %s; %d cores%n", size >> 20, heap,
                Runtime.getRuntime().availableProcessors());
        Path file = BulkClient.generate(dir.resolve("manadsfil.csv"), size);
        String sha256 = BulkClient.sha256(file);
        Path gcLog = dir.resolve("gc.log");
        try (SftpTestServer sftp = new SftpTestServer(dir);
                NodeProcess node = NodeProcess.start(dir.resolve("node"), dir.resolve("node.log"),
                        List.of("-Xmx" + heap, "-Xlog:gc:file=" + gcLog), sftp.gatewayArguments())) {
            Path outbox = sftp.dir("outbox");
            Path inbox = sftp.dir("inbox");

            // The practical limit: the same bytes through the same server and client library, once each way, the
            // client in a JVM of its own as the gateway's is.
            double plainPut = PlainCopy.run(sftp, "put", file, "outbox/plain.csv");
            double plainGet = PlainCopy.run(sftp, "get", dir.resolve("plain-copy.csv"), "outbox/plain.csv");
            check(sha256, dir.resolve("plain-copy.csv"));
            Files.delete(dir.resolve("plain-copy.csv"));
            Files.delete(outbox.resolve("plain.csv"));

            // Gateway, SFTP: from the manifest appearing in the outbox to the delivered file and manifest in the inbox.
            Files.move(file, outbox.resolve("manadsfil.csv"));
            long t0 = System.nanoTime();
            Files.writeString(outbox.resolve("manadsfil.csv.manifest.json"), Envelopes.manadsfil(null)
                    .replace("2021005448.kontroll", "2021005448.filmottagning"));
            Path delivered = BulkClient.awaitDelivered(inbox, "manadsfil.csv", Duration.ofHours(2));
            double gatewaySftp = seconds(t0);
            check(sha256, delivered);
            Files.move(delivered, file);
            Files.delete(BulkClient.manifestOf(delivered));

            // Gateway, REST: a streamed POST until 202 (stored, audited, queued), then a streamed GET.
            BulkClient rest = new BulkClient(node.port());
            String messageId = UUID.randomUUID().toString();
            t0 = System.nanoTime();
            int posted = rest.send(Api.FORSAKRINGSKASSAN, Envelopes.manadsfil(messageId), file);
            double restIn = seconds(t0);
            if (posted != 202) {
                throw new IllegalStateException("POST answered " + posted);
            }
            Path fetched = dir.resolve("fetched.csv");
            await().atMost(Duration.ofMinutes(5)).until(() -> "DELIVERED".equals(
                    node.api().get(Api.SKATTEVERKET, "/api/v1/mailboxes/2021005448.kontroll/messages/" + messageId)
                            .json().get("state").asText()));
            t0 = System.nanoTime();
            int got = rest.fetch(Api.SKATTEVERKET, "2021005448.kontroll", messageId, fetched);
            double restOut = seconds(t0);
            if (got != 200) {
                throw new IllegalStateException("GET answered " + got);
            }
            check(sha256, fetched);

            double mb = size / 1048576.0;
            System.out.printf("%nplain SFTP upload (JSch put)      %8.1f s  %7.1f MB/s%n", plainPut, mb / plainPut);
            System.out.printf("plain SFTP download (JSch get)    %8.1f s  %7.1f MB/s%n", plainGet, mb / plainGet);
            System.out.printf("plain SFTP copy, up then down     %8.1f s  %7.1f MB/s%n", plainPut + plainGet,
                    mb / (plainPut + plainGet));
            System.out.printf("gateway SFTP in -> SFTP out       %8.1f s  %7.1f MB/s  ratio %.2f of the plain copy "
                    + "(both ways), %.2f of one plain upload%n", gatewaySftp, mb / gatewaySftp,
                    (plainPut + plainGet) / gatewaySftp, plainPut / gatewaySftp);
            System.out.printf("gateway REST in (POST to 202)     %8.1f s  %7.1f MB/s  ratio %.2f of a plain upload%n",
                    restIn, mb / restIn, plainPut / restIn);
            System.out.printf("gateway REST out (GET)            %8.1f s  %7.1f MB/s  ratio %.2f of a plain download"
                    + "%n", restOut, mb / restOut, plainGet / restOut);
            heap(gcLog);
        } finally {
            deleteTree(dir);
        }
    }

    /** Heap of the gateway from its GC log: the most in use before any collection, the most live after one. */
    private static void heap(Path gcLog) throws Exception {
        long before = 0;
        long after = 0;
        long committed = 0;
        int collections = 0;
        Matcher m = GC.matcher(Files.readString(gcLog));
        while (m.find()) {
            before = Math.max(before, Long.parseLong(m.group(1)));
            after = Math.max(after, Long.parseLong(m.group(2)));
            committed = Math.max(committed, Long.parseLong(m.group(3)));
            collections++;
        }
        System.out.printf("gateway heap: peak in use %d MB, peak live after a collection %d MB, committed at most "
                + "%d MB, over %d collections%n", before, after, committed, collections);
    }

    private static void check(String sha256, Path file) {
        if (!sha256.equals(BulkClient.sha256(file))) {
            throw new IllegalStateException(file + " does not have the SHA-256 of the original");
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static long parseSize(String size) {
        String s = size.toLowerCase();
        long unit = s.endsWith("g") ? 1L << 30 : s.endsWith("m") ? 1L << 20 : 1;
        return Long.parseLong(s.replaceAll("[gm]$", "")) * unit;
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * A plain SFTP copy with JSch as camel-ftp configures it (known hosts checked, password login), in a JVM of its
     * own: {@code PlainCopy <port> <known_hosts> put|get <local> <remote>} prints the seconds the transfer took.
     */
    public static final class PlainCopy {

        static double run(SftpTestServer sftp, String direction, Path local, String remote) throws Exception {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), PlainCopy.class.getName(),
                    Integer.toString(sftp.port()), sftp.knownHosts().toString(), direction, local.toString(), remote)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String seconds = new String(process.getInputStream().readAllBytes()).trim();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("plain " + direction + " failed");
            }
            return Double.parseDouble(seconds);
        }

        public static void main(String[] args) throws Exception {
            JSch jsch = new JSch();
            jsch.setKnownHosts(args[1]);
            Session session = jsch.getSession(SftpTestServer.SENDER, "127.0.0.1", Integer.parseInt(args[0]));
            session.setPassword(SftpTestServer.SENDER_PASSWORD);
            session.setConfig("StrictHostKeyChecking", "yes");
            session.connect(10_000);
            ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
            channel.connect(10_000);
            long start = System.nanoTime();
            if ("put".equals(args[2])) {
                channel.put(args[3], args[4]);
            } else {
                channel.get(args[4], args[3]);
            }
            double seconds = seconds(start);
            channel.disconnect();
            session.disconnect();
            System.out.println(seconds);
        }
    }
}
