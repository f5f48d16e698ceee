package se.kurir.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a test looks for payload bytes at rest: the store's files (large payloads) and the inline_payloads rows
 * (small ones). Read directly, not through the store, so "no plaintext anywhere" means what it says.
 */
public final class StoredPayloads {

    private final Path directory;
    private final JdbcTemplate jdbc;

    public StoredPayloads(Path directory, JdbcTemplate jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    /** Whether the payload with this digest is at rest, in a file or a row. */
    public boolean contains(String sha256) {
        return inFile(sha256) || inRow(sha256);
    }

    public boolean inFile(String sha256) {
        return Files.exists(directory.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4))
                .resolve(sha256));
    }

    public boolean inRow(String sha256) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inline_payloads WHERE sha256 = ?", Integer.class,
                sha256) > 0;
    }

    /** The files and rows whose bytes contain the text: where it is kept. */
    public List<String> placesContaining(String text) {
        String needle = latin1(text.getBytes(StandardCharsets.UTF_8));
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (latin1(Files.readAllBytes(file)).contains(needle)) {
                    found.add(file.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.query("SELECT sha256, content FROM inline_payloads", rs -> {
            if (latin1(rs.getBytes("content")).contains(needle)) {
                found.add("inline_payloads " + rs.getString("sha256"));
            }
        });
        return found;
    }

    /** Bytes as ISO-8859-1 text: one character per byte, so a byte search is a string search. */
    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
