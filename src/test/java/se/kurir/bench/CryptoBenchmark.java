package se.kurir.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import se.kurir.crypto.CertificateUsage;
import se.kurir.crypto.CmsOpener;
import se.kurir.crypto.CmsSealer;
import se.kurir.crypto.DecryptionKey;
import se.kurir.crypto.KeyKind;
import se.kurir.crypto.SigningKey;
import se.kurir.registry.PayloadProtection.SealingProfile;
import se.kurir.tool.CertificateAuthority;

/**
 * Seal and open throughput per profile, for 1 KB messages and one large file, against raw AES-256-GCM of this JVM in
 * the same run: the JDK's (what sealing encrypts with) and BouncyCastle's streaming one (what opening decrypts with,
 * since the JDK's holds all ciphertext back until the tag). The large file is sealed to and opened from a file on
 * disk (page cache) with the heap capped by the caller, so finishing at all shows the codec streams.
 * Run with {@code ./mvnw -Pbench-crypto verify} (see docs/BENCHMARKS.md).
 */
public final class CryptoBenchmark {

    private static final int CHUNK = 64 * 1024;
    private static final long WARM_UP = 256L << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CryptoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long size = FileBenchmark.parseSize(args.length > 0 ? args[0] : "1g");
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "kurir-crypto-bench-");
        System.out.printf("Kurir crypto benchmark: %d x 1 KB messages and one %d MB file per profile; %d cores, "
                + "heap max %d MB, %s %s%n", messages, size >> 20, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.version"));

        rawJdkGcm(Math.min(size, WARM_UP)); // let the JIT compile (and the JDK use its AES/GHASH intrinsics)
        rawBcGcm(Math.min(size, WARM_UP));
        double jdkGcm = rawJdkGcm(size);
        double bcGcm = rawBcGcm(size);
        System.out.printf("raw AES-256-GCM, JDK encrypt:             %8.1f MB/s%n", jdkGcm);
        System.out.printf("raw AES-256-GCM, BouncyCastle decrypt:    %8.1f MB/s%n", bcGcm);
        double rawSmall = rawJdkGcmSmall(messages);
        System.out.printf("raw AES-256-GCM, JDK, 1 KB messages:      %8.0f msg/s%n%n", rawSmall);

        Instant from = Instant.now().minus(Duration.ofHours(1));
        CertificateAuthority ca = CertificateAuthority.create("Bench CA", from, from.plus(Duration.ofDays(1)));
        KeyPair signingKey = CertificateAuthority.generate(KeyKind.EC_P256);
        SigningKey signer = new SigningKey(ca.issue("2021005521", "Bench", CertificateUsage.SIGNING,
                signingKey.getPublic(), from, from.plus(Duration.ofDays(1))), signingKey.getPrivate());

        System.out.println("profile          seal 1KB   open 1KB   | seal file  ratio  | open file  ratio");
        for (SealingProfile profile : SealingProfile.values()) {
            KeyPair key = CertificateAuthority.generate(KeyKind.forProfile(profile));
            DecryptionKey recipient = new DecryptionKey(ca.issue("2021000076", "Bench", CertificateUsage.ENCRYPTION,
                    key.getPublic(), from, from.plus(Duration.ofDays(1))), key.getPrivate());
            double[] small = smallMessages(signer, recipient, messages);
            Path sealed = dir.resolve(profile + ".cms");
            sealFile(signer, recipient, Math.min(size, WARM_UP), sealed);
            openFile(recipient, sealed, Math.min(size, WARM_UP));
            double seal = sealFile(signer, recipient, size, sealed);
            double open = openFile(recipient, sealed, size);
            Files.delete(sealed);
            System.out.printf("%-15s %7.0f/s  %7.0f/s   | %6.1f MB/s %5.2f  | %6.1f MB/s %5.2f%n", profile,
                    small[0], small[1], seal, seal / jdkGcm, open, open / bcGcm);
        }
        System.out.printf("%nheap: peak in use %d MB of %d MB max (after all runs)%n", peakHeap() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        Files.delete(dir);
    }

    private static double rawJdkGcm(long size) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(random(32), "AES"), new GCMParameterSpec(128, random(12)));
        byte[] in = random(CHUNK);
        byte[] out = new byte[CHUNK + 16];
        long start = System.nanoTime();
        for (long done = 0; done < size; done += CHUNK) {
            cipher.update(in, 0, CHUNK, out, 0);
        }
        cipher.doFinal(out, 0);
        return mbPerSecond(size, System.nanoTime() - start);
    }

    private static double rawBcGcm(long size) {
        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(false, new AEADParameters(new KeyParameter(random(32)), 128, random(12)));
        byte[] in = random(CHUNK);
        byte[] out = new byte[CHUNK + 32];
        long start = System.nanoTime();
        for (long done = 0; done < size; done += CHUNK) {
            gcm.processBytes(in, 0, CHUNK, out, 0); // the tag would not match at the end: throughput only
        }
        return mbPerSecond(size, System.nanoTime() - start);
    }

    private static double rawJdkGcmSmall(int messages) throws Exception {
        byte[] key = random(32);
        byte[] message = random(1024);
        for (int i = 0; i < messages * 10; i++) { // warm-up
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, random(12)));
            cipher.doFinal(message);
        }
        long start = System.nanoTime();
        for (int i = 0; i < messages * 10; i++) {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, random(12)));
            cipher.doFinal(message);
        }
        return messages * 10 / ((System.nanoTime() - start) / 1e9);
    }

    /** @return sealed and opened messages per second */
    private static double[] smallMessages(SigningKey signer, DecryptionKey recipient, int messages)
            throws IOException {
        byte[] message = random(1024);
        byte[][] sealed = new byte[messages][];
        for (int warm = 0; warm < 50; warm++) {
            sealed[0] = seal(signer, recipient, message);
            CmsOpener.open(new ByteArrayInputStream(sealed[0]), OutputStream.nullOutputStream(), List.of(recipient));
        }
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            sealed[i] = seal(signer, recipient, message);
        }
        double seal = messages / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        for (byte[] one : sealed) {
            CmsOpener.open(new ByteArrayInputStream(one), OutputStream.nullOutputStream(), List.of(recipient));
        }
        return new double[] {seal, messages / ((System.nanoTime() - start) / 1e9)};
    }

    private static byte[] seal(SigningKey signer, DecryptionKey recipient, byte[] message) throws IOException {
        var out = new ByteArrayOutputStream(2048);
        CmsSealer.seal(new ByteArrayInputStream(message), out, signer, List.of(recipient.certificate()));
        return out.toByteArray();
    }

    private static double sealFile(SigningKey signer, DecryptionKey recipient, long size, Path target)
            throws IOException {
        long start = System.nanoTime();
        try (InputStream in = new Generated(size); OutputStream out = Files.newOutputStream(target)) {
            CmsSealer.seal(in, out, signer, List.of(recipient.certificate()));
        }
        return mbPerSecond(size, System.nanoTime() - start);
    }

    private static double openFile(DecryptionKey recipient, Path sealed, long size) throws IOException {
        long start = System.nanoTime();
        var counted = new CountingOutput();
        try (InputStream in = Files.newInputStream(sealed)) {
            CmsOpener.open(in, counted, List.of(recipient));
        }
        if (counted.count != size) {
            throw new IllegalStateException("opened " + counted.count + " bytes, sealed " + size);
        }
        return mbPerSecond(size, System.nanoTime() - start);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double mbPerSecond(long bytes, long nanos) {
        return (bytes / 1048576.0) / (nanos / 1e9);
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** {@code size} bytes of a repeated random block: no disk and no allocation per read. */
    private static final class Generated extends InputStream {
        private final byte[] block = random(CHUNK);
        private long left;

        Generated(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? block[(int) (left % CHUNK)] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, left), CHUNK);
            System.arraycopy(block, 0, b, off, n);
            left -= n;
            return n;
        }
    }

    private static final class CountingOutput extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
