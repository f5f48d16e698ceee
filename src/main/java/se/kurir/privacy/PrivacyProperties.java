package se.kurir.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import se.kurir.crypto.CryptoProperties;

/**
 * @param keystore the PKCS#12 (or BCFKS) file holding the pseudonymisation keys as secret-key entries named
 *     {@code <key>.v<version>}; password from {@code KURIR_PRIVACY_KEYSTORE_PASSWORD}. None configured: agreements
 *     whose plans use keys stop the node at start-up.
 */
@ConfigurationProperties("kurir.privacy")
public record PrivacyProperties(CryptoProperties.Keystore keystore) {
}
