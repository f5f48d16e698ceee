package se.kurir.privacy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import se.kurir.audit.AuditLog;
import se.kurir.policy.RejectionCode;
import se.kurir.registry.PrivacyPlan;

/**
 * The privacy step on small documents held in memory: feed events and request replies, each within its product's
 * size limit. Audited like a payload, one record per run of documents.
 */
@Service
public class DocumentPrivacy {

    private final PrivacySteps steps;
    private final AuditLog audit;

    DocumentPrivacy(PrivacySteps steps, AuditLog audit) {
        this.steps = steps;
        this.audit = audit;
    }

    /**
     * Transforms small documents held in memory (feed events and replies, each within its product's size limit) and
     * audits them as one application. A document that does not fit the plan comes back as null: withheld, never
     * passed on untransformed; the audit record counts it and names the first error's field.
     */
    public List<byte[]> apply(PrivacyPlan plan, PrivacyContext context, List<byte[]> documents) {
        PrivacyStep step = steps.named(plan.step());
        List<byte[]> transformed = new ArrayList<>(documents.size());
        Map<String, Long> counts = new TreeMap<>();
        int keyVersion = 0;
        int refused = 0;
        String firstError = null;
        for (byte[] document : documents) {
            var out = new ByteArrayOutputStream(document.length);
            try {
                PrivacyStepResult result = step.apply(plan, context, new ByteArrayInputStream(document), out);
                result.fieldCounts().forEach((action, n) -> counts.merge(action, n, Long::sum));
                keyVersion = result.keyVersion();
                transformed.add(out.toByteArray());
            } catch (PrivacyInputException e) {
                refused++;
                firstError = firstError == null ? e.getMessage() : firstError;
                transformed.add(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> details = new TreeMap<>();
        details.put("documents", Integer.toString(documents.size()));
        if (refused > 0) {
            details.put("refused", Integer.toString(refused));
            details.put("error", firstError);
        }
        audit.append(PrivacyAudit.event(plan, context, refused > 0 ? RejectionCode.PRIVACY_INPUT_INVALID.name() : null,
                new PrivacyStepResult(keyVersion, counts), details));
        return transformed;
    }

}
