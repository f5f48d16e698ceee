package se.kurir.adapter.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.kurir.envelope.DisclosureMode;
import se.kurir.registry.Agreement;
import se.kurir.registry.AllowedLegalBasis;
import se.kurir.registry.Mailbox;
import se.kurir.registry.PayloadProtection;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;

/**
 * What a case officer may send: for each participant they act for, each agreement in force that lets it send a
 * message (not only feed events) without sealing the payload itself, to each mailbox the agreement names, with the
 * legal basis the agreement allows first. The web offers only these; the pipeline still judges what is sent.
 */
@Component
class ComposeRoutes {

    /** One way to send: from the participant, under the agreement, to the mailbox, with this legal basis. */
    record Route(String sender, Agreement agreement, Product product, Mailbox recipient, AllowedLegalBasis basis,
            DisclosureMode mode, String purpose) {

        public String value() {
            return agreement.id() + "|" + recipient.address();
        }
    }

    private final Registry registry;
    private final Clock clock;

    ComposeRoutes(Registry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    List<Route> of(WebPerson person) {
        List<Route> routes = new ArrayList<>();
        for (String sender : person.participants()) {
            for (Agreement agreement : registry.agreements()) {
                if (agreement.producer().equals(sender) && agreement.isValidAt(clock.instant())
                        && agreement.payloadProtection().map(PayloadProtection::sealedBy)
                                .filter(by -> by == PayloadProtection.SealedBy.SENDER).isEmpty()) {
                    addRoutes(routes, sender, agreement);
                }
            }
        }
        return routes;
    }

    Optional<Route> find(WebPerson person, String value) {
        return of(person).stream().filter(r -> r.value().equals(value)).findFirst();
    }

    private void addRoutes(List<Route> routes, String sender, Agreement agreement) {
        Product product = registry.product(agreement.product()).orElseThrow();
        for (AllowedLegalBasis basis : agreement.legalBases()) {
            Optional<DisclosureMode> mode = basis.disclosureModes().stream()
                    .filter(m -> m != DisclosureMode.SUBSCRIPTION).findFirst();
            if (mode.isPresent()) {
                registry.mailboxes().stream().filter(m -> agreement.covers(sender, m.address()))
                        .forEach(m -> routes.add(new Route(sender, agreement, product, m, basis, mode.get(),
                                basis.purposes().get(0))));
                return;
            }
        }
    }
}
