package se.kurir.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The private keys of the participants this node seals for, read once from the keystore file (PKCS#12 or BCFKS).
 * They stay in this object: no getter hands out a key by participant, nothing copies them into Hazelcast, the
 * database or a log line. A key is found by the registered certificate it belongs to.
 */
@Service
public class NodeKeys {

    private final Map<String, DecryptionKey> byAlias;
    private final List<DecryptionKey> entries;

    NodeKeys(CryptoProperties properties) {
        this.byAlias = properties.keystore() == null || properties.keystore().path() == null ? Map.of()
                : load(properties.keystore());
        this.entries = List.copyOf(byAlias.values());
    }

    /** The node's own key under this alias (the audit checkpoint key), for signing inside this package only. */
    Optional<SigningKey> ownKey(String alias) {
        return Optional.ofNullable(byAlias.get(alias)).map(k -> new SigningKey(k.certificate(), k.privateKey()));
    }

    /** The private key for this certificate (same public key), if this node holds it. */
    public Optional<PrivateKey> privateKeyFor(X509Certificate certificate) {
        return entries.stream().filter(e -> e.certificate().getPublicKey().equals(certificate.getPublicKey()))
                .map(DecryptionKey::privateKey).findFirst();
    }

    public int size() {
        return entries.size();
    }

    static Map<String, DecryptionKey> load(CryptoProperties.Keystore config) {
        if (config.password() == null || config.password().isEmpty()) {
            throw new IllegalStateException("kurir.crypto.keystore.password is not set (KURIR_KEYSTORE_PASSWORD)");
        }
        char[] password = config.password().toCharArray();
        try (InputStream in = Files.newInputStream(config.path())) {
            KeyStore store = KeyStore.getInstance(config.type(), BouncyCastle.PROVIDER);
            store.load(in, password);
            Map<String, DecryptionKey> keys = new LinkedHashMap<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    keys.put(alias, new DecryptionKey(certificate, (PrivateKey) store.getKey(alias, password)));
                }
            }
            return Collections.unmodifiableMap(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keystore " + config.path(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the keystore " + config.path() + ": " + e.getMessage(), e);
        }
    }
}
