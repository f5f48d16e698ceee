package se.kurir.adapter.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS of node-to-node calls: this node's client certificate, and peers' server certificates checked against the
 * federation trust store alone (not the JDK's CAs), host name included. TLS 1.3 only.
 */
final class FederationTls {

    private FederationTls() {
    }

    static void require(FederationProperties.Tls tls) {
        if (blank(tls.keyStore()) || blank(tls.trustStore()) || tls.keyStorePassword() == null
                || tls.trustStorePassword() == null) {
            throw new IllegalStateException("kurir.federation.tls: a federated node needs key-store, trust-store and "
                    + "their passwords (KURIR_FEDERATION_KEYSTORE, KURIR_FEDERATION_TRUSTSTORE and their _PASSWORD)");
        }
    }

    static HttpClient client(FederationProperties.Tls tls, Duration connectTimeout) {
        require(tls);
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(tls.keyStore(), tls.keyStorePassword()), tls.keyStorePassword().toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(tls.trustStore(), tls.trustStorePassword()));
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            SSLParameters parameters = context.getDefaultSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3"});
            return HttpClient.newBuilder().sslContext(context).sslParameters(parameters)
                    .connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("kurir.federation.tls: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(String file, String password) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("kurir.federation.tls: cannot read " + file, e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
