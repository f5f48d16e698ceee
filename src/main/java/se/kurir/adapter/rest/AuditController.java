package se.kurir.adapter.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.audit.AuditLog;
import se.kurir.audit.AuditQuery;
import se.kurir.audit.AuditRecord;
import se.kurir.audit.AuditVerification;

/** Audit search and chain verification, for auditors. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(summary = "Search the audit log")
    @GetMapping
    List<AuditRecord> search(@RequestParam(required = false) String messageId,
            @RequestParam(required = false) String participant, @RequestParam(required = false) String product,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "500") int limit) {
        return audit.search(new AuditQuery(messageId, participant, product, from, to,
                Limits.check("limit", limit, 5000)));
    }

    /**
     * @param seq and {@code hash}: a head the auditor kept from an earlier check; the log must still hold that record
     *     with that hash, which a log cut short or rewritten (every hash recomputed) does not
     */
    @Operation(summary = "Recompute the hash chain, check the signed checkpoints and, if given, an expected head; "
            + "name the first broken record")
    @GetMapping("/verify")
    AuditVerification verify(@RequestParam(required = false) Long seq, @RequestParam(required = false) String hash) {
        if ((seq == null) != (hash == null)) {
            throw new BadRequestException(RestProblem.PARAMETER_MISSING, (seq == null ? "seq" : "hash")
                    + ": an expected head is a sequence number and its hash, both");
        }
        if (hash != null && !HASH.matcher(hash).matches()) {
            throw new BadRequestException(RestProblem.PARAMETER_INVALID, "hash: 64 lower-case hex digits");
        }
        return audit.verify(seq, hash);
    }
}
