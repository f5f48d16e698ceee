package se.kurir.logging;

/**
 * A stable code at the start of a log line that operators alert on ({@code KUR-3001}). Each concern keeps its codes in
 * one enum that implements this, inside the range its {@link LogCodeRange} reserves; {@code docs/LOG-CODES.md} is
 * generated from them. A code keeps its meaning for good: a new meaning gets a new number.
 */
public interface LogCode {

    int number();

    /** What the line means and what an operator does about it: the table's second column. */
    String meaning();

    /** The code as it appears in the log. */
    default String code() {
        return "KUR-" + number();
    }
}
