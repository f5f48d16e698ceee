package se.kurir.adapter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.kurir.delivery.MessageRecord;
import se.kurir.delivery.Reviews;
import se.kurir.registry.Registry;

/**
 * The reviewer's screen (sekretessprövning, the secrecy review before release): the queue of held messages, one
 * message's envelope and legal basis, its content where the node can read it, and approving or denying it with a
 * justification, which the audit log keeps. The content is shown only when the reviewer asks for it, since each
 * opening is audited: a preview of its beginning when it is text, and the whole as a download. A payload sealed for
 * its recipient stays closed; the reviewer then judges on the metadata.
 */
@Controller
@RequestMapping("/web/reviews")
class WebReviewController {

    private static final int QUEUE = 200;
    /** The preview shows this much of a text payload; the download has the rest. */
    private static final int PREVIEW_BYTES = 64 * 1024;

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
        show(reviews.pendingMessage(messageId), model);
        return "web/review";
    }

    /** The review screen with the content's preview (text payloads only); opening it is audited. */
    @GetMapping("/{messageId}/content")
    String content(@PathVariable String messageId, Authentication reviewer, Model model) throws IOException {
        MessageRecord message = reviews.pendingMessage(messageId);
        show(message, model);
        if (isText(message.mediaType())) {
            try (InputStream in = reviews.openContent(reviewer.getName(), messageId)) {
                byte[] beginning = in.readNBytes(PREVIEW_BYTES);
                model.addAttribute("preview", new String(beginning, charset(message.mediaType())));
                model.addAttribute("previewTruncated", message.payload().size() > beginning.length);
            }
        }
        model.addAttribute("contentShown", true);
        return "web/review";
    }

    /** The whole payload, streamed, as a file the browser saves; opening it is audited. */
    @GetMapping("/{messageId}/payload")
    void payload(@PathVariable String messageId, Authentication reviewer, HttpServletResponse response)
            throws IOException {
        MessageRecord message = reviews.pendingMessage(messageId);
        try (InputStream in = reviews.openContent(reviewer.getName(), messageId)) {
            WebDownload.send(message, in, response);
        }
    }

    private void show(MessageRecord message, Model model) {
        model.addAttribute("message", message);
        model.addAttribute("sealed", reviews.contentSealed(message));
        model.addAttribute("sender", registry.participant(message.sender()).orElse(null));
        model.addAttribute("product", registry.product(message.product()).orElse(null));
    }

    private static boolean isText(String mediaType) {
        try {
            MediaType type = MediaType.parseMediaType(mediaType);
            return type.getType().equals("text") || type.getSubtype().equals("json") || type.getSubtype().equals("xml")
                    || type.getSubtype().endsWith("+json") || type.getSubtype().endsWith("+xml");
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** The charset the sender declared, where Java knows it; UTF-8 otherwise. */
    private static Charset charset(String mediaType) {
        try {
            Charset declared = MediaType.parseMediaType(mediaType).getCharset();
            return declared != null ? declared : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
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
