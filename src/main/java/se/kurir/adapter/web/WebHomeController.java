package se.kurir.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import se.kurir.registry.Registry;
import se.kurir.security.SecurityProblem;

/** The sign-in page, and the start page: the person's mailboxes and the screens their roles open. */
@Controller
class WebHomeController {

    private final Registry registry;

    WebHomeController(Registry registry) {
        this.registry = registry;
    }

    @GetMapping("/web/login")
    String login() {
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
