package se.kurir.adapter.rest;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.envelope.JsonEnvelopeReader;
import se.kurir.subscription.EventFeed;
import se.kurir.subscription.EventPublication;
import se.kurir.subscription.PublishedEvent;
import se.kurir.subscription.SubscriptionProblem;
import se.kurir.subscription.SubscriptionProperties;

/** Publishing to a product's change feed: {@code {"envelope", "subjectKey", "eventType", "payload"}}. */
@RestController
@RequestMapping("/api/v1/products/{product}/events")
class EventController {

    private final JsonEnvelopeReader reader;
    private final EventFeed feed;
    private final SubscriptionProperties properties;

    EventController(JsonEnvelopeReader reader, EventFeed feed, SubscriptionProperties properties) {
        this.reader = reader;
        this.feed = feed;
        this.properties = properties;
    }

    @Operation(summary = "Publish an event to a product's feed (xsd/event.schema.json); the producer only")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PublishedEvent> publish(@PathVariable String product, HttpServletRequest request,
            Authentication caller) throws IOException {
        int limit = (int) properties.maxEventDocument();
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(limit + 1);
        }
        if (body.length > limit) {
            throw new BadRequestException(SubscriptionProblem.EVENT_TOO_LARGE, "payload: the event is larger than "
                    + limit + " bytes");
        }
        PublishedEvent published = feed.publish(EventPublication.of(caller.getName(), product,
                reader.readEvent(body)));
        return ResponseEntity.status(published.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(published);
    }
}
