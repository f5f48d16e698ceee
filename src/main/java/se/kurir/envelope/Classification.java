package se.kurir.envelope;

/** MSB information classification levels, lowest first, plus HIGH for SGSI-class traffic. */
public enum Classification {
    NONE, MODERATE, SUBSTANTIAL, SERIOUS, HIGH;

    public boolean isAbove(Classification ceiling) {
        return compareTo(ceiling) > 0;
    }
}
