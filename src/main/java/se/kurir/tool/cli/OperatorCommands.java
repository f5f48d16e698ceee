package se.kurir.tool.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** For auditors and operators: the audit log's verification, and dead letters. */
final class OperatorCommands {

    private OperatorCommands() {
    }

    @Command(name = "audit", description = "Audit log", subcommands = Audit.Verify.class)
    static final class Audit {

        @Command(name = "verify", description = "Verify the whole chain; with --seq and --hash, also that the record "
                + "at --seq still has that hash (a head kept elsewhere). Exit code 4 when it does not verify.")
        static final class Verify implements Callable<Integer> {
            @Mixin Connection node;
            @Mixin Io io;
            @Option(names = "--seq", description = "The sequence number of a head kept elsewhere") Long seq;
            @Option(names = "--hash", description = "Its hash") String hash;

            @Override
            public Integer call() throws IOException {
                JsonNode answer = node.getJson("/api/v1/audit/verify" + (seq == null ? ""
                        : "?seq=" + seq + "&hash=" + hash));
                io.print(node, answer, a -> a.path("valid").asBoolean()
                        ? "valid: " + a.path("recordsChecked").asLong() + " records, head " + a.path("headSeq").asLong()
                                + " " + a.path("headHash").asText()
                        : "NOT valid at record " + a.path("firstBrokenSeq").asText() + ": " + a.path("problem").asText());
                return answer.path("valid").asBoolean() ? ExitCodes.OK : ExitCodes.NOT_VERIFIED;
            }
        }
    }

    @Command(name = "dead-letters", description = "Messages whose delivery failed after every attempt",
            subcommands = {DeadLetters.ListAll.class, DeadLetters.Replay.class})
    static final class DeadLetters {

        @Command(name = "list", description = "List the dead letters")
        static final class ListAll implements Callable<Integer> {
            @Mixin Connection node;
            @Mixin Io io;

            @Override
            public Integer call() throws IOException {
                io.print(node, node.getJson("/api/v1/dead-letters?limit=1000"), letters -> StreamSupport
                        .stream(letters.spliterator(), false)
                        .map(d -> String.join("  ", d.path("messageId").asText(), d.path("recipient").asText(),
                                d.path("attempts").asText(), d.path("lastError").asText()))
                        .collect(Collectors.joining("\n")));
                return ExitCodes.OK;
            }
        }

        @Command(name = "replay", description = "Queue one dead letter (or --all) for delivery again; audited")
        static final class Replay implements Callable<Integer> {
            @Mixin Connection node;
            @Mixin Io io;
            @Parameters(index = "0", arity = "0..1", paramLabel = "MESSAGE-ID") String messageId;
            @Option(names = "--all") boolean all;

            @Override
            public Integer call() throws IOException {
                if (all == (messageId != null)) {
                    throw new IllegalArgumentException("give a MESSAGE-ID or --all");
                }
                io.print(node, node.sendJson("POST", all ? "/api/v1/dead-letters/replay"
                        : "/api/v1/dead-letters/" + messageId + "/replay", null),
                        a -> all ? a.path("replayed").asText() + " replayed" : messageId + " replayed");
                return ExitCodes.OK;
            }
        }
    }
}
