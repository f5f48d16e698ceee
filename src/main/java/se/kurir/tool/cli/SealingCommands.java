package se.kurir.tool.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;
import se.kurir.tool.SealCommand;

/** {@code kurir seal} and {@code kurir open}: today's {@code kurir-seal}, on an agency's side, without a node. */
final class SealingCommands {

    private SealingCommands() {
    }

    private static String[] withAction(String action, List<String> arguments) {
        List<String> all = new ArrayList<>(List.of(action));
        all.addAll(arguments);
        return all.toArray(String[]::new);
    }

    @Command(name = "seal", description = "Sign and encrypt a payload for its recipient (as kurir-seal seal; see "
            + "docs/SEALING-AND-MTLS.md)")
    static final class Seal implements Callable<Integer> {
        @Mixin Io io;
        @Unmatched List<String> arguments = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            return SealCommand.run(io.environment, io.out, withAction("seal", arguments));
        }
    }

    @Command(name = "open", description = "Decrypt a sealed payload and check its signature (as kurir-seal open)")
    static final class Open implements Callable<Integer> {
        @Mixin Io io;
        @Unmatched List<String> arguments = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            return SealCommand.run(io.environment, io.out, withAction("open", arguments));
        }
    }
}
