package se.kurir.adapter.web;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.kurir.crypto.CertificateRefusedException;
import se.kurir.crypto.CertificateRegistry;
import se.kurir.crypto.Pem;
import se.kurir.delivery.DeadLetters;
import se.kurir.registry.Registry;
import se.kurir.subscription.SubscriptionCatalogue;

/**
 * The operator's screens beside Hawtio: dead letters with replay, certificates to register and revoke, how far
 * behind the subscriptions are, and the registry (participants, mailboxes, products, agreements) to read. Every action
 * is the API's, audited under the operator's name.
 */
@Controller
@RequestMapping("/web/operations")
class WebOperationsController {

    private static final int LIMIT = 500;
    /** A certificate's PEM is a few kilobytes; a chain or anything else pasted is refused before it is parsed. */
    private static final int PEM_LIMIT = 64 * 1024;

    private final DeadLetters deadLetters;
    private final CertificateRegistry certificates;
    private final SubscriptionCatalogue subscriptions;
    private final Registry registry;
    private final Clock clock;

    WebOperationsController(DeadLetters deadLetters, CertificateRegistry certificates,
            SubscriptionCatalogue subscriptions, Registry registry, Clock clock) {
        this.deadLetters = deadLetters;
        this.certificates = certificates;
        this.subscriptions = subscriptions;
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("deadLetters", deadLetters.list(LIMIT));
        model.addAttribute("certificates", certificates.list(null));
        model.addAttribute("now", clock.instant());
        model.addAttribute("backlog", subscriptions.backlog());
        return "web/operations";
    }

    @GetMapping("/registry")
    String registry(Model model) {
        model.addAttribute("participants", registry.participants());
        model.addAttribute("mailboxes", registry.mailboxes());
        model.addAttribute("products", registry.products());
        model.addAttribute("agreements", registry.agreements());
        model.addAttribute("nodes", registry.peerNodes());
        return "web/registry";
    }

    @PostMapping("/dead-letters/{messageId}/replay")
    String replay(@PathVariable String messageId, Authentication operator) {
        deadLetters.replay(operator.getName(), messageId);
        return "redirect:/web/operations?replayed=" + messageId;
    }

    /** One PEM certificate; the registry reads whose it is and what it is for, and refuses what it cannot trust. */
    @PostMapping("/certificates")
    String register(@RequestParam(defaultValue = "") String pem, Authentication operator) {
        List<X509Certificate> parsed = pem.length() > PEM_LIMIT ? List.of() : Pem.certificates(pem);
        if (parsed.size() != 1) {
            throw new CertificateRefusedException(CertificateRefusedException.Code.CERTIFICATE_UNREADABLE,
                    "pem: paste exactly one PEM certificate");
        }
        return "redirect:/web/operations?registered=" + certificates.register(parsed.get(0), operator.getName())
                .keyId();
    }

    @PostMapping("/certificates/{keyId}/revocation")
    String revoke(@PathVariable String keyId, @RequestParam(defaultValue = "") String reason,
            Authentication operator) {
        if (reason.isBlank()) {
            return "redirect:/web/operations?reasonMissing=" + keyId;
        }
        certificates.revoke(keyId, reason.strip(), operator.getName());
        return "redirect:/web/operations?revoked=" + keyId;
    }
}
