package se.kurir.privacy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import se.kurir.crypto.CryptoProperties;
import se.kurir.privacy.mpc.AdditiveSharing;
import se.kurir.privacy.mpc.ComputeParty;
import se.kurir.privacy.mpc.InputRecord;
import se.kurir.privacy.mpc.InputSharing;
import se.kurir.privacy.mpc.JobPseudonyms;
import se.kurir.privacy.mpc.MpcJob;
import se.kurir.privacy.mpc.MpcResult;
import se.kurir.privacy.mpc.ResultReconstruction;
import se.kurir.privacy.mpc.ResultShare;
import se.kurir.privacy.psi.PsiGroup;
import se.kurir.privacy.psi.PsiRequester;
import se.kurir.privacy.psi.PsiResponder;
import se.kurir.privacy.psi.PsiResult;
import se.kurir.registry.PrivacyPlan;
import se.kurir.tool.PrivacyKeyCommand;

/**
 * The privacy step's costs, each against its physical limit in the same run: pseudonyms per second through the
 * {@code pseudonymise} step (streamed JSON) against raw HMAC-SHA256 and raw FF1; the MPC case at full size (1.3
 * million people, 12 monthly incomes, three compute parties over loopback TCP) against the plain computation; PSI
 * with one million identifiers on each side against the elliptic-curve operations it cannot avoid.
 * Run with {@code ./mvnw -Pbench-privacy verify} (see docs/BENCHMARKS.md).
 */
public final class PrivacyBenchmark {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivacyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pseudonyms = Integer.parseInt(args[0]);
        int people = Integer.parseInt(args[1]);
        int psiSize = Integer.parseInt(args[2]);
        System.out.printf("Kurir privacy benchmark: %d cores, heap max %d MB, %s %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "kurir-privacy-bench-");
        pseudonymisation(dir, pseudonyms);
        mpc(people);
        psi(psiSize);
    }

    // ---- pseudonymisation ------------------------------------------------------------------------------------

