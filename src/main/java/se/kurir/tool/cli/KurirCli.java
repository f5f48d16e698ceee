package se.kurir.tool.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/kurir}: Kurir from the command line. Each subcommand is one call (or a few) to the node's API.
 * Run with {@code --help} for the commands, {@code kurir <command> --help} for one.
 */
@Command(name = "kurir", mixinStandardHelpOptions = true, version = "kurir 0.1",
        description = "Send and read messages, follow feeds, verify the audit log, replay dead letters, seal and open "
                + "payloads: a Kurir node's API from the command line.",
        subcommands = {SendCommand.class, MessageCommands.List.class, MessageCommands.Fetch.class,
            MessageCommands.Ack.class, MessageCommands.Receipts.class, FeedCommands.Subscribe.class,
            FeedCommands.Feed.class, OperatorCommands.Audit.class, OperatorCommands.DeadLetters.class,
            SealingCommands.Seal.class, SealingCommands.Open.class, ConformanceCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:wrong usage, a file or the node unreachable", "2:refused by the node (4xx)",
            "3:the node could not do it now (5xx)", "4:the audit log does not verify, or not to the head expected",
            "5:a conformance scenario failed"})
public final class KurirCli {

    public static void main(String[] args) {
        System.exit(run(System::getenv, System.in, System.out, System.err, args));
    }

    /** Runs one command line with this environment and these streams; returns the exit code. */
    public static int run(Function<String, String> environment, InputStream in, PrintStream out, PrintStream err,
            String... args) {
        CommandLine cli = new CommandLine(new KurirCli(), new CommandLine.IFactory() {
            private final CommandLine.IFactory standard = CommandLine.defaultFactory();

            @Override
            public <K> K create(Class<K> type) throws Exception {
                K created = standard.create(type);
                if (created instanceof Connection connection) {
                    connection.environment = environment;
                } else if (created instanceof Io io) {
                    io.in = in;
                    io.out = out;
                    io.err = err;
                    io.environment = environment;
                }
                return created;
            }
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof Refused refused) {
                err.println("kurir: " + refused.getMessage());
                return refused.exitCode();
            }
            err.println("kurir: " + e.getMessage());
            return ExitCodes.FAILED;
        });
        return cli.execute(args);
    }
}
