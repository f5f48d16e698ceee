package se.kurir.registry;

import java.util.List;
import se.kurir.envelope.Classification;

/** The shape of a registry seed file; see {@code config/registry/}. */
record RegistrySeed(List<SeedParticipant> participants, List<SeedProduct> products, List<Agreement> agreements) {

    RegistrySeed {
        participants = participants == null ? List.of() : participants;
        products = products == null ? List.of() : products;
        agreements = agreements == null ? List.of() : agreements;
    }

    record SeedParticipant(String orgNumber, String name, String sdkDomain, List<SeedMailbox> mailboxes) {
        SeedParticipant {
            mailboxes = mailboxes == null ? List.of() : mailboxes;
        }
    }

    record SeedMailbox(String name, String description, String sdkFunctionalAddress, SeedPush push) {
    }

    /** @param url the participant's HTTPS endpoint; empty means the mailbox is fetched from (pull) */
    record SeedPush(String url) {
    }

    record SeedProduct(String id, String name, String description, Classification classification,
            boolean personalData, String maxPayloadSize) {
    }
}
