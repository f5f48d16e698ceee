package se.kurir.registry;

import java.util.List;

/**
 * An agency or other organisation, identified by its 10-digit organisation number.
 *
 * @param sdkDomain the domain used for its SDK address ({@code 0203:<domain>}), if it is on SDK
 * @param shsLegacyNumbers the 8-digit numbers that SHS labels written before the 10-digit form still name it by
 */
public record Participant(String orgNumber, String name, String sdkDomain, List<String> shsLegacyNumbers) {

    public Participant {
        shsLegacyNumbers = shsLegacyNumbers == null ? List.of() : List.copyOf(shsLegacyNumbers);
    }

    public Participant(String orgNumber, String name, String sdkDomain) {
        this(orgNumber, name, sdkDomain, List.of());
    }

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
