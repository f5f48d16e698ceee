package se.kurir.registry;

/**
 * The priority class of a product's messages. Crisis traffic goes first on every queue, bulk transfers last, and a
 * crisis mode switched on by an operator holds bulk transfers to peer nodes back until it is off again.
 */
public enum Priority {
    CRISIS(9), NORMAL(4), BULK(1);

    private final int jmsPriority;

    Priority(int jmsPriority) {
        this.jmsPriority = jmsPriority;
    }

    /** The JMS priority (0 to 9) a message of this class is queued with; the broker hands higher ones out first. */
    public int jmsPriority() {
        return jmsPriority;
    }
}
