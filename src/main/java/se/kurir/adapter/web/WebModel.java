package se.kurir.adapter.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/** What every page's header needs: who is signed in, and their roles, which decide the screens it links to. */
@ControllerAdvice(basePackageClasses = WebModel.class)
class WebModel {

    @ModelAttribute
    void addPerson(Authentication authentication, Model model) {
        person(authentication, model);
    }

    /** Also for the error pages, whose handlers get no model attributes of their own. */
    static void person(Authentication authentication, Model model) {
        boolean signedIn = authentication != null && !(authentication instanceof AnonymousAuthenticationToken);
        model.addAttribute("signedIn", signedIn ? authentication.getName() : null);
        Set<String> roles = signedIn ? authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toSet()) : Set.of();
        model.addAttribute("roles", roles);
    }
}
