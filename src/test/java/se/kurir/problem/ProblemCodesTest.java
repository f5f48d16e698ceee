package se.kurir.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The codes callers branch on: every one declared in its concern's enum with what it means, a code that two concerns
 * answer meaning the same in both, none written into the sources as a string, and the table in
 * {@code docs/ERROR-CODES.md} as the enums say (regenerate it from {@code target/error-codes.md} after a change).
 */
public class ProblemCodesTest {

    static final Path TABLE = Path.of("docs", "ERROR-CODES.md");
    private static List<Class<? extends ProblemCode>> enums;

    @SuppressWarnings("unchecked")
    static synchronized List<Class<? extends ProblemCode>> enums() {
        if (enums == null) {
            enums = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("se.kurir").stream()
                    .filter(c -> c.isEnum() && c.isAssignableTo(ProblemCode.class))
                    .<Class<? extends ProblemCode>>map(c -> (Class<? extends ProblemCode>) c.reflect())
                    .sorted(Comparator.comparing(Class::getName)).toList();
        }
        return enums;
    }

    /** Every declared code by name (the first enum that declares it). */
    public static Map<String, ProblemCode> declared() {
        Map<String, ProblemCode> codes = new TreeMap<>();
        for (Class<? extends ProblemCode> type : enums()) {
            for (ProblemCode code : type.getEnumConstants()) {
                codes.putIfAbsent(code.name(), code);
            }
        }
        return codes;
    }

    @Test
    void everyConcernDeclaresItsCodesWithTheirMeaning() {
        assertThat(enums()).as("one enum per concern").hasSizeGreaterThanOrEqualTo(12);
        for (Class<? extends ProblemCode> type : enums()) {
            for (ProblemCode code : type.getEnumConstants()) {
                assertThat(code.meaning()).as(type.getSimpleName() + "." + code.name() + " says what it means")
                        .isNotBlank().endsWith(".");
                assertThat(code.type()).startsWith("urn:kurir:problem:").doesNotContain("_");
            }
        }
    }

    @Test
    void aCodeTwoConcernsAnswerMeansTheSameInBoth() {
        Map<String, ProblemCode> first = new TreeMap<>();
        for (Class<? extends ProblemCode> type : enums()) {
            for (ProblemCode code : type.getEnumConstants()) {
                ProblemCode earlier = first.putIfAbsent(code.name(), code);
                if (earlier != null) {
                    assertThat(code.meaning()).as(code.name() + " of " + type.getSimpleName() + " and of "
                            + earlier.getClass().getSimpleName()).isEqualTo(earlier.meaning());
                }
            }
        }
    }

    /** A code written by hand is one the enums, the table and the type of the answer never see. */
    @Test
    void theSourcesWriteNoCodeAsAString() throws IOException {
        Pattern literal = Pattern.compile("\"([A-Z][A-Z0-9_]{3,})\"");
        Map<String, ProblemCode> codes = declared();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = literal.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (codes.containsKey(matcher.group(1))) {
                        found.add(file.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(found).as("codes written as string literals").isEmpty();
    }

    @Test
    void theTableInTheDocsIsTheOneTheEnumsMake() throws IOException {
        String table = table();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "error-codes.md"), table);
        assertThat(Files.readString(TABLE)).as(TABLE + " (copy target/error-codes.md over it)").isEqualTo(table);
    }

    private static String table() {
        StringBuilder out = new StringBuilder("""
                # Error codes

                Every refusal names a stable `code`: in a problem answer (RFC 9457, with `type`
                `urn:kurir:problem:<code in kebab case>`), a receipt, a broker refusal notice, an SFTP `.reason.txt`
                and the audit log. A code keeps its meaning for good. Generated from the `ProblemCode` enums
                (`ProblemCodesTest` checks this file); which input gives which code is in [BAD-INPUT.md](BAD-INPUT.md).

                """);
        Map<String, ProblemCode> written = new TreeMap<>();
        for (Class<? extends ProblemCode> type : enums()) {
            StringBuilder rows = new StringBuilder();
            for (ProblemCode code : type.getEnumConstants()) {
                ProblemCode earlier = written.putIfAbsent(code.name(), code);
                rows.append("| `").append(code.name()).append("` | ").append(code.meaning())
                        .append(earlier == null ? "" : " (as in `" + earlier.getClass().getName() + "`)")
                        .append(" |\n");
            }
            out.append("## `").append(type.getName()).append("`\n\n| code | meaning |\n| --- | --- |\n")
                    .append(rows).append('\n');
        }
        return out.toString();
    }
}
