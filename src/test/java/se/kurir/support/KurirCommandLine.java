package se.kurir.support;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.kurir.tool.cli.KurirCli;

/** {@code bin/kurir} run in this JVM against a node, with an environment and standard input of the test's. */
public final class KurirCommandLine {

    /** What a run exited with and printed. */
    public record Run(int exit, String out, String err) {
    }

    private KurirCommandLine() {
    }

    /** Runs {@code kurir <args> --url http://localhost:<port>}. */
    public static Run run(int port, InputStream in, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", "http://localhost:" + port));
        int exit = KurirCli.run(new HashMap<>(environment)::get, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), all.toArray(String[]::new));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
