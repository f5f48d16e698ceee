package se.kurir.tool.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.Function;
import picocli.CommandLine.Command;

/**
 * Standard input, output and error of a command, and its environment: the process's, or a test's (a mixin, so the
 * command line's factory hands every command the same).
 */
@Command
final class Io {

    InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;
    Function<String, String> environment = System::getenv;

    /** The node's answer as JSON with {@code --json}, otherwise as the lines a person reads. */
    void print(Connection node, JsonNode answer, Function<JsonNode, String> lines) throws JsonProcessingException {
        out.println(node.json ? Connection.JSON.writeValueAsString(answer) : lines.apply(answer));
    }

    /** A progress bar on standard error, redrawn in place. */
    void progress(String what, long done, long total) {
        int percent = total <= 0 ? 100 : (int) (100 * done / total);
        String bar = "#".repeat(percent / 5) + " ".repeat(20 - percent / 5);
        err.printf("\r%s [%s] %3d%% %s of %s", what, bar, percent, size(done), size(total));
        if (done >= total) {
            err.println();
        }
    }

    static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format("%.1f GB", bytes / (double) (1L << 30))
                : bytes >= 1L << 20 ? String.format("%.1f MB", bytes / (double) (1L << 20))
                : bytes >= 1L << 10 ? String.format("%.1f KB", bytes / 1024.0) : bytes + " B";
    }

    /** "16MB", "512KB", "1GB" or a number of bytes. */
    static long bytes(String size) {
        String s = size.trim().toUpperCase();
        long unit = s.endsWith("GB") ? 1L << 30 : s.endsWith("MB") ? 1L << 20 : s.endsWith("KB") ? 1L << 10 : 1;
        return Long.parseLong(unit == 1 ? s.replace("B", "") : s.substring(0, s.length() - 2).trim()) * unit;
    }
}
