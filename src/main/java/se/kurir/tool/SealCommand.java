package se.kurir.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import se.kurir.crypto.BouncyCastle;
import se.kurir.crypto.CmsOpener;
import se.kurir.crypto.CmsSealer;
import se.kurir.crypto.DecryptionKey;
import se.kurir.crypto.OrganisationNumbers;
import se.kurir.crypto.Pem;
import se.kurir.crypto.SigningKey;

/**
 * The seal helper for agency systems (bin/kurir-seal), streaming in constant memory:
 *
 * <pre>
 * kurir-seal seal --keystore agency.p12 --recipient recipient.pem --in report.json --out report.cms
 * kurir-seal open --keystore agency.p12 --sender 2021005521 --in report.cms --out report.json
 * </pre>
 *
 * The keystore (PKCS#12 or BCFKS) holds the agency's signing key and its decryption keys, old ones too; its password
 * comes from the environment variable {@code KURIR_KEYSTORE_PASSWORD}, never from the command line (which other
 * users can see). {@code open} writes to {@code <out>.part} and renames it only when the AES-GCM tag and the
 * signature have verified, and when the signer is the expected sender.
 */
public final class SealCommand {

    static final String PASSWORD_VARIABLE = "KURIR_KEYSTORE_PASSWORD";

    private final Function<String, String> environment;
    private final PrintStream out;

    SealCommand(Function<String, String> environment, PrintStream out) {
        this.environment = environment;
        this.out = out;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = new SealCommand(System::getenv, System.out).run(args);
        } catch (RuntimeException | IOException | GeneralSecurityException e) {
            System.err.println("kurir-seal: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    /** One seal or open, with this environment (the keystore password) and output: for {@code kurir seal|open}. */
    public static int run(Function<String, String> environment, PrintStream out, String... args)
            throws IOException, GeneralSecurityException {
        return new SealCommand(environment, out).run(args);
    }

    int run(String[] args) throws IOException, GeneralSecurityException {
        if (args.length == 0 || !(args[0].equals("seal") || args[0].equals("open"))) {
            out.println("usage: kurir-seal seal --keystore F [--type PKCS12|BCFKS] --recipient CERT.pem --in F --out F");
            out.println("       kurir-seal open --keystore F [--type PKCS12|BCFKS] --sender ORGNR --in F --out F");
            out.println("       (keystore password from " + PASSWORD_VARIABLE + ")");
            return 2;
        }
        Map<String, String> options = options(args);
        List<DecryptionKey> keys = keys(Path.of(require(options, "keystore")), options.getOrDefault("type", "PKCS12"));
        Path in = Path.of(require(options, "in"));
        Path target = Path.of(require(options, "out"));
        if (args[0].equals("seal")) {
            X509Certificate recipient = Pem.certificates(Files.readString(Path.of(require(options, "recipient"))))
                    .get(0);
            DecryptionKey signer = keys.stream().filter(k -> isSigning(k.certificate())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("keystore: no signing key (digitalSignature)"));
            try (InputStream plaintext = Files.newInputStream(in); OutputStream sealed = Files.newOutputStream(target)) {
                CmsSealer.seal(plaintext, sealed, new SigningKey(signer.certificate(), signer.privateKey()),
                        List.of(recipient));
            }
            out.println("sealed " + in + " -> " + target + " for " + recipient.getSubjectX500Principal());
            return 0;
        }
        String sender = require(options, "sender");
        Path part = target.resolveSibling(target.getFileName() + ".part");
        X509Certificate signer;
        try (InputStream sealed = Files.newInputStream(in); OutputStream plaintext = Files.newOutputStream(part)) {
            signer = CmsOpener.open(sealed, plaintext, keys);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        String signedBy = OrganisationNumbers.fromSubject(signer.getSubjectX500Principal()).orElse("?");
        if (!signedBy.equals(sender)) {
            Files.deleteIfExists(part);
            throw new IllegalArgumentException("sealed by " + signedBy + ", not by the expected sender " + sender);
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.println("opened " + in + " -> " + target + ", signed by " + signer.getSubjectX500Principal()
                + " (key id " + Pem.fingerprint(signer) + ")");
        return 0;
    }

    private List<DecryptionKey> keys(Path file, String type) throws IOException, GeneralSecurityException {
        String password = environment.apply(PASSWORD_VARIABLE);
        if (password == null) {
            throw new IllegalArgumentException(PASSWORD_VARIABLE + " is not set");
        }
        KeyStore store = KeyStore.getInstance(type, BouncyCastle.PROVIDER);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        List<DecryptionKey> keys = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                keys.add(new DecryptionKey(certificate, (PrivateKey) store.getKey(alias, password.toCharArray())));
            }
        }
        return keys;
    }

    /** A signing key says nonRepudiation, which TLS client keys (digitalSignature alone) do not. */
    private static boolean isSigning(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        return usage != null && usage[1];
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
