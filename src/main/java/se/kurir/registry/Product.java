package se.kurir.registry;

import se.kurir.envelope.Classification;

/**
 * A kind of message or data set (produkt / informationsmängd).
 *
 * @param maxPayloadBytes the largest payload the gateway accepts for this product
 */
public record Product(String id, String name, String description, Classification classification,
        boolean personalData, long maxPayloadBytes) {
}
