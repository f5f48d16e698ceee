package se.kurir.registry;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.kurir.envelope.Classification;
import se.kurir.envelope.DisclosureMode;

/** A seed that names something it does not define stops start-up instead of half-working. */
class RegistrySeederTest {

    static final List<Participant> PARTICIPANTS = List.of(new Participant("2021005448", "Skatteverket", null),
            new Participant("2021005521", "Försäkringskassan", null));
    static final List<Mailbox> MAILBOXES = List.of(new Mailbox("2021005521.kontroll", "2021005521", null, null),
            new Mailbox("2021005448.kontroll", "2021005448", null, null));
    static final List<Product> PRODUCTS = List.of(
            new Product("inkomstuppgift", "Inkomstuppgift", null, Classification.SUBSTANTIAL, true, 1024));
    static final List<AllowedLegalBasis> OSL = List.of(new AllowedLegalBasis("SFS 2009:400", "10 kap. 15 a §",
            List.of(DisclosureMode.ON_REQUEST), List.of("felaktiga-utbetalningar")));

    static Agreement agreement(String product, String producer, String consumer, List<String> mailboxes) {
        return new Agreement("a", product, producer, List.of(new Agreement.Consumer(consumer, mailboxes)), OSL,
                Classification.SUBSTANTIAL, LocalDate.of(2025, 1, 1), null, false);
    }

    static void check(Agreement agreement) {
        RegistrySeeder.checkReferences(PARTICIPANTS, MAILBOXES, PRODUCTS, List.of(agreement));
    }

    @Test
    void consistentSeedPasses() {
        assertThatCode(() -> check(agreement("inkomstuppgift", "2021005448", "2021005521",
                List.of("2021005521.kontroll")))).doesNotThrowAnyException();
    }

    @Test
    void unknownProductProducerOrConsumerIsRefused() {
        assertThatThrownBy(() -> check(agreement("finns-inte", "2021005448", "2021005521", List.of())))
                .isInstanceOf(InvalidRegistrySeedException.class).hasMessageContaining("unknown product");
        assertThatThrownBy(() -> check(agreement("inkomstuppgift", "2021009999", "2021005521", List.of())))
                .isInstanceOf(InvalidRegistrySeedException.class).hasMessageContaining("unknown producer");
        assertThatThrownBy(() -> check(agreement("inkomstuppgift", "2021005448", "2021009999", List.of())))
                .isInstanceOf(InvalidRegistrySeedException.class).hasMessageContaining("unknown consumer");
    }

    @Test
    void mailboxOfAnotherParticipantIsRefused() {
        assertThatThrownBy(() -> check(agreement("inkomstuppgift", "2021005448", "2021005521",
                List.of("2021005448.kontroll")))).isInstanceOf(InvalidRegistrySeedException.class)
                .hasMessageContaining("is not a mailbox of 2021005521");
    }
}
