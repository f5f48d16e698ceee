package se.kurir.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a mailbox's messages leave the gateway: its one way out, named in the registry seed as {@code delivery:
 * {kind: ..., <settings>}}. The kinds the core knows are records here; a transport added later by a package of its own
 * (SHS, SDK, AS4, a peer node) starts as a {@link Plugged} kind and needs no change here. Every kind except pull
 * leaves the message readable by the owner too: the channel carries it, the mailbox keeps its record and receipts.
 * Settings hold names and addresses only; secrets stay in configuration (a file inbox names its server, whose
 * credentials are in {@code kurir.files.servers}).
 */
public sealed interface DeliveryChannel {

    /** Stable and short: the seed's {@code kind}, and part of the delivery step's id in Hawtio. */
    String kind();

    /** The settings as the seed writes them, {@code kind} first; what the registry table stores. */
    Map<String, String> settings();

    /** The owner fetches its messages (REST, or the broker's pull API); nothing is carried. */
    record Pull() implements DeliveryChannel {
        public static final String KIND = "pull";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("kind", KIND);
        }
    }

    /** @param url the owner's HTTPS endpoint each message is pushed to */
    record Push(String url) implements DeliveryChannel {
        public static final String KIND = "push";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, String> settings() {
            return ordered(KIND, "url", url);
        }
    }

    /** The owner reads the mailbox straight from the broker (JMS or AMQP 1.0), queue {@code kurir.out.<mailbox>}. */
    record BrokerOutbox() implements DeliveryChannel {
        public static final String KIND = "broker-outbox";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("kind", KIND);
        }
    }

    /** @param server the name of the SFTP/FTPS directory in {@code kurir.files.servers}, where its secrets are */
    record FileInbox(String server) implements DeliveryChannel {
        public static final String KIND = "file-inbox";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, String> settings() {
            return ordered(KIND, "server", server);
        }
    }

    /**
     * A kind the registry does not know by name: it belongs to a transport package that registers a delivery
     * channel of that kind; start-up fails when none does.
     */
    record Plugged(String kind, Map<String, String> options) implements DeliveryChannel {
        public Plugged {
            options = Map.copyOf(options);
        }

        @Override
        public Map<String, String> settings() {
            var settings = new LinkedHashMap<String, String>();
            settings.put("kind", kind);
            options.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> settings.put(e.getKey(), e.getValue()));
            return settings;
        }

        /**
         * The options, refusing any but {@code allowed}, as the registry refuses them for the kinds it knows: how the
         * transport that owns this kind checks a mailbox at start-up.
         */
        public Map<String, String> only(String... allowed) {
            DeliveryChannel.only(options, new TreeSet<>(Set.of(allowed)), this);
            return options;
        }

        /** The option {@code name}, which must be an http(s) URL. */
        public String httpUrl(String name) {
            return DeliveryChannel.httpUrl(name, options.get(name));
        }
    }

    /**
     * The channel the settings describe. A blank key setting (push {@code url}, file-inbox {@code server}, or every
     * setting of a plugged kind) means pull, so one seed serves nodes with and without the endpoint, through a
     * placeholder such as {@code ${kurir.demo.push-url:}}.
     *
     * @throws IllegalArgumentException naming the setting that is missing, unknown or malformed
     */
    static DeliveryChannel of(Map<String, String> settings) {
        if (settings == null || settings.isEmpty()) {
            return new Pull();
        }
        String kind = settings.get("kind");
        if (kind == null || !kind.matches("[a-z][a-z0-9-]{0,30}")) {
            throw new IllegalArgumentException("delivery.kind must be a short lower-case name, was " + kind);
        }
        var options = new LinkedHashMap<>(settings);
        options.remove("kind");
        return switch (kind) {
            case Pull.KIND -> only(options, Set.of(), new Pull());
            case BrokerOutbox.KIND -> only(options, Set.of(), new BrokerOutbox());
            case Push.KIND -> blank(options.get("url")) ? only(options, Set.of("url"), new Pull())
                    : only(options, Set.of("url"), new Push(httpUrl("url", options.get("url"))));
            case FileInbox.KIND -> blank(options.get("server")) ? only(options, Set.of("server"), new Pull())
                    : only(options, Set.of("server"), new FileInbox(options.get("server")));
            default -> !options.isEmpty() && options.values().stream().allMatch(DeliveryChannel::blank) ? new Pull()
                    : new Plugged(kind, options);
        };
    }

    private static DeliveryChannel only(Map<String, String> options, Set<String> allowed, DeliveryChannel channel) {
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("delivery." + name + " is not a setting of kind " + channel.kind()
                        + " (allowed: " + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ")");
            }
        }
        return channel;
    }

    private static String httpUrl(String name, String url) {
        if (url == null || !url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("delivery." + name + " must be an http(s) URL, was " + url);
        }
        return url;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Map<String, String> ordered(String kind, String name, String value) {
        var settings = new LinkedHashMap<String, String>();
        settings.put("kind", kind);
        settings.put(name, value);
        return settings;
    }
}
