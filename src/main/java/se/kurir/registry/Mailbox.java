package se.kurir.registry;

/**
 * A participant's named address (funktionsbrevlåda), {@code <orgnr>.<name>}: the SHS internal-address form.
 *
 * @param sdkFunctionalAddress the opaque SDK functionalAddress of the same mailbox, if any
 * @param pushUrl where the gateway pushes each message; null for a mailbox the owner fetches from (pull)
 */
public record Mailbox(String address, String participant, String description, String sdkFunctionalAddress,
        String pushUrl) {

    public Mailbox {
        pushUrl = pushUrl == null || pushUrl.isBlank() ? null : pushUrl;
    }

    public boolean pushes() {
        return pushUrl != null;
    }

    public String shsAddress() {
        return "urn:X-shs:" + address;
    }
}
