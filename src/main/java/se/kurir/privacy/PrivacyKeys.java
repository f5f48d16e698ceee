package se.kurir.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.springframework.stereotype.Service;
import se.kurir.crypto.CryptoProperties;

/**
 * The pseudonymisation keys, in versions, read once from the privacy keystore. A plan names a key; new payloads use
 * its newest version, and the version used is recorded with the message so older pseudonyms stay reversible after a
 * rotation. The key that actually runs is derived (HKDF-SHA256) per use, recipient and purpose, so pseudonyms made for
 * one recipient or purpose cannot be linked with another's, and the stored key never leaves this object.
 */
@Service
public class PrivacyKeys {

    static final Pattern ALIAS = Pattern.compile("^([a-z0-9][a-z0-9-]{0,62})\\.v([1-9][0-9]{0,5})$");

    private final Map<String, NavigableMap<Integer, byte[]>> versions;

    PrivacyKeys(PrivacyProperties properties) {
        this.versions = properties.keystore() == null || properties.keystore().path() == null ? Map.of()
                : load(properties.keystore());
    }

    public boolean has(String name) {
        return versions.containsKey(name);
    }

    /** The version new payloads are pseudonymised with: the highest in the keystore. */
    public int currentVersion(String name) {
        return versionsOf(name).lastKey();
    }

    public boolean hasVersion(String name, int version) {
        return has(name) && versions.get(name).containsKey(version);
    }

    /**
     * The 256-bit key for one use ({@code hmac}, {@code ff1}) of one key version, for one recipient and purpose.
     */
    byte[] derive(String name, int version, String use, String recipient, String purpose) {
        byte[] master = versionsOf(name).get(version);
        if (master == null) {
            throw new IllegalArgumentException("key " + name + " has no version " + version);
        }
        String info = String.join("/", "kurir-privacy", use, name, "v" + version, recipient, purpose);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(master, null, info.getBytes(StandardCharsets.UTF_8)));
        byte[] derived = new byte[32];
        hkdf.generateBytes(derived, 0, derived.length);
        return derived;
    }

    private NavigableMap<Integer, byte[]> versionsOf(String name) {
        NavigableMap<Integer, byte[]> found = versions.get(name);
        if (found == null) {
            throw new IllegalArgumentException("no privacy key named " + name + " in the privacy keystore");
        }
        return found;
    }

    static Map<String, NavigableMap<Integer, byte[]>> load(CryptoProperties.Keystore config) {
        if (config.password() == null || config.password().isEmpty()) {
            throw new IllegalStateException(
                    "kurir.privacy.keystore.password is not set (KURIR_PRIVACY_KEYSTORE_PASSWORD)");
        }
        char[] password = config.password().toCharArray();
        try (InputStream in = Files.newInputStream(config.path())) {
            KeyStore store = KeyStore.getInstance(config.type());
            store.load(in, password);
            Map<String, NavigableMap<Integer, byte[]>> keys = new HashMap<>();
            for (String alias : Collections.list(store.aliases())) {
                Matcher name = ALIAS.matcher(alias);
                if (name.matches() && store.getKey(alias, password) instanceof SecretKey secret) {
                    keys.computeIfAbsent(name.group(1), n -> new TreeMap<>())
                            .put(Integer.parseInt(name.group(2)), secret.getEncoded());
                }
            }
            keys.replaceAll((n, v) -> Collections.unmodifiableNavigableMap(v));
            return Map.copyOf(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the privacy keystore " + config.path(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the privacy keystore " + config.path() + ": "
                    + e.getMessage(), e);
        }
    }
}
