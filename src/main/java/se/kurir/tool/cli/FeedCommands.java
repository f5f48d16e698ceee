package se.kurir.tool.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Subscriptions (abonnemang): subscribe to a product's feed, and read or follow it. */
final class FeedCommands {

    private FeedCommands() {
    }

    @Command(name = "subscribe", description = "Subscribe to a product's feed (pull: read it with kurir feed)")
    static final class Subscribe implements Callable<Integer> {
        @Mixin Connection node;
        @Mixin Io io;
        @Option(names = "--product", required = true) String product;

        @Override
        public Integer call() throws IOException {
            io.print(node, node.sendJson("POST", "/api/v1/subscriptions", Map.of("product", product,
                    "deliveryMode", "PULL")), answer -> answer.path("id").asText());
            return ExitCodes.OK;
        }
    }

    @Command(name = "feed", description = "Print a subscription's events after its cursor, one per line, and commit "
            + "the cursor after them; with --follow, wait for more until --max events or interrupted")
    static final class Feed implements Callable<Integer> {
        @Mixin Connection node;
        @Mixin Io io;
        @Parameters(index = "0", paramLabel = "SUBSCRIPTION") String subscription;
        @Option(names = {"-f", "--follow"}, description = "Keep waiting for new events") boolean follow;
        @Option(names = "--max", description = "Stop after this many events (default: no limit)")
        long max = Long.MAX_VALUE;
        @Option(names = "--wait", defaultValue = "20", description = "Seconds one read waits for an event")
        int wait;

        @Override
        public Integer call() throws IOException {
            long printed = 0;
            while (printed < max) {
                JsonNode events = node.getJson("/api/v1/subscriptions/" + subscription + "/feed?limit=100&wait="
                        + (follow ? wait : 0)).get("events");
                if (events.isEmpty()) {
                    if (follow) {
                        continue;
                    }
                    break;
                }
                long last = -1;
                for (JsonNode event : events) {
                    if (printed == max) {
                        break;
                    }
                    io.out.println(node.json ? Connection.JSON.writeValueAsString(event).replaceAll("\\s*\n\\s*", " ")
                            : event.path("sequence").asText() + "  " + event.path("eventType").asText() + "  "
                                    + event.path("subjectKey").asText());
                    printed++;
                    last = event.path("sequence").asLong();
                }
                // Committed after the events were printed: a reader stopped in between gets them again.
                node.sendJson("PUT", "/api/v1/subscriptions/" + subscription + "/cursor", Map.of("after", last));
            }
            return ExitCodes.OK;
        }
    }
}
