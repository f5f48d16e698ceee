package se.kurir.crypto;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The BouncyCastle provider, registered once: CMS, ML-KEM and the composite KEMs look it up by name. */
public final class BouncyCastle {

    /** Not a compile-time constant on purpose: reading it installs the provider. */
    public static final String PROVIDER = install();

    private static String install() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        return BouncyCastleProvider.PROVIDER_NAME;
    }

    private BouncyCastle() {
    }

    public static Provider provider() {
        return Security.getProvider(PROVIDER);
    }
}
