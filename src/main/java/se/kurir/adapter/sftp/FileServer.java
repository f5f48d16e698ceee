package se.kurir.adapter.sftp;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.remote.FtpsEndpoint;
import org.apache.camel.component.file.remote.RemoteFileEndpoint;
import org.apache.camel.component.file.remote.SftpConfiguration;

/**
 * How the gateway reaches one directory on a file server. Secrets are given here from configuration or the
 * environment and never enter an endpoint URI or this record's text.
 *
 * @param knownHosts SFTP: the known_hosts file the server's host key must be in (host keys are always checked)
 * @param privateKey SFTP: the client key file, instead of or with a password
 * @param trustStore FTPS: the PKCS#12 trust store the server's certificate chain must lead to; the JVM's otherwise
 */
public record FileServer(@NotNull Protocol protocol, @NotBlank String host, int port, @NotBlank String username,
        String password, Path privateKey, String privateKeyPassphrase, Path knownHosts, Path trustStore,
        String trustStorePassword, @NotBlank String directory) {

    public enum Protocol { SFTP, FTPS }

    public FileServer {
        if (protocol == Protocol.SFTP && knownHosts == null) {
            throw new IllegalArgumentException("kurir.files: an SFTP server needs known-hosts; host keys are verified");
        }
    }

    /**
     * The camel-ftp endpoint URI of the directory, with the connection options every use shares and no secret:
     * route dumps, Hawtio's endpoint list and the tracer show URIs, so passwords and passphrases are set on the
     * endpoint object instead ({@link #endpoint(CamelContext, String)}).
     */
    String endpoint() {
        StringBuilder uri = new StringBuilder(protocol.name().toLowerCase()).append("://").append(host).append(':')
                .append(port > 0 ? port : defaultPort()).append('/').append(directory.replaceFirst("^/+", ""))
                .append("?username=RAW(").append(username).append(")&binary=true&stepwise=false")
                .append("&throwExceptionOnConnectFailed=true&maximumReconnectAttempts=0&soTimeout=60000");
        if (protocol == Protocol.SFTP) {
            uri.append("&knownHostsFile=").append(knownHosts.toAbsolutePath())
                    .append("&strictHostKeyChecking=yes&useUserKnownHostsFile=false");
            if (privateKey != null) {
                uri.append("&privateKeyFile=").append(privateKey.toAbsolutePath());
            }
        } else {
            // Explicit TLS, protected data channel, TLS 1.3 (1.2 where the server has no 1.3); the server's certificate
            // must name the host connected to (commons-net does not check that unless told).
            uri.append("&implicit=false&securityProtocol=TLSv1.3&execProt=P&execPbsz=0&passiveMode=true")
                    .append("&ftpClient.endpointCheckingEnabled=true");
            if (trustStore != null) {
                uri.append("&ftpClient.trustStore.file=").append(trustStore.toAbsolutePath())
                        .append("&ftpClient.trustStore.type=PKCS12");
            }
        }
        return uri.toString();
    }

    /**
     * The endpoint of the directory with these further URI options, its secrets set on the endpoint object. Camel
     * keeps one endpoint per URI, so every route and producer that asks for the same options shares it.
     */
    RemoteFileEndpoint<?> endpoint(CamelContext context, String options) {
        RemoteFileEndpoint<?> endpoint = context.getEndpoint(endpoint() + options, RemoteFileEndpoint.class);
        if (password != null && !password.isEmpty()) {
            endpoint.getConfiguration().setPassword(password);
        }
        if (endpoint.getConfiguration() instanceof SftpConfiguration sftp && privateKeyPassphrase != null) {
            sftp.setPrivateKeyPassphrase(privateKeyPassphrase);
        }
        if (endpoint instanceof FtpsEndpoint ftps && trustStorePassword != null
                && ftps.getFtpClientTrustStoreParameters() != null) {
            ftps.getFtpClientTrustStoreParameters().put("password", trustStorePassword);
        }
        return endpoint;
    }

    /** Route dumps, Hawtio and the tracer show this: never a password or passphrase. */
    @Override
    public String toString() {
        return "FileServer[" + protocol + "://" + username + "@" + host + ":" + (port > 0 ? port : defaultPort()) + "/"
                + directory + (password != null ? ", password ***" : "") + (privateKey != null ? ", key " + privateKey
                : "") + "]";
    }

    private int defaultPort() {
        return protocol == Protocol.SFTP ? 22 : 21;
    }
}
