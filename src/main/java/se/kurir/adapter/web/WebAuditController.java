package se.kurir.adapter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.kurir.audit.AuditLog;
import se.kurir.audit.AuditQuery;
import se.kurir.audit.AuditRecord;

/**
 * The auditor's screen: search the audit log (message, participant, product, dates), verify the whole chain and see
 * its head (sequence number and hash, to compare with a copy kept elsewhere), and export what was found as CSV.
 * Records hold metadata only, never payload content.
 */
@Controller
@RequestMapping("/web/audit")
class WebAuditController {

    private static final int LIMIT = 500;
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final AuditLog audit;

    WebAuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** What the auditor searches by; the dates are days in Swedish time, {@code to} included. */
    record Filter(String messageId, String participant, String product,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

        AuditQuery query() {
            return new AuditQuery(blankToNull(messageId), blankToNull(participant), blankToNull(product),
                    from == null ? null : from.atStartOfDay(SWEDEN).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(SWEDEN).toInstant(), LIMIT);
        }
    }

    @GetMapping
    String search(@ModelAttribute("filter") Filter filter, @RequestParam(defaultValue = "false") boolean verify,
            Model model) {
        model.addAttribute("records", audit.search(filter.query()));
        if (verify) {
            model.addAttribute("verification", audit.verify());
        }
        return "web/audit";
    }

    @GetMapping("/export")
    void export(@ModelAttribute Filter filter, HttpServletResponse response) throws IOException {
        List<AuditRecord> records = audit.search(filter.query());
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"kurir-audit.csv\"");
        PrintWriter out = new PrintWriter(response.getOutputStream(), false, StandardCharsets.UTF_8);
        out.println("seq,recordedAt,type,actor,messageId,sender,recipient,product,reasonCode,legalBasis,details,hash");
        for (AuditRecord r : records) {
            out.println(String.join(",", Long.toString(r.seq()), r.recordedAt().toString(), r.type().name(),
                    csv(r.actor()), csv(r.messageId()), csv(r.sender()), csv(r.recipient()), csv(r.product()),
                    csv(r.reasonCode()), csv(r.legalBasis()), csv(r.details()), r.hash()));
        }
        out.flush();
    }

    /** A field as CSV (RFC 4180): quoted, quotes doubled; a leading formula character defused for spreadsheets. */
    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
