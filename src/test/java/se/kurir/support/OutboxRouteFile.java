package se.kurir.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A route file declaring one file outbox, as an operator writes it in {@code routes/files/}, and the node property
 * that loads it beside the shipped route files.
 */
public final class OutboxRouteFile {

    private OutboxRouteFile() {
    }

    /** Writes the file and returns {@code camel.main.routes-include-pattern} with it added. */
    public static Map<String, String> write(Path file, String outbox, String participant, String server,
            String pollInterval) {
        try {
            Files.writeString(file, """
                    - templatedRoute:
                        routeTemplateRef: file-outbox
                        routeId: file-outbox-%s
                        parameters:
                          - {name: outbox, value: %s}
                          - {name: participant, value: "%s"}
                          - {name: server, value: %s}
                          - {name: pollInterval, value: %s}
                    """.formatted(outbox, outbox, participant, server, pollInterval));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("camel.main.routes-include-pattern", "file:routes/**/*.camel.yaml,file:" + file.toAbsolutePath());
    }
}
