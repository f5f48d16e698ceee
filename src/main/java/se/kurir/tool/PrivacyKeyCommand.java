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
import java.security.SecureRandom;
import java.util.Collections;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * Adds the next version of a pseudonymisation key to a privacy keystore (PKCS#12), creating the keystore if needed:
 *
 * <pre>
 * KURIR_PRIVACY_KEYSTORE_PASSWORD=... ./mvnw -q compile exec:java -Dexec.mainClass=se.kurir.tool.PrivacyKeyCommand \
 *     -Dexec.args="--keystore privacy-keys.p12 --name pseudonym"
 * </pre>
 *
 * A rotation is this command and a restart: new payloads use the new version, the old one stays for reversal. The
 * key is 256 random bits from the platform's strong source; it is printed nowhere.
 */
public final class PrivacyKeyCommand {

    static final String PASSWORD_VARIABLE = "KURIR_PRIVACY_KEYSTORE_PASSWORD";
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    private PrivacyKeyCommand() {
    }

    public static void main(String[] args) {
        try {
            run(args, System::getenv, System.out);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            System.err.println("privacy-key: " + e.getMessage());
            System.exit(1);
        }
    }

    /** @return the version added */
    static int run(String[] args, Function<String, String> environment, PrintStream out)
            throws IOException, GeneralSecurityException {
        if (args.length != 4 || !args[0].equals("--keystore") || !args[2].equals("--name")) {
            throw new IllegalArgumentException("usage: --keystore <file.p12> --name <key name>");
        }
        Path file = Path.of(args[1]);
        String name = args[3];
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--name: lower-case letters, digits and dashes");
        }
        String password = environment.apply(PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException(PASSWORD_VARIABLE + " is not set");
        }
        int version = addVersion(file, name, password.toCharArray());
        out.println("added " + name + ".v" + version + " to " + file);
        return version;
    }

    public static int addVersion(Path file, String name, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
        } else {
            store.load(null, password);
        }
        Pattern alias = Pattern.compile("^" + Pattern.quote(name) + "\\.v([0-9]+)$");
        int version = 1;
        for (String existing : Collections.list(store.aliases())) {
            Matcher m = alias.matcher(existing);
            if (m.matches()) {
                version = Math.max(version, Integer.parseInt(m.group(1)) + 1);
            }
        }
        byte[] key = new byte[32];
        SecureRandom.getInstanceStrong().nextBytes(key);
        store.setEntry(name + ".v" + version, new KeyStore.SecretKeyEntry(new SecretKeySpec(key, "HmacSHA256")),
                new KeyStore.PasswordProtection(password));
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".privacy-keys", ".tmp");
        try (OutputStream outFile = Files.newOutputStream(temp)) {
            store.store(outFile, password);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return version;
    }
}
