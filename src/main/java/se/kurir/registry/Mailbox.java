package se.kurir.registry;

import java.util.Objects;

/**
 * A participant's named address (funktionsbrevlåda), {@code <orgnr>.<name>}: the SHS internal-address form.
 *
 * @param sdkFunctionalAddress the opaque SDK functionalAddress of the same mailbox, if any
 * @param delivery how the mailbox's messages leave the gateway (pull when the seed names none)
 * @param queryUrl where the owner answers synchronous requests (request/reply); null when it answers none
 */
public record Mailbox(String address, String participant, String description, String sdkFunctionalAddress,
        DeliveryChannel delivery, String queryUrl) {

    public Mailbox {
        delivery = Objects.requireNonNullElseGet(delivery, DeliveryChannel.Pull::new);
        queryUrl = queryUrl == null || queryUrl.isBlank() ? null : queryUrl;
    }

    /** A pull mailbox that answers no queries. */
    public Mailbox(String address, String participant, String description, String sdkFunctionalAddress) {
        this(address, participant, description, sdkFunctionalAddress, null, null);
    }

    /** Where messages to the mailbox are pushed; null unless it is a push mailbox. */
    public String pushUrl() {
        return delivery instanceof DeliveryChannel.Push push ? push.url() : null;
    }

    public boolean answersQueries() {
        return queryUrl != null;
    }

    public String shsAddress() {
        return "urn:X-shs:" + address;
    }
}
