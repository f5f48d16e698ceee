package se.kurir.privacy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The value transformations of the {@code pseudonymise} step for one payload, with its keys ready: the HMAC and FF1
 * keys derived for this recipient, purpose and key version.
 */
final class FieldValues {

    private final Mac hmac;
    private final FormatPreservingCipher fpe;

    /** @param hmacKey null when the plan has no keyed action */
    FieldValues(byte[] hmacKey, byte[] fpeKey) {
        this.hmac = hmacKey == null ? null : newHmac(hmacKey);
        this.fpe = fpeKey == null ? null : new FormatPreservingCipher(fpeKey, true);
    }

    /** The new value of a scalar field; {@code keep} and {@code drop} never come here. */
    String transform(FieldRule rule, String value) {
        return switch (rule.action()) {
            case HMAC -> pseudonym(value);
            case FPE -> fpe.apply(value);
            case GENERALISE -> generalise(rule.argument(), value);
            case MASK -> mask(rule.argument(), value);
            case KEEP, DROP -> throw new IllegalStateException(rule.action() + " is not a value transformation");
        };
    }

    /** HMAC-SHA256, base64url without padding: 43 characters, the same for the same value, key and recipient. */
    private String pseudonym(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.doFinal(value.getBytes(
                StandardCharsets.UTF_8)));
    }

    static String generalise(String how, String value) {
        if (how.equals("year") || how.equals("year-month")) {
            String digits = value.length() >= 8 && value.substring(0, 8).chars().allMatch(Character::isDigit)
                    ? value.substring(0, 4) + "-" + value.substring(4, 6) : value;
            if (!digits.matches("^\\d{4}-\\d{2}.*")) {
                throw new IllegalArgumentException("generalise:" + how + " needs a date (YYYY-MM-DD or YYYYMMDD)");
            }
            return how.equals("year") ? digits.substring(0, 4) : digits.substring(0, 7);
        }
        if (how.startsWith("digits:")) {
            int keep = Integer.parseInt(how.substring("digits:".length()));
            String digits = value.replaceAll("\\D", "");
            if (digits.length() < keep) {
                throw new IllegalArgumentException("generalise:" + how + " needs at least " + keep + " digits");
            }
            return digits.substring(0, keep);
        }
        long width = Long.parseLong(how.substring("band:".length()));
        long number;
        try {
            number = new BigDecimal(value.trim()).longValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("generalise:" + how + " needs a number");
        }
        long low = Math.floorDiv(number, width) * width;
        return low + "-" + (low + width - 1);
    }

    static String mask(String keepLast, String value) {
        int keep = keepLast == null ? 0 : Math.min(Integer.parseInt(keepLast), value.length());
        return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
    }

    private static Mac newHmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }
}
