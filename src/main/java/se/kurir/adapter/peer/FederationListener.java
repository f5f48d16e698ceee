package se.kurir.adapter.peer;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The federation listener: a second HTTPS connector, on {@code kurir.federation.port}, that completes no handshake
 * without a client certificate chaining to the federation trust store (TLS 1.3 only, between Kurir nodes). Which
 * certificate speaks for which node is the directory's to say (the security filter checks it per request); this
 * keeps everyone else out of the node-to-node API before a byte of HTTP is read.
 */
@Component
final class FederationListener implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final FederationProperties properties;

    FederationListener(FederationProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!properties.enabled()) {
            return;
        }
        FederationProperties.Tls tls = properties.tls();
        FederationTls.require(tls);
        Connector connector = new Connector(Http11NioProtocol.class.getName());
        connector.setPort(properties.port());
        connector.setScheme("https");
        connector.setSecure(true);
        Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
        protocol.setSSLEnabled(true);
        SSLHostConfig ssl = new SSLHostConfig();
        ssl.setProtocols("TLSv1.3");
        ssl.setCertificateVerification("required");
        ssl.setTruststoreFile(tls.trustStore());
        ssl.setTruststorePassword(tls.trustStorePassword());
        ssl.setTruststoreType("PKCS12");
        var certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(tls.keyStore());
        certificate.setCertificateKeystorePassword(tls.keyStorePassword());
        certificate.setCertificateKeystoreType("PKCS12");
        ssl.addCertificate(certificate);
        protocol.addSslHostConfig(ssl);
        factory.addAdditionalTomcatConnectors(connector);
    }
}
