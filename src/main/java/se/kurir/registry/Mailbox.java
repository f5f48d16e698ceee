package se.kurir.registry;

/**
 * A participant's named address (funktionsbrevlåda), {@code <orgnr>.<name>}: the SHS internal-address form.
 *
 * @param sdkFunctionalAddress the opaque SDK functionalAddress of the same mailbox, if any
 */
public record Mailbox(String address, String participant, String description, String sdkFunctionalAddress) {

    public String shsAddress() {
        return "urn:X-shs:" + address;
    }
}
