package se.kurir.adapter.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.camel.component.file.remote.FtpsEndpoint;
import org.apache.camel.component.file.remote.SftpConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class FileServerTest {

    private final FileServer sftp = new FileServer(FileServer.Protocol.SFTP, "sftp.fk.example", 22, "kurir",
            "hemligt-losenord", Path.of("/run/secrets/key"), "hemlig-fras", Path.of("config/sftp/known_hosts"), null,
            null, "outbox");
    private final FileServer ftps = new FileServer(FileServer.Protocol.FTPS, "ftps.skv.example", 0, "kurir",
            "hemligt-losenord", null, null, null, Path.of("trust.p12"), "hemligt-truststore", "inbox");

    @Test
    void whatRouteDumpsHawtioAndTheTracerShowHoldsNoSecret() {
        var outbox = new FileOutbox("fk-batch", "2021005521", sftp);
        for (Object shown : new Object[] {sftp, ftps, outbox, sftp.endpoint(), ftps.endpoint()}) {
            assertThat(shown.toString()).contains("kurir").doesNotContain("hemlig");
        }
    }

    @Test
    void theSecretsAreSetOnTheEndpointObjectAndTheSameEndpointIsSharedByItsUri() throws Exception {
        try (var camel = new DefaultCamelContext()) {
            var sftpEndpoint = sftp.endpoint(camel, "&delay=500");
            assertThat(sftpEndpoint.getEndpointUri()).doesNotContain("hemlig");
            assertThat(sftpEndpoint.getConfiguration().getPassword()).isEqualTo("hemligt-losenord");
            assertThat(((SftpConfiguration) sftpEndpoint.getConfiguration()).getPrivateKeyPassphrase())
                    .isEqualTo("hemlig-fras");
            assertThat(sftp.endpoint(camel, "&delay=500")).isSameAs(sftpEndpoint);

            var ftpsEndpoint = (FtpsEndpoint) ftps.endpoint(camel, "");
            assertThat(ftpsEndpoint.getEndpointUri()).doesNotContain("hemlig");
            assertThat(ftpsEndpoint.getFtpClientTrustStoreParameters()).containsEntry("password", "hemligt-truststore");
        }
    }
}
