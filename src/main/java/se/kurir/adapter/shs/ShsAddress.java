package se.kurir.adapter.shs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SHS address, {@code urn:X-shs:<orgnr>} or {@code urn:X-shs:<orgnr>.<internal id>}: an organisation, or one of
 * its mailboxes. Read leniently, as labels in the field write them: the prefix in any case or left out, whitespace a
 * line wrap put inside, the twelve-digit form of an organisation number (with the century prefix 16), and the 8-digit
 * legacy numbers old labels still carry, which {@link ShsLegacyNumbers} turns into the participant's own.
 *
 * @param mailboxName the internal id, a Kurir mailbox's name; null when the address names the organisation only
 */
record ShsAddress(String orgNumber, String mailboxName) {

    static final String PREFIX = "urn:X-shs:";
    private static final Pattern FORM = Pattern.compile(
            "(?:16([0-9]{10})|([0-9]{10})|([0-9]{8}))(?:\\.([A-Za-z0-9][A-Za-z0-9-]{0,63}))?");

    /** @throws IllegalArgumentException naming what is wrong with the value */
    static ShsAddress parse(String value) {
        String compact = value.replaceAll("\\s+", "");
        if (compact.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            compact = compact.substring(PREFIX.length());
        }
        Matcher m = FORM.matcher(compact);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value.strip() + "' is not urn:X-shs:<10-digit organisation "
                    + "number, or an 8-digit legacy one>[.<internal id>]");
        }
        String orgNumber = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return new ShsAddress(orgNumber, m.group(4) == null ? null : m.group(4).toLowerCase(Locale.ROOT));
    }

    static ShsAddress ofMailbox(String mailbox) {
        int dot = mailbox.indexOf('.');
        return new ShsAddress(mailbox.substring(0, dot), mailbox.substring(dot + 1));
    }

    boolean isLegacy() {
        return orgNumber.length() == 8;
    }

    /** The Kurir mailbox address, or null for an organisation. */
    String mailbox() {
        return mailboxName == null ? null : orgNumber + "." + mailboxName;
    }

    @Override
    public String toString() {
        return PREFIX + orgNumber + (mailboxName == null ? "" : "." + mailboxName);
    }
}
