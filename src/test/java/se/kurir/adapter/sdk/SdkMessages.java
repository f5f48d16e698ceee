package se.kurir.adapter.sdk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * SDK message v3 fixtures written from Digg's message specification: a minimal valid message from Skatteverket's
 * control mailbox to Försäkringskassan's, which tests change with {@link String#replace} to make the variant they need.
 * The personal identity number is synthetic.
 */
final class SdkMessages {

    static final String MESSAGE_ID = "3f0c6e2a-8a51-4d7e-9c3b-1a2b3c4d5e6f";

    private SdkMessages() {
    }

    static String minimal() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <m:messagePayload xmlns:m="urn:riv:infrastructure:messaging:MessageWithAttachments:3">
                  <m:message>
                    <m:messageHeader>
                      <m:creationDateTime>2026-12-07T09:15:30.123Z</m:creationDateTime>
                      <m:messageId>%1$s</m:messageId>
                      <m:conversationId>%1$s</m:conversationId>
                      <m:label>Fråga om inkomstuppgift</m:label>
                      <m:confidentiality>true</m:confidentiality>
                      <m:recipient>
                        <m:recipientID><m:root>iso6523-actorid-upis</m:root><m:extension>0203:forsakringskassan.se</m:extension></m:recipientID>
                        <m:attention>
                          <m:subOrganization>
                            <m:organizationId><m:root>urn:riv:infrastructure:messaging:functionalAddress</m:root><m:extension>fk-kontroll</m:extension></m:organizationId>
                          </m:subOrganization>
                        </m:attention>
                      </m:recipient>
                      <m:sender>
                        <m:senderID><m:root>iso6523-actorid-upis</m:root><m:extension>0203:skatteverket.se</m:extension></m:senderID>
                        <m:attention>
                          <m:subOrganization>
                            <m:organizationId><m:root>urn:riv:infrastructure:messaging:functionalAddress</m:root><m:extension>skv-kontroll</m:extension></m:organizationId>
                          </m:subOrganization>
                        </m:attention>
                      </m:sender>
                    </m:messageHeader>
                    <m:messageBody>
                      <m:documents>
                        <m:documentID>dok-1</m:documentID>
                        <m:documentName>Fråga</m:documentName>
                        <m:ContentFiles><m:fileName>underlag.txt</m:fileName><m:contentType>text/plain</m:contentType><m:content>%2$s</m:content></m:ContentFiles>
                        <m:ContentText><m:characterSequence>Gäller 19121212-1212: vilken inkomst har registrerats för 2026-10?</m:characterSequence></m:ContentText>
                      </m:documents>
                    </m:messageBody>
                  </m:message>
                </m:messagePayload>
                """.formatted(MESSAGE_ID, Base64.getEncoder().encodeToString("underlag".getBytes(StandardCharsets.UTF_8)));
    }
}
