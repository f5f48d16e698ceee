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
}
