package se.kurir.registry;

/**
 * An agency or other organisation, identified by its 10-digit organisation number.
 *
 * @param sdkDomain the domain used for its SDK address ({@code 0203:<domain>}), if it is on SDK
 */
public record Participant(String orgNumber, String name, String sdkDomain) {

    public String iso6523() {
        return "0007:" + orgNumber;
    }

    public String shsAddress() {
        return "urn:X-shs:" + orgNumber;
    }

    public String sdkAddress() {
        return sdkDomain == null ? null : "0203:" + sdkDomain;
    }
}
