package se.kurir.privacy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.AbstractMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.kurir.registry.PrivacyPlan;

/**
 * The built-in step {@code pseudonymise}: per field of a JSON payload, addressed by JSON Pointer, keep, drop, replace
 * by a keyed HMAC-SHA256 pseudonym, encipher with FF1 keeping the format, generalise or mask. Fields no rule names
 * are kept or dropped as the plan's {@code otherFields} says.
 */
@Component
class PseudonymisationStep implements PrivacyStep {

    static final String NAME = PrivacyPlan.DEFAULT_STEP;
    static final String HMAC_USE = "hmac";
    static final String FPE_USE = "ff1";

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private final PrivacyKeys keys;

    PseudonymisationStep(PrivacyKeys keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void check(PrivacyPlan plan) {
        boolean keyed = rules(plan).stream().anyMatch(r -> r.getValue().usesKey());
        if (keyed && (plan.key() == null || !keys.has(plan.key()))) {
            throw new IllegalArgumentException("privacy.key: '" + plan.key() + "' is not in the privacy keystore "
                    + "(hmac and fpe need one)");
        }
    }

    @Override
    public PrivacyStepResult apply(PrivacyPlan plan, PrivacyContext context, InputStream in, OutputStream out)
            throws IOException {
        if (!isJson(context.mediaType())) {
            throw new PrivacyInputException("payload: the pseudonymise step reads JSON, not " + context.mediaType());
        }
        List<Map.Entry<FieldPointer, FieldRule>> rules = rules(plan);
        boolean keyed = rules.stream().anyMatch(r -> r.getValue().usesKey());
        int version = keyed ? keys.currentVersion(plan.key()) : 0;
        FieldValues values = keyed
                ? new FieldValues(keys.derive(plan.key(), version, HMAC_USE, context.recipient(), context.purpose()),
                        keys.derive(plan.key(), version, FPE_USE, context.recipient(), context.purpose()))
                : new FieldValues(null, null);
        var rewriter = new JsonFieldRewriter(rules,
                plan.otherFields() == PrivacyPlan.FieldAction.KEEP ? FieldRule.KEEP : FieldRule.DROP, values);
        try (JsonParser parser = JSON.createParser(in); JsonGenerator generator = JSON.createGenerator(out)) {
            rewriter.rewrite(parser, generator);
        } catch (StreamReadException e) {
            throw new PrivacyInputException("payload: is not well-formed JSON" + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        return new PrivacyStepResult(version, rewriter.counts());
    }

    static List<Map.Entry<FieldPointer, FieldRule>> rules(PrivacyPlan plan) {
        return plan.fields().entrySet().stream()
                .<Map.Entry<FieldPointer, FieldRule>>map(e -> new AbstractMap.SimpleImmutableEntry<>(
                        FieldPointer.parse(e.getKey()), FieldRule.parse(e.getKey(), e.getValue())))
                .toList();
    }

    static boolean isJson(String mediaType) {
        if (mediaType == null) {
            return false;
        }
        String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
