package se.kurir.adapter.pipeline;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import se.kurir.registry.Mailbox;

/**
 * A mailbox's {@code delivery} settings read the same way by every {@link MailboxChannel}'s start-up check: a
 * setting the kind does not know is refused rather than ignored, and a URL must be http(s), each failure naming the
 * mailbox and the setting.
 */
public final class ChannelSettings {

    private ChannelSettings() {
    }

    /** The mailbox's settings, refusing any but {@code kind} and {@code allowed}. */
    public static Map<String, String> only(Mailbox mailbox, String kind, String... allowed) {
        Set<String> known = new TreeSet<>(Set.of(allowed));
        Map<String, String> settings = mailbox.delivery().settings();
        for (String name : settings.keySet()) {
            if (!name.equals("kind") && !known.contains(name)) {
                throw new IllegalArgumentException("Mailbox " + mailbox.address() + ": delivery." + name
                        + " is not a setting of kind " + kind + " (allowed: " + String.join(", ", known) + ")");
            }
        }
        return settings;
    }

    /** The http(s) URL in {@code setting}; {@code what} says what it must be the address of. */
    public static String httpUrl(Mailbox mailbox, String setting, String what) {
        String url = mailbox.delivery().settings().get(setting);
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new IllegalArgumentException("Mailbox " + mailbox.address() + ": delivery." + setting + " must be "
                    + what + ", an http(s) URL; was " + url);
        }
        return url;
    }
}
