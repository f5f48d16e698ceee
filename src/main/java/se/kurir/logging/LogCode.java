package se.kurir.logging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A stable code at the start of a log line that operators alert on ({@code KUR-3001}). Each concern keeps its codes in
 * one enum that implements this, inside the range its {@link LogCodeRange} reserves, each constant with its
 * {@link Code}; {@code docs/LOG-CODES.md} is generated from them. A code keeps its meaning for good: a new meaning
 * gets a new number. Enums print the code ({@code toString()}), so a line reads {@code log.warn(CODE + " ...")}.
 */
public interface LogCode {

    /** The number and the meaning of one constant. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface Code {

        int value();

        /** What the line means and what an operator does about it: the table's second column. */
        String meaning();
    }

    /** The enum constant's name, which every enum has. */
    String name();

    default int number() {
        return definition().value();
    }

    default String meaning() {
        return definition().meaning();
    }

    /** The code as it appears in the log. */
    default String code() {
        return "KUR-" + number();
    }

    private Code definition() {
        return LogCodeDefinitions.of(this);
    }
}
