package se.kurir.privacy;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a step tells the audit log about one application: the key version it used and how many fields it handled per
 * action. Never a value.
 *
 * @param keyVersion the version of the plan's key that was used; 0 when the step used no key
 */
public record PrivacyStepResult(int keyVersion, Map<String, Long> fieldCounts) {

    public PrivacyStepResult {
        fieldCounts = Map.copyOf(new TreeMap<>(fieldCounts));
    }
}
