package se.kurir.registry;

/**
 * A participant's named address (funktionsbrevlåda), {@code <orgnr>.<name>}: the SHS internal-address form.
 *
 * @param sdkFunctionalAddress the opaque SDK functionalAddress of the same mailbox, if any
 * @param pushUrl where the gateway pushes each message; null for a mailbox the owner fetches from (pull)
 * @param queryUrl where the owner answers synchronous requests (request/reply); null when it answers none
 * @param brokerOutbox whether the owner reads the mailbox straight from the broker (JMS or AMQP 1.0)
 */
public record Mailbox(String address, String participant, String description, String sdkFunctionalAddress,
        String pushUrl, String queryUrl, boolean brokerOutbox) {

    public Mailbox {
        pushUrl = pushUrl == null || pushUrl.isBlank() ? null : pushUrl;
        queryUrl = queryUrl == null || queryUrl.isBlank() ? null : queryUrl;
    }

    /** A mailbox that neither pushes nor answers queries. */
    public Mailbox(String address, String participant, String description, String sdkFunctionalAddress) {
        this(address, participant, description, sdkFunctionalAddress, null, null, false);
    }

    public boolean pushes() {
        return pushUrl != null;
    }

    public boolean answersQueries() {
        return queryUrl != null;
    }

    public String shsAddress() {
        return "urn:X-shs:" + address;
    }
}
