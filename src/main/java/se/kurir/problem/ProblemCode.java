package se.kurir.problem;

import java.util.Locale;

/**
 * A stable code that tells a caller why its request or message was refused ({@code NO_AGREEMENT}), in every problem
 * answer's {@code code} and {@code type}, in receipts, in broker refusal notices, in SFTP {@code .reason.txt} files
 * and in the audit log. Each concern keeps its codes in one enum that implements this, each constant with what it
 * means; a code is declared once in the whole gateway, and {@code docs/ERROR-CODES.md} is generated from the enums.
 * A code keeps its meaning for good: callers branch on it.
 */
public interface ProblemCode {

    /** The enum constant's name, which every enum has: the code itself. */
    String name();

    /** What the code tells the caller and what it can do about it: the table's second column. */
    String meaning();

    /** The problem answer's {@code type} (RFC 9457): a URN per code, so a client may branch on either. */
    default String type() {
        return "urn:kurir:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
