package se.kurir.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kurir.crypto.CertificateUsage;
import se.kurir.crypto.KeyKind;
import se.kurir.crypto.Pem;

/** The seal helper as an agency runs it: files in, files out, the keystore password from the environment. */
class SealCommandTest {

    private static final Instant FROM = Instant.now().minus(Duration.ofHours(1));
    private static final Instant TO = FROM.plus(Duration.ofDays(1));
    private static final Map<String, String> ENV = Map.of(SealCommand.PASSWORD_VARIABLE, "helper-test");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final SealCommand command = new SealCommand(ENV::get, new PrintStream(printed, true, StandardCharsets.UTF_8));

    @Test
    void aFileSealedByOneAgencyOpensAtTheOtherAndOnlyFromTheExpectedSender() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Helper CA", FROM, TO);
        Path fk = agency(ca, "2021005521", "fk");
        Path polisen = agency(ca, "2021000076", "polisen");
        Path recipientPem = dir.resolve("polisen-encryption.pem");
        Files.writeString(recipientPem, Pem.text(certificate(polisen, "encryption")));
        Path plain = Files.writeString(dir.resolve("report.json"), "{\"personnummer\": \"191212121212\"}");

        assertThat(command.run(new String[] {"seal", "--keystore", fk.toString(), "--recipient",
            recipientPem.toString(), "--in", plain.toString(), "--out", dir.resolve("report.cms").toString()}))
                .isZero();
        assertThat(Files.readString(dir.resolve("report.cms"), StandardCharsets.ISO_8859_1))
                .doesNotContain("191212121212");

        assertThat(command.run(new String[] {"open", "--keystore", polisen.toString(), "--sender", "2021005521",
            "--in", dir.resolve("report.cms").toString(), "--out", dir.resolve("opened.json").toString()})).isZero();
        assertThat(Files.readString(dir.resolve("opened.json"))).isEqualTo(Files.readString(plain));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("signed by");

        assertThatThrownBy(() -> command.run(new String[] {"open", "--keystore", polisen.toString(), "--sender",
            "2021005448", "--in", dir.resolve("report.cms").toString(), "--out", dir.resolve("x.json").toString()}))
                .hasMessageContaining("not by the expected sender 2021005448");
        assertThat(dir.resolve("x.json")).doesNotExist();
        assertThat(dir.resolve("x.json.part")).doesNotExist();
    }

    private java.security.cert.X509Certificate certificate(Path store, String alias) throws Exception {
        var keyStore = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keyStore.load(in, ENV.get(SealCommand.PASSWORD_VARIABLE).toCharArray());
        }
        return (java.security.cert.X509Certificate) keyStore.getCertificate(alias);
    }

    private Path agency(CertificateAuthority ca, String org, String name) throws Exception {
        KeyPair signing = CertificateAuthority.generate(KeyKind.EC_P256);
        KeyPair encryption = CertificateAuthority.generate(KeyKind.MLKEM768_ECDH_P256);
        Path file = dir.resolve(name + ".p12");
        CertificateAuthority.writeKeyStore(file, "PKCS12", ENV.get(SealCommand.PASSWORD_VARIABLE).toCharArray(),
                List.of(new CertificateAuthority.Entry("signing", signing, ca.issue(org, name,
                        CertificateUsage.SIGNING, signing.getPublic(), FROM, TO), ca.certificate()),
                        new CertificateAuthority.Entry("encryption", encryption, ca.issue(org, name,
                                CertificateUsage.ENCRYPTION, encryption.getPublic(), FROM, TO), ca.certificate())));
        return file;
    }
}
