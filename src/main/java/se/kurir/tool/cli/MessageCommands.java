package se.kurir.tool.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A participant's mailboxes and sent messages: list, fetch, acknowledge, receipts. */
final class MessageCommands {

    private MessageCommands() {
    }

    @Command(name = "list", description = "The messages in one of your mailboxes")
    static final class List implements Callable<Integer> {
        @Mixin Connection node;
        @Mixin Io io;
        @Parameters(index = "0", paramLabel = "MAILBOX") String mailbox;
        @Option(names = "--state", description = "DELIVERED, FETCHED or ACKNOWLEDGED") String state;
        @Option(names = "--product") String product;

        @Override
        public Integer call() throws IOException {
            String query = (state == null ? "" : "&state=" + state) + (product == null ? "" : "&product=" + product);
            io.print(node, node.getJson("/api/v1/mailboxes/" + mailbox + "/messages?limit=1000" + query),
                    answer -> StreamSupport.stream(answer.get("messages").spliterator(), false)
                            .map(m -> String.join("  ", m.path("messageId").asText(), m.path("state").asText(),
                                    m.path("product").asText(), m.path("sender").asText(),
                                    m.path("receivedAt").asText()))
                            .collect(Collectors.joining("\n")));
            return ExitCodes.OK;
        }
    }

    @Command(name = "fetch", description = "A message's payload, streamed to a file or standard output")
    static final class Fetch implements Callable<Integer> {
        @Mixin Connection node;
        @Mixin Io io;
        @Parameters(index = "0", paramLabel = "MAILBOX") String mailbox;
        @Parameters(index = "1", paramLabel = "MESSAGE-ID") String messageId;
        @Option(names = {"-o", "--out"}, description = "The file to write (default: standard output)") Path out;

        @Override
        public Integer call() throws IOException {
            HttpResponse<InputStream> answer = node.send(node.request("/api/v1/mailboxes/" + mailbox + "/messages/"
                    + messageId + "/payload").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = answer.body();
                    OutputStream to = out == null ? io.out : Files.newOutputStream(out)) {
                in.transferTo(to);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "ack", description = "Acknowledge a message: the sender gets the receipt")
    static final class Ack implements Callable<Integer> {
        @Mixin Connection node;
        @Mixin Io io;
        @Parameters(index = "0", paramLabel = "MAILBOX") String mailbox;
        @Parameters(index = "1", paramLabel = "MESSAGE-ID") String messageId;

        @Override
        public Integer call() throws IOException {
            io.print(node, node.sendJson("POST", "/api/v1/mailboxes/" + mailbox + "/messages/" + messageId + "/ack",
                    null), answer -> messageId + " " + answer.path("state").asText("ACKNOWLEDGED"));
            return ExitCodes.OK;
        }
    }

    @Command(name = "receipts", description = "The receipts of a message you sent")
    static final class Receipts implements Callable<Integer> {
        @Mixin Connection node;
        @Mixin Io io;
        @Parameters(index = "0", paramLabel = "MESSAGE-ID") String messageId;

        @Override
        public Integer call() throws IOException {
            io.print(node, node.getJson("/api/v1/messages/" + messageId + "/receipts"),
                    answer -> StreamSupport.stream(answer.get("receipts").spliterator(), false)
                            .map(r -> r.path("at").asText() + "  " + r.path("type").asText()
                                    + (r.path("reasonCode").isTextual() ? "  " + r.path("reasonCode").asText() : ""))
                            .collect(Collectors.joining("\n")));
            return ExitCodes.OK;
        }
    }
}
