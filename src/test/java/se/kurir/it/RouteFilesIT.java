package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kurir.support.KurirNode;

/**
 * The wiring operators edit in {@code routes/} is checked when the node starts: a route file an operator got wrong
 * stops the node with an error that names the file and the line, instead of a node running without that route. The
 * broker stopping with the failed start is not taken for a broker failure (which would exit the JVM with 70 and hide
 * the cause): this test's own JVM would not survive it.
 */
class RouteFilesIT {

    @TempDir
    Path dir;

    @Test
    void aMistakeInARouteFileStopsTheNodeNamingTheFileAndTheLine() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve("operator-purge.camel.yaml"), """
                # an operator's own timer route, with a misspelt step
                - route:
                    id: operator-purge
                    from:
                      uri: timer:operator-purge
                      steps:
                        - lgo:
                            message: purge
                """);
        Files.createDirectories(dir.resolve("data"));

        assertThatThrownBy(() -> KurirNode.start(dir.resolve("data"), Map.of(
                "camel.main.routes-include-pattern", "file:" + routes + "/*.camel.yaml")))
                .hasStackTraceContaining("operator-purge.camel.yaml")
                .hasStackTraceContaining("line 7");
    }

    @Test
    void aFileOutboxNamingAServerThatIsNotConfiguredStopsTheNodeNamingTheFileTheLineAndTheSetting()
            throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve("file-outboxes.camel.yaml"), """
                # Försäkringskassan's batch outbox, on a server the configuration does not name
                - templatedRoute:
                    routeTemplateRef: file-outbox
                    routeId: file-outbox-fk-batch
                    parameters:
                      - {name: outbox, value: fk-batch}
                      - {name: participant, value: "2021005521"}
                      - {name: server, value: fk-sftp}
                """);
        Files.createDirectories(dir.resolve("data"));

        assertThatThrownBy(() -> KurirNode.start(dir.resolve("data"), Map.of(
                "camel.main.routes-include-pattern", "file:" + routes + "/*.camel.yaml")))
                .hasStackTraceContaining("file-outboxes.camel.yaml:2")
                .hasStackTraceContaining("file outbox fk-batch: server fk-sftp is not one of kurir.files.servers");
    }

    @Test
    void aFileOutboxOptionThatWouldChangeWhatAPickupReliesOnIsRefused() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve("file-outboxes.camel.yaml"), """
                - route:
                    id: file-outbox-fk-batch
                    from:
                      uri: kurir-file-outbox:fk-batch
                      parameters: {participant: "2021005521", server: fk-sftp, delete: true}
                      steps:
                        - log: taken
                """);
        Files.createDirectories(dir.resolve("data"));

        assertThatThrownBy(() -> KurirNode.start(dir.resolve("data"), Map.of(
                "camel.main.routes-include-pattern", "file:" + routes + "/*.camel.yaml",
                "kurir.files.servers.fk-sftp.protocol", "FTPS", "kurir.files.servers.fk-sftp.host", "127.0.0.1",
                "kurir.files.servers.fk-sftp.username", "kurir", "kurir.files.servers.fk-sftp.directory", "outbox")))
                .hasStackTraceContaining("file-outboxes.camel.yaml")
                .hasStackTraceContaining("file outbox fk-batch: delete is not a setting of a file outbox");
    }

    @Test
    void theOutboxListOfEarlierReleasesStopsTheNodeInsteadOfLeavingTheOutboxUnpolled() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        assertThatThrownBy(() -> KurirNode.start(dir.resolve("data"), Map.of(
                "kurir.files.outboxes[0].name", "fk-batch", "kurir.files.outboxes[0].participant", "2021005521")))
                .hasStackTraceContaining("kurir.files.outboxes");
    }
}
