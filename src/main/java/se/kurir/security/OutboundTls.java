package se.kurir.security;

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
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * TLS for the gateway's own calls to agency systems (push, subscription push, request/reply). The peer is always
 * verified: its chain against the federation trust store when one is configured (otherwise the JDK's CAs), and its
 * host name by the JDK HTTP client, which cannot be switched off here. With a key store, the gateway presents its
 * own client certificate to endpoints that demand mutual TLS.
 */
@Component
public class OutboundTls {

    private final SSLContext context;

    OutboundTls(Properties properties) {
        this.context = properties.trustStore() == null && properties.keyStore() == null ? defaultContext()
                : context(properties);
    }

    /** An HTTP client for calls to agency systems: this TLS (1.3, or 1.2 where the peer has nothing newer), no redirects. */
    public HttpClient.Builder httpClient(Duration connectTimeout) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return HttpClient.newBuilder().sslContext(context).sslParameters(parameters).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    /**
     * @param trustStore PKCS#12 with the CAs agency endpoints' certificates must chain to; replaces the JDK's CAs
     * @param keyStore PKCS#12 with the gateway's TLS client key and certificate, for endpoints that want mTLS
     */
    @ConfigurationProperties("kurir.outbound-tls")
    record Properties(Path trustStore, String trustStorePassword, Path keyStore, String keyStorePassword) {

        @Override
        public String toString() {
            return "OutboundTls[trustStore=" + trustStore + ", keyStore=" + keyStore + "]";
        }
    }

    private static SSLContext context(Properties properties) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(properties.trustStore() == null ? null
                    : load(properties.trustStore(), properties.trustStorePassword()));
            KeyManagerFactory keys = null;
            if (properties.keyStore() != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(properties.keyStore(), properties.keyStorePassword()),
                        properties.keyStorePassword().toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("kurir.outbound-tls: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String password) throws GeneralSecurityException {
        if (password == null) {
            throw new IllegalStateException("kurir.outbound-tls: no password for " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("kurir.outbound-tls: cannot read " + file, e);
        }
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }
}
