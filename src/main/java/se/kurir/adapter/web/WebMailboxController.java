package se.kurir.adapter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.kurir.delivery.MailboxAccess;
import se.kurir.delivery.MailboxFilter;
import se.kurir.delivery.MessageRecord;
import se.kurir.delivery.MessageState;
import se.kurir.registry.Registry;

/**
 * A case officer's functional mailbox: the messages in it, searchable by state, product, sender and date; one
 * message with its envelope, its legal basis in words and its payload to download; acknowledging it. The same
 * {@link MailboxAccess} as the API does the work, so ownership, states, receipts and audit are the API's.
 */
@Controller
@RequestMapping("/web/mailboxes/{mailbox}")
class WebMailboxController {

    private static final int PAGE = 200;

    private final MailboxAccess mailboxes;
    private final Registry registry;

    WebMailboxController(MailboxAccess mailboxes, Registry registry) {
        this.mailboxes = mailboxes;
        this.registry = registry;
    }

    @GetMapping
    String list(@PathVariable String mailbox, @RequestParam(required = false) MessageState state,
            @RequestParam(required = false) String product, @RequestParam(required = false) String sender,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
            Authentication authentication, Model model) {
        String participant = WebPerson.of(authentication).actingIn(mailbox, mailboxes, "list");
        MailboxFilter filter = new MailboxFilter(state, blankToNull(product), since == null ? null
                : since.atStartOfDay(ZoneId.of("Europe/Stockholm")).toInstant(), null, PAGE);
        List<MessageRecord> found = mailboxes.list(participant, mailbox, filter).messages().stream()
                .filter(m -> sender == null || sender.isBlank() || m.sender().equals(sender.trim()))
                .toList();
        model.addAttribute("mailbox", mailbox);
        model.addAttribute("messages", found);
        model.addAttribute("states", MessageState.IN_MAILBOX);
        model.addAttribute("products", registry.products());
        model.addAttribute("participants", registry.participants());
        model.addAttribute("state", state);
        model.addAttribute("product", product);
        model.addAttribute("sender", sender);
        model.addAttribute("since", since);
        return "web/mailbox";
    }

    @GetMapping("/messages/{messageId}")
    String message(@PathVariable String mailbox, @PathVariable String messageId, Authentication authentication,
            Model model) {
        String participant = WebPerson.of(authentication).actingIn(mailbox, mailboxes, "read");
        MessageRecord message = mailboxes.get(participant, mailbox, messageId);
        model.addAttribute("mailbox", mailbox);
        model.addAttribute("message", message);
        model.addAttribute("sender", registry.participant(message.sender()).orElse(null));
        model.addAttribute("product", registry.product(message.product()).orElse(null));
        return "web/message";
    }

    /** Streamed, never held whole; FETCHED once the last byte is written, as through the API. */
    @GetMapping("/messages/{messageId}/payload")
    void payload(@PathVariable String mailbox, @PathVariable String messageId, Authentication authentication,
            HttpServletResponse response) throws IOException {
        String participant = WebPerson.of(authentication).actingIn(mailbox, mailboxes, "read");
        MessageRecord message = mailboxes.get(participant, mailbox, messageId);
        try (InputStream in = mailboxes.openPayload(message)) {
            WebDownload.send(message, in, response);
        }
        mailboxes.fetched(participant, message);
    }

    @PostMapping("/messages/{messageId}/ack")
    String acknowledge(@PathVariable String mailbox, @PathVariable String messageId, Authentication authentication) {
        String participant = WebPerson.of(authentication).actingIn(mailbox, mailboxes, "acknowledge");
        mailboxes.acknowledge(participant, mailbox, messageId);
        return "redirect:/web/mailboxes/" + mailbox + "/messages/" + messageId + "?acknowledged";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
