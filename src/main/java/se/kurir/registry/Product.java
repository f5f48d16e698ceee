package se.kurir.registry;

import java.time.Period;

import se.kurir.envelope.Classification;

/**
 * A kind of message or data set (produkt / informationsmängd).
 *
 * @param maxPayloadBytes the largest payload the gateway accepts for this product
 * @param eventRetention how long the product's change feed keeps its events; null for the gateway's default
 * @param shsProduct the SHS product type (a UUID, lower case) that SHS clients name this product by; null when the
 *     product is not offered over SHS
 * @param priority the class its messages are queued and forwarded in
 */
public record Product(String id, String name, String description, Classification classification,
        boolean personalData, long maxPayloadBytes, Period eventRetention, String shsProduct, Priority priority) {

    public Product {
        priority = priority == null ? Priority.NORMAL : priority;
    }

    public Product(String id, String name, String description, Classification classification, boolean personalData,
            long maxPayloadBytes, Period eventRetention, String shsProduct) {
        this(id, name, description, classification, personalData, maxPayloadBytes, eventRetention, shsProduct, null);
    }

    public Product(String id, String name, String description, Classification classification, boolean personalData,
            long maxPayloadBytes, Period eventRetention) {
        this(id, name, description, classification, personalData, maxPayloadBytes, eventRetention, null);
    }

    public Product(String id, String name, String description, Classification classification, boolean personalData,
            long maxPayloadBytes) {
        this(id, name, description, classification, personalData, maxPayloadBytes, null);
    }
}
