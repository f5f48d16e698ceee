package se.kurir.adapter.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
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

    @Operation(summary = "Recompute the hash chain and name the first broken record")
    @GetMapping("/verify")
    AuditVerification verify() {
        return audit.verify();
    }
}
