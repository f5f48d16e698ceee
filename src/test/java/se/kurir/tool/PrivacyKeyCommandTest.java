package se.kurir.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyKeyCommandTest {

    @TempDir
    Path dir;

    @Test
    void eachRunAddsTheNextVersionAndPrintsNoKey() throws Exception {
        Path file = dir.resolve("keys.p12");
        var printed = new ByteArrayOutputStream();
        var out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        var environment = Map.of(PrivacyKeyCommand.PASSWORD_VARIABLE, "test-password");
        String[] args = {"--keystore", file.toString(), "--name", "pseudonym"};

        assertThat(PrivacyKeyCommand.run(args, environment::get, out)).isEqualTo(1);
        assertThat(PrivacyKeyCommand.run(args, environment::get, out)).isEqualTo(2);

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, "test-password".toCharArray());
        }
        assertThat(Collections.list(store.aliases())).containsExactlyInAnyOrder("pseudonym.v1", "pseudonym.v2");
        byte[] v1 = store.getKey("pseudonym.v1", "test-password".toCharArray()).getEncoded();
        byte[] v2 = store.getKey("pseudonym.v2", "test-password".toCharArray()).getEncoded();
        assertThat(v1).hasSize(32).isNotEqualTo(v2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("pseudonym.v2")
                .doesNotContain(java.util.HexFormat.of().formatHex(v2));
    }

    @Test
    void withoutAPasswordOrWithABadNameNothingIsWritten() {
        Path file = dir.resolve("keys.p12");
        var out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PrivacyKeyCommand.run(new String[] {"--keystore", file.toString(), "--name", "p"},
                name -> null, out)).hasMessageContaining(PrivacyKeyCommand.PASSWORD_VARIABLE);
        assertThatThrownBy(() -> PrivacyKeyCommand.run(new String[] {"--keystore", file.toString(), "--name",
                "Bad Name"}, name -> "pw", out)).hasMessageStartingWith("--name:");
        assertThat(file).doesNotExist();
    }
}
