package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.NodeProcess;

/**
 * A client that posts while the node starts: until the node is ready (its registry, certificates and keys loaded)
 * it is told to come back (503 NODE_NOT_READY with Retry-After), never refused for good. The message is one the
 * gateway must seal for its recipient, which needs the recipient's certificate: posted too early, it used to be
 * rejected for ever with NO_ENCRYPTION_CERTIFICATE.
 */
class StartUpIT {

    @TempDir
    Path dataDir;

    @Test
    void aMessagePostedWhileTheNodeStartsIsAskedToComeBackNeverRejected() throws Exception {
        Path log = Path.of("target", "start-up-it-node.log").toAbsolutePath();
        List<Integer> answers = new ArrayList<>();
        try (NodeProcess node = NodeProcess.launch(dataDir, log, List.of("-Xmx512m"))) {
            // A client retrying every 20 ms from the moment the process starts.
            Api client = new Api(node.port(), Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
                int status = post(client);
                if (status != -1 && (answers.isEmpty() || answers.get(answers.size() - 1) != status)) {
                    answers.add(status);
                }
                if (status == 503) {
                    assertThat(lastRetryAfter).isEqualTo("5");
                }
                return status == 202;
            });
        }
        System.err.println("StartUpIT: answers while starting, in order: " + answers);
        // The web server listens before the start-up runners (certificates, keys) have run: that window is 503.
        assertThat(answers).as("answers while starting, in order").containsExactly(503, 202);
    }

    private String lastRetryAfter;

    /** The answer's status; -1 while nothing listens yet. */
    private int post(Api api) {
        try {
            var answer = api.sendMessage(Api.POLISEN, Envelopes.envelope(null, "2021002163.identitet",
                    "utredningsunderlag", "SFS 2009:400", "10 kap. 27 §", "OWN_INITIATIVE", "brottsbekampning",
                    "SERIOUS"), Envelopes.payload());
            lastRetryAfter = answer.header("Retry-After");
            return answer.status();
        } catch (UncheckedIOException notListening) {
            return -1;
        }
    }
}
