package se.kurir.adapter.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.envelope.Classification;
import se.kurir.registry.Agreement;
import se.kurir.registry.Registry;
import se.kurir.security.Roles;

/**
 * The catalogue: what information exists, what it means, under which legal bases and between whom. Products are
 * visible to every caller; a participant sees the agreements it is party to, operators and auditors see all.
 */
@RestController
@RequestMapping("/api/v1/catalogue")
class CatalogueController {

    private final Registry registry;

    CatalogueController(Registry registry) {
        this.registry = registry;
    }

    record ProductView(String id, String name, String description, Classification classification,
            boolean personalData, long maxPayloadBytes, List<LegalBasisRef> legalBases) {
    }

    record LegalBasisRef(String statute, String provision) {
    }

    @Operation(summary = "The product catalogue")
    @GetMapping("/products")
    List<ProductView> products() {
        return registry.products().stream().map(p -> new ProductView(p.id(), p.name(), p.description(),
                p.classification(), p.personalData(), p.maxPayloadBytes(), registry.agreements().stream()
                        .filter(a -> a.product().equals(p.id()))
                        .flatMap(a -> a.legalBases().stream())
                        .map(b -> new LegalBasisRef(b.statute(), b.provision())).distinct().toList()))
                .toList();
    }

    @Operation(summary = "Agreements: all for operators and auditors, a participant's own for a participant")
    @GetMapping("/agreements")
    List<Agreement> agreements(Authentication caller) {
        boolean participant = caller.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.PARTICIPANT));
        return participant ? registry.agreementsOf(caller.getName()) : registry.agreements();
    }
}
