package se.kurir.crypto;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param certificates directory whose {@code *.pem} certificates are registered at start-up (sub-directories too)
 * @param trustAnchors PEM files of the CAs whose certificates may be registered: a certificate must be issued by one
 *     of them and valid at that moment; none configured, nothing can be registered
 * @param keystore the private keys this node holds for the participants it seals for; none configured: the node
 *     seals for nobody (end-to-end sealed payloads still pass and are verified)
 */
@ConfigurationProperties("kurir.crypto")
public record CryptoProperties(Path certificates, List<Path> trustAnchors, Keystore keystore) {

    public CryptoProperties {
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
    }

    /**
     * @param type PKCS12 or BCFKS
     * @param password from the environment ({@code KURIR_KEYSTORE_PASSWORD}); never logged
     */
    public record Keystore(Path path, String type, String password) {

        public Keystore {
            type = type == null ? "PKCS12" : type;
        }

        @Override
        public String toString() {
            return "Keystore[" + path + ", " + type + "]";
        }
    }
}
