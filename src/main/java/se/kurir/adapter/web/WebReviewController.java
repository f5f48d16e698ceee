package se.kurir.adapter.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.kurir.delivery.DeliveryException;
import se.kurir.delivery.Reviews;
import se.kurir.registry.Registry;

/**
 * The reviewer's screen (sekretessprövning, the secrecy review before release): the queue of held messages, one
 * message's envelope and legal basis, and approving or denying it with a justification, which the audit log keeps.
 * The payload stays out of sight: what it holds is sealed or for the recipient only; the reviewer judges on the
 * metadata and, where the agreement lets them, fetches the content through the API's review channel.
 */
@Controller
@RequestMapping("/web/reviews")
class WebReviewController {

    private static final int QUEUE = 200;

    private final Reviews reviews;
    private final Registry registry;

    WebReviewController(Reviews reviews, Registry registry) {
        this.reviews = reviews;
        this.registry = registry;
    }

    @GetMapping
    String queue(Model model) {
        model.addAttribute("messages", reviews.pending(QUEUE));
        return "web/reviews";
    }

    @GetMapping("/{messageId}")
    String message(@PathVariable String messageId, Model model) {
        var message = reviews.pending(QUEUE).stream().filter(m -> m.messageId().equals(messageId)).findFirst()
                .orElseThrow(() -> DeliveryException.notFound("message " + messageId + " in the review queue"));
        model.addAttribute("message", message);
        model.addAttribute("sender", registry.participant(message.sender()).orElse(null));
        model.addAttribute("product", registry.product(message.product()).orElse(null));
        return "web/review";
    }

    @PostMapping("/{messageId}")
    String decide(@PathVariable String messageId, @RequestParam String decision,
            @RequestParam(defaultValue = "") String justification, Authentication reviewer, Model model) {
        if (justification.isBlank()) {
            model.addAttribute("error", "review.error.justification");
            return message(messageId, model);
        }
        if (decision.equals("approve")) {
            reviews.approve(reviewer.getName(), messageId, justification.strip());
        } else {
            reviews.deny(reviewer.getName(), messageId, justification.strip());
        }
        return "redirect:/web/reviews?decided=" + messageId;
    }
}
