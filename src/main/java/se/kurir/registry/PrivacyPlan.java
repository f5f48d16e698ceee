package se.kurir.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The privacy step an agreement (or one consumer's terms in it) demands before a payload is forwarded: which
 * plug-in runs and with which parameters. The sender never chooses it; the agreement does.
 *
 * @param step the name of the {@code PrivacyStep} plug-in; {@code pseudonymise} unless named
 * @param key the name of the pseudonymisation key in the privacy keystore, for steps that use keys
 * @param otherFields what happens to payload fields no rule names: dropped unless the plan says keep (minimisation)
 * @param fields JSON Pointer (RFC 6901, {@code *} for any array element) to a field action: {@code keep},
 *     {@code drop}, {@code hmac}, {@code fpe}, {@code generalise:year}, {@code mask:4} ...; in the order written
 * @param parameters further settings of a plug-in of an agency's own
 */
public record PrivacyPlan(String step, String key, FieldAction otherFields, Map<String, String> fields,
        Map<String, String> parameters) {

    public static final String DEFAULT_STEP = "pseudonymise";

    public PrivacyPlan {
        step = step == null || step.isBlank() ? DEFAULT_STEP : step;
        otherFields = otherFields == null ? FieldAction.DROP : otherFields;
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public enum FieldAction { KEEP, DROP }

    /**
     * A digest that names these exact parameters in the audit log, so an auditor can tell which plan ran without the
     * log repeating it (and two agreements with the same plan share the name).
     */
    public String identity() {
        String canonical = String.join("\n", step, String.valueOf(key), otherFields.name(),
                new TreeMap<>(fields).toString(), new TreeMap<>(parameters).toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
