package se.kurir.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import se.kurir.registry.Registry;
import se.kurir.security.SecurityProblem;

/**
 * The sign-in page (the form, and a way through each identity provider registered), and the start page: the person's
 * mailboxes and the screens their roles open.
 */
@Controller
class WebHomeController {

    private final Registry registry;
    private final List<IdentityProvider> identityProviders;

    WebHomeController(Registry registry, ObjectProvider<ClientRegistrationRepository> identityProviders) {
        this.registry = registry;
        this.identityProviders = identityProviders.getIfAvailable() instanceof Iterable<?> registrations
                ? StreamSupport.stream(registrations.spliterator(), false).map(ClientRegistration.class::cast)
                        .map(r -> new IdentityProvider(r.getRegistrationId(), r.getClientName())).toList()
                : List.of();
    }

    /** @param name how the sign-in page names it ({@code client-name}) */
    record IdentityProvider(String id, String name) {
    }

    @GetMapping("/web/login")
    String login(Model model) {
        model.addAttribute("identityProviders", identityProviders);
        return "web/login";
    }

    /** Where Spring Security forwards a refused request: another role's screen, or a form without its token. */
    @RequestMapping("/web/denied")
    String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
        return WebErrors.page(request, response, model, HttpServletResponse.SC_FORBIDDEN,
                SecurityProblem.FORBIDDEN.name(), "");
    }

    @GetMapping({"/web", "/web/"})
    String home(Authentication authentication, Model model) {
        WebPerson person = WebPerson.of(authentication);
        model.addAttribute("mailboxes", person.mailboxes().stream().map(registry::mailbox)
                .flatMap(Optional::stream).toList());
        return "web/home";
    }
}