    private static void pseudonymisation(Path dir, int count) throws Exception {
        Path document = dir.resolve("people.json");
        try (Writer out = Files.newBufferedWriter(document)) {
            out.write('[');
            for (int i = 0; i < count; i++) {
                out.write((i == 0 ? "" : ",") + "{\"personnummer\":\"" + personnummer(i) + "\",\"belopp\":" + i + "}");
            }
            out.write(']');
        }
        Path keystore = dir.resolve("privacy.p12");
        char[] password = "bench-privacy-keystore-password".toCharArray();
        PrivacyKeyCommand.addVersion(keystore, "pseudonym", password);
        var step = new PseudonymisationStep(new PrivacyKeys(new PrivacyProperties(
                new CryptoProperties.Keystore(keystore, "PKCS12", new String(password)))));
        byte[][] inputs = new byte[count][];
        for (int i = 0; i < count; i++) {
            inputs[i] = personnummer(i).getBytes(StandardCharsets.UTF_8);
        }
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            boolean report = round == 1;
            double rawHmac = rawHmac(inputs);
            double rawFf1 = rawFf1(count);
            double stepHmac = stepRate(step, document, "hmac", count);
            double stepFpe = stepRate(step, document, "fpe", count);
            if (report) {
                System.out.printf("pseudonymise: %,d identity numbers in one JSON document (%d MB), one thread%n",
                        count, Files.size(document) >> 20);
                System.out.printf("  raw HMAC-SHA256 (JDK Mac):      %,12.0f /s%n", rawHmac);
                System.out.printf("  step hmac (streamed JSON):      %,12.0f /s   %.2f of raw HMAC%n", stepHmac,
                        stepHmac / rawHmac);
                System.out.printf("  raw FF1 (BouncyCastle, 11 dig): %,12.0f /s%n", rawFf1);
                System.out.printf("  step fpe (streamed JSON):       %,12.0f /s   %.2f of raw FF1, %.3f of raw HMAC%n",
                        stepFpe, stepFpe / rawFf1, stepFpe / rawHmac);
            }
        }
    }

    private static double rawHmac(byte[][] inputs) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        long start = System.nanoTime();
        long sink = 0;
        for (byte[] input : inputs) {
            sink += mac.doFinal(input)[0];
        }
        return rate(inputs.length, start, sink);
    }

    private static double rawFf1(int count) {
        var engine = new FPEFF1Engine();
        engine.init(true, new FPEParameters(new KeyParameter(new byte[32]), 10, new byte[0]));
        byte[] in = new byte[11];
        byte[] out = new byte[11];
        long start = System.nanoTime();
        long sink = 0;
        for (int i = 0; i < count; i++) {
            in[i % 11] = (byte) (i % 10);
            engine.processBlock(in, 0, 11, out, 0);
            sink += out[0];
        }
        return rate(count, start, sink);
    }

    private static double stepRate(PseudonymisationStep step, Path document, String action, int count)
            throws IOException {
        var plan = new PrivacyPlan(null, "pseudonym", PrivacyPlan.FieldAction.KEEP,
                Map.of("/*/personnummer", action), null);
        var context = new PrivacyContext("m", "2021005448", "2021005521", "2021005521.kontroll", "p", "a",
                "felaktiga-utbetalningar", "tag", "application/json");
        long start = System.nanoTime();
        PrivacyStepResult result;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(document), 1 << 16)) {
            result = step.apply(plan, context, in, OutputStream.nullOutputStream());
        }
        return rate(result.fieldCounts().get(action), start, 0);
    }

    // ---- MPC -------------------------------------------------------------------------------------------------

    private static void mpc(int people) throws Exception {
        var law = "SFS 2009:400 10 kap.";
        MpcJob job = new MpcJob("fk-skv-inkomst", new MpcJob.JobParty("2021005521", law),
                new MpcJob.JobParty("2021005448", law), List.of(new MpcJob.JobParty("compute-a", law),
                new MpcJob.JobParty("compute-b", law), new MpcJob.JobParty("compute-c", law)),
                new MpcJob.JobParty("2021005521", law), MpcJob.Computation.SUM, 0);
        JobPseudonyms pseudonyms = new JobPseudonyms(RANDOM.generateSeed(32));
        long[] ids = new long[people];
        for (int i = 0; i < people; i++) {
            ids[i] = pseudonyms.of(personnummer(i));
        }
        // Försäkringskassan pays 90 % of the people Skatteverket has incomes for, and 10 % more others.
        int overlap = people * 9 / 10;

        long plainStart = System.nanoTime();
        long[] plain = new long[12];
        java.util.Set<Long> recipients = new java.util.HashSet<>();
        for (int i = people - overlap; i < people + people / 10; i++) {
            recipients.add(i < people ? ids[i] : pseudonyms.of(personnummer(i)));
        }
        Iterator<InputRecord> incomes = incomes(ids);
        while (incomes.hasNext()) {
            InputRecord r = incomes.next();
            if (recipients.contains(r.pseudonym())) {
                for (int m = 0; m < 12; m++) {
                    plain[m] += r.values()[m];
                }
            }
        }
        double plainSeconds = (System.nanoTime() - plainStart) / 1e9;
        List<Long> population = new ArrayList<>(recipients);
        recipients = null;

        AtomicLong bytes = new AtomicLong();
        List<ServerSocket> servers = new ArrayList<>();
        // One thread per compute party, as on three machines: the common pool has one worker on two cores.
        var computeParties = java.util.concurrent.Executors.newFixedThreadPool(3);
        for (int p = 0; p < 3; p++) {
            ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            servers.add(server);
            computeParties.submit(() -> serveComputeParty(job, server, bytes));
        }
        long start = System.nanoTime();
        var sharing = new InputSharing(job, new AdditiveSharing(SecureRandom.getInstance("DRBG")));
        List<Socket> populationSockets = connect(servers);
        sharing.sendPopulation(population.iterator(), outputs(populationSockets, bytes));
        List<Socket> shareSockets = connect(servers);
        sharing.sendShares(incomes(ids), outputs(shareSockets, bytes));
        List<ResultShare> shares = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            try (Socket socket = shareSockets.get(p)) {
                shares.add(ResultReconstruction.read(new DataInputStream(new BufferedInputStream(
                        socket.getInputStream())), job.id()));
            }
            populationSockets.get(p).close();
        }
        MpcResult result = ResultReconstruction.reconstruct(job, shares);
        double seconds = (System.nanoTime() - start) / 1e9;
        computeParties.shutdown();
        for (int m = 0; m < 12; m++) {
            if (result.total(m) != plain[m]) {
                throw new AssertionError("MPC month " + m + ": " + result.total(m) + " != plain " + plain[m]);
            }
        }
        long plainBytes = (long) people * 12 * 8;
        System.out.printf("MPC sum, %,d people x 12 monthly incomes, population %,d (%,d joined), 3 compute parties "
                + "on loopback TCP%n", people, population.size(), result.count());
        System.out.printf("  time to the reconstructed result: %.1f s (plain computation on the same data: %.1f s, "
                + "ratio %.1f)%n", seconds, plainSeconds, seconds / plainSeconds);
        System.out.printf("  bytes moved: %,d (%.0f MB; the incomes alone are %.0f MB, ratio %.1f); result equals "
                + "the plain sums%n", bytes.get(), bytes.get() / 1e6, plainBytes / 1e6,
                (double) bytes.get() / plainBytes);
    }

    private static Iterator<InputRecord> incomes(long[] ids) {
        return new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < ids.length;
            }

            @Override
            public InputRecord next() {
                var random = new SplittableRandom(next);
                long[] months = new long[12];
                for (int m = 0; m < 12; m++) {
                    months[m] = random.nextInt(80_000);
                }
                return new InputRecord(ids[next++], 0, months);
            }
        };
    }

    /** A compute party: first the population's pseudonyms, then the shares, then the answer on the same socket. */
    private static ResultShare serveComputeParty(MpcJob job, ServerSocket server, AtomicLong bytes) {
        var party = new ComputeParty(job);
        try (server) {
            try (Socket population = server.accept()) {
                party.receivePopulation(new DataInputStream(new BufferedInputStream(population.getInputStream(),
                        1 << 16)));
            }
            try (Socket shares = server.accept()) {
                ResultShare share = party.receiveShares(new DataInputStream(new BufferedInputStream(
                        shares.getInputStream(), 1 << 16)));
                ComputeParty.answer(share, new DataOutputStream(new CountingStream(shares.getOutputStream(), bytes)));
                shares.shutdownOutput();
                return share;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Socket> connect(List<ServerSocket> servers) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (ServerSocket server : servers) {
            sockets.add(new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()));
        }
        return sockets;
    }

    private static List<DataOutputStream> outputs(List<Socket> sockets, AtomicLong bytes) throws IOException {
        List<DataOutputStream> outputs = new ArrayList<>();
        for (Socket socket : sockets) {
            outputs.add(new DataOutputStream(new BufferedOutputStream(new CountingStream(socket.getOutputStream(),
                    bytes), 1 << 16)));
        }
        return outputs;
    }

    // ---- PSI -------------------------------------------------------------------------------------------------

    private static void psi(int size) throws Exception {
        List<String> requesterIds = new ArrayList<>(size);
        List<String> responderIds = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            requesterIds.add(personnummer(i));
            responderIds.add(personnummer(i + size / 2)); // half of each list overlaps
        }
        PsiGroup group = new PsiGroup();
        int sample = 20_000;
        blindRate(group, sample); // warm-up
        double blindRate = blindRate(group, sample);
        double reblindRate = reblindRate(group, sample);
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // The responder on a thread of its own: the common pool is for the parallel curve arithmetic.
            var responding = new java.util.concurrent.FutureTask<Void>(() -> {
                try (Socket socket = server.accept()) {
                    new PsiResponder(group, RANDOM, responderIds, PsiResponder.Reveals.COUNT, size).answer(
                            new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16)),
                            new DataOutputStream(new BufferedOutputStream(new CountingStream(
                                    socket.getOutputStream(), bytes), 1 << 16)));
                }
                return null;
            });
            new Thread(responding, "psi-responder").start();
            PsiResult result;
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                var requester = new PsiRequester(group, RANDOM, requesterIds, size);
                requester.sendBlinded(new DataOutputStream(new BufferedOutputStream(new CountingStream(
                        socket.getOutputStream(), bytes), 1 << 16)));
                result = requester.receive(new DataInputStream(new BufferedInputStream(socket.getInputStream(),
                        1 << 16)));
            }
            responding.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (result.intersection() != size - size / 2) {
                throw new AssertionError("PSI: " + result.intersection() + " != " + (size - size / 2));
            }
            // Each side hashes and blinds its own list, and blinds the other's again: nothing less will do.
            double floor = 2.0 * size / blindRate + 2.0 * size / reblindRate;
            System.out.printf("PSI (ECDH P-256, RFC 9380 hash-to-curve), %,d x %,d identifiers, %,d in common, "
                    + "loopback TCP%n", size, size, result.intersection());
            System.out.printf("  on all cores: hash-to-curve + blind %,.0f /s, decode + blind again %,.0f /s; the "
                    + "2 x %,d of each take %.1f s%n", blindRate, reblindRate, size, floor);
            System.out.printf("  time: %.1f s (ratio %.2f to those operations alone)%n", seconds, seconds / floor);
            System.out.printf("  bytes moved: %,d (%.0f MB; 3 x %,d points of 33 bytes)%n", bytes.get(),
                    bytes.get() / 1e6, size);
        }
    }

    private static double blindRate(PsiGroup group, int sample) throws IOException {
        long start = System.nanoTime();
        var sink = new java.io.ByteArrayOutputStream();
        new PsiRequester(group, RANDOM, personnummerList(sample), sample).sendBlinded(new DataOutputStream(sink));
        return rate(sample, start, sink.size());
    }

    /** The responder's work on points it receives, with a list of its own that is empty. */
    private static double reblindRate(PsiGroup group, int sample) throws IOException {
        var blinded = new java.io.ByteArrayOutputStream();
        new PsiRequester(group, RANDOM, personnummerList(sample), sample).sendBlinded(new DataOutputStream(blinded));
        long start = System.nanoTime();
        var answer = new java.io.ByteArrayOutputStream();
        new PsiResponder(group, RANDOM, List.of(), PsiResponder.Reveals.COUNT, sample).answer(new DataInputStream(
                new java.io.ByteArrayInputStream(blinded.toByteArray())), new DataOutputStream(answer));
        return rate(sample, start, answer.size());
    }

    private static List<String> personnummerList(int count) {
        List<String> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(personnummer(i + 20_000_000));
        }
        return list;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** A synthetic 12-digit identity number, one per index below 26.88 million, with a valid check digit. */
    static String personnummer(int i) {
        String first = String.format("19%02d%02d%02d%03d", 20 + i / 336_000 % 80, 1 + i / 28_000 % 12,
                1 + i / 1000 % 28, i % 1000);
        byte[] digits = new byte[12];
        for (int d = 0; d < 11; d++) {
            digits[d] = (byte) (first.charAt(d) - '0');
        }
        return first + FormatPreservingCipher.checkDigit(digits);
    }

    /** Keeps the JIT from removing work whose result nothing reads. */
    static volatile long sink;

    private static double rate(long count, long startNanos, long result) {
        sink += result;
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static final class CountingStream extends FilterOutputStream {
        private final AtomicLong bytes;

        CountingStream(OutputStream out, AtomicLong bytes) {
            super(out);
            this.bytes = bytes;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes.addAndGet(len);
        }
    }
}
