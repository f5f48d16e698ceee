package se.kurir.logging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The numbers a concern's {@link LogCode} enum may use; no two concerns' ranges overlap. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LogCodeRange {

    int from();

    int to();

    /** The concern, as the table's section heading. */
    String concern();
}
