package se.kurir.adapter.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SDK message v3 checks a receiving message service makes: the schema (SV) and Digg's business rules (BV), each
 * issue located by its element's path and never quoting a value from the message.
 */
class SdkMessageReaderTest {

    private final SdkMessageReader reader = new SdkMessageReader();

    private SdkMessageReader.Result read(String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return reader.read(() -> new ByteArrayInputStream(bytes));
    }

    @Test
    void aMinimalMessageIsValidAndItsHeaderRead() {
        var result = read(SdkMessages.minimal());

        assertThat(result.issues()).isEmpty();
        SdkMessage message = result.message();
        assertThat(message.messageId()).isEqualTo(SdkMessages.MESSAGE_ID);
        assertThat(message.conversationId()).isEqualTo(SdkMessages.MESSAGE_ID);
        assertThat(message.recipientOrganisation()).isEqualTo("0203:forsakringskassan.se");
        assertThat(message.recipientFunctionalAddress()).isEqualTo("fk-kontroll");
        assertThat(message.senderOrganisation()).isEqualTo("0203:skatteverket.se");
        assertThat(message.senderFunctionalAddress()).isEqualTo("skv-kontroll");
        assertThat(message.label()).isEqualTo("Fråga om inkomstuppgift");
        assertThat(message.confidentiality()).isTrue();
        assertThat(message.documents()).isEqualTo(1);
    }

    @Test
    void aDateTimeTheSchemaRefusesIsSvAndQuotesNothing() {
        var result = read(SdkMessages.minimal().replace("2026-12-07T09:15:30.123Z", "7 december 2026"));

        assertThat(result.message()).isNull();
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(SdkIssue.Kind.SV);
            assertThat(issue.code()).isEqualTo("structure");
            assertThat(issue.lineId()).isEqualTo("/messagePayload/message/messageHeader/creationDateTime");
            assertThat(issue.reason()).contains("cvc-datatype-valid").doesNotContain("december");
        });
    }

    @Test
    void aMissingElementOrADoctypeIsSv() {
        String noSender = SdkMessages.minimal().replaceAll("(?s)<m:sender>.*</m:sender>", "");
        String doctype = SdkMessages.minimal().replace("<m:messagePayload", "<!DOCTYPE m:messagePayload [<!ENTITY x "
                + "SYSTEM \"file:///etc/passwd\">]><m:messagePayload").replace("dok-1", "&x;");

        assertThat(read(noSender).issues()).extracting(SdkIssue::kind).containsOnly(SdkIssue.Kind.SV).isNotEmpty();
        assertThat(read(doctype).issues()).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(SdkIssue.Kind.SV);
            assertThat(issue.reason()).contains("DOCTYPE");
        });
    }

    @Test
    void eachBusinessRuleIsBvUnderItsIdAtItsElement() {
        record Case(String from, String to, String rule, String path) {
        }
        String header = "/messagePayload/message/messageHeader/";
        List<Case> cases = List.of(
                new Case("2026-12-07T09:15:30.123Z", "2026-12-07T10:15:30+01:00", "SDK-R2", header + "creationDateTime"),
                new Case("<m:conversationId>" + SdkMessages.MESSAGE_ID, "<m:conversationId>samtal-42", "SDK-R3",
                        header + "conversationId"),
                new Case("<m:root>iso6523-actorid-upis</m:root><m:extension>0203:forsakringskassan.se",
                        "<m:root>0007</m:root><m:extension>0203:forsakringskassan.se", "SDK-R6",
                        header + "recipient/recipientID/root"),
                new Case("<m:documentName>Fråga</m:documentName>", "<m:documentName>  </m:documentName>", "SDK-R1",
                        "/messagePayload/message/messageBody/documents/documentName"),
                new Case("<m:content>dW5kZXJsYWc=", "<m:content>inte base64!", "SDK-R5",
                        "/messagePayload/message/messageBody/documents/ContentFiles/content"),
                new Case("<m:label>Fråga om inkomstuppgift", "<m:label>" + "x".repeat(257), "SDK-R4", header + "label"),
                new Case("<m:root>urn:riv:infrastructure:messaging:functionalAddress</m:root><m:extension>fk-kontroll",
                        "<m:root>funktion</m:root><m:extension>fk-kontroll", "SDK-R7",
                        header + "recipient/attention/subOrganization/organizationId/root"));
        for (Case c : cases) {
            String changed = SdkMessages.minimal().replace(c.from(), c.to());
            assertThat(changed).as(c.rule()).isNotEqualTo(SdkMessages.minimal());

            var result = read(changed);

            assertThat(result.issues()).as(c.rule()).singleElement().satisfies(issue -> {
                assertThat(issue.kind()).isEqualTo(SdkIssue.Kind.BV);
                assertThat(issue.code()).isEqualTo("invariant");
                assertThat(issue.lineId()).isEqualTo(c.path());
                assertThat(issue.reason()).startsWith(c.rule() + ":").doesNotContain("samtal-42", "0007",
                        "inte base64", "funktion ");
            });
        }
    }

    @Test
    void aReceiptSaysAcceptedOrRejectedWithOneLinePerIssueAndNoContent() {
        var rejected = read(SdkMessages.minimal().replace("<m:conversationId>" + SdkMessages.MESSAGE_ID,
                "<m:conversationId>samtal-42"));
        String accepted = new SdkReceipt("kvittens-1", java.time.Instant.parse("2026-12-07T09:16:00Z"),
                "0203:forsakringskassan.se", "0203:skatteverket.se", SdkMessages.MESSAGE_ID, List.of()).toString();
        String refused = new SdkReceipt("kvittens-2", java.time.Instant.parse("2026-12-07T09:16:00Z"),
                "0203:forsakringskassan.se", "0203:skatteverket.se", SdkMessages.MESSAGE_ID, rejected.issues())
                .toString();

        assertThat(accepted).contains("<cbc:ResponseCode>ACCEPTED</cbc:ResponseCode>",
                "<cbc:CustomizationID>urn:fdc:digg.se:edelivery:messagetype:response:1</cbc:CustomizationID>",
                "<cbc:IssueDate>2026-12-07</cbc:IssueDate>", "<cbc:IssueTime>09:16:00Z</cbc:IssueTime>",
                "<cbc:ID>" + SdkMessages.MESSAGE_ID + "</cbc:ID>",
                "<cbc:EndpointID schemeID=\"iso6523-actorid-upis\">0203:skatteverket.se</cbc:EndpointID>")
                .doesNotContain("LineResponse");
        assertThat(refused).contains("<cbc:ResponseCode>REJECTED</cbc:ResponseCode>", "<cbc:ResponseCode>BV</cbc:ResponseCode>",
                "<cbc:StatusReasonCode>invariant</cbc:StatusReasonCode>",
                "<cbc:LineID>/messagePayload/message/messageHeader/conversationId</cbc:LineID>")
                .doesNotContain("samtal-42", "19121212");
    }
}
