package se.kurir.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The log codes operators alert on: every one declared in its concern's enum, inside that concern's reserved range,
 * none used twice, no code written as a literal that no enum declares, and the table in {@code docs/LOG-CODES.md} as
 * the enums say (regenerate it from {@code target/log-codes.md} after a change).
 */
class LogCodesTest {

    static final Path TABLE = Path.of("docs", "LOG-CODES.md");
    static List<Class<? extends LogCode>> enums;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void findTheEnums() {
        enums = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.kurir").stream()
                .filter(c -> c.isEnum() && c.isAssignableTo(LogCode.class))
                .<Class<? extends LogCode>>map(c -> (Class<? extends LogCode>) c.reflect())
                .sorted(Comparator.comparingInt(c -> c.getAnnotation(LogCodeRange.class).from())).toList();
    }

    @Test
    void everyConcernHasARangeOfItsOwnAndKeepsItsCodesInIt() {
        assertThat(enums).as("one enum per concern").hasSizeGreaterThanOrEqualTo(8);
        LogCodeRange previous = null;
        for (Class<? extends LogCode> type : enums) {
            LogCodeRange range = type.getAnnotation(LogCodeRange.class);
            assertThat(range).as(type + " declares its range").isNotNull();
            if (previous != null) {
                assertThat(range.from()).as(type + " starts after " + previous.concern() + " ends")
                        .isGreaterThan(previous.to());
            }
            for (LogCode code : type.getEnumConstants()) {
                assertThat(code.number()).as(type.getSimpleName() + "." + code).isBetween(range.from(), range.to());
                assertThat(code.toString()).isEqualTo("KUR-" + code.number());
                assertThat(code.meaning()).as(code + " says what it means").isNotBlank();
            }
            previous = range;
        }
    }

    @Test
    void noTwoLinesShareACode() {
        Map<Integer, String> seen = new HashMap<>();
        for (Class<? extends LogCode> type : enums) {
            for (LogCode code : type.getEnumConstants()) {
                String name = type.getSimpleName() + "." + ((Enum<?>) code).name();
                assertThat(seen.put(code.number(), name)).as(code + " of " + name + " is declared once").isNull();
            }
        }
    }

    /** A code written into a message by hand is one the enums, the range check and the table never see. */
    @Test
    void theSourcesWriteNoCodeByHand() throws IOException {
        Pattern literal = Pattern.compile("\"KUR-\\d{4}");
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src", "main"), Path.of("routes"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (literal.matcher(Files.readString(file)).find()) {
                        found.add(file.toString());
                    }
                }
            }
        }
        assertThat(found).as("files with a KUR- code in a string literal").isEmpty();
    }

    @Test
    void theTableInTheDocsIsTheOneTheEnumsMake() throws IOException {
        String table = table();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "log-codes.md"), table);
        assertThat(Files.readString(TABLE)).as(TABLE + " (copy target/log-codes.md over it)").isEqualTo(table);
    }

    private static String table() {
        StringBuilder out = new StringBuilder("""
                # Log codes

                Every line an operator may alert on starts with a code `KUR-nnnn`. A code keeps its meaning for good.
                Generated from the `LogCode` enums (`LogCodesTest` checks this file); each concern owns a range.

                """);
        for (Class<? extends LogCode> type : enums) {
            LogCodeRange range = type.getAnnotation(LogCodeRange.class);
            out.append("## ").append(range.from()).append("–").append(range.to()).append(": ")
                    .append(range.concern()).append(" (`").append(type.getName()).append("`)\n\n")
                    .append("| code | meaning |\n| --- | --- |\n");
            for (LogCode code : type.getEnumConstants()) {
                out.append("| `").append(code).append("` | ").append(code.meaning()).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
