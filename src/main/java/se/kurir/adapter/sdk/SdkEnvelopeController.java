package se.kurir.adapter.sdk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where an access point hands this message service an SDK message in its XHE envelope (signed, its payload encrypted
 * for the recipient), and is answered with the receipt SDK owes the sender: 200 with the Meddelandekvittens, or 202
 * with none where SDK sends none. Kurir's AS4 bridge hands over the same way.
 */
@RestController
@Tag(name = "SDK (MT–MK API)")
class SdkEnvelopeController {

    private final SdkInbound inbound;

    SdkEnvelopeController(SdkInbound inbound) {
        this.inbound = inbound;
    }

    @Operation(summary = "Hand over an SDK message in its XHE envelope; answered with its receipt, if SDK gives one")
    @PostMapping(path = "/sdk/v1/envelopes", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    ResponseEntity<byte[]> receive(HttpServletRequest request) throws IOException {
        return inbound.receive(request.getInputStream())
                .map(receipt -> ResponseEntity.ok().contentType(MediaType.parseMediaType(SdkReceipt.MEDIA_TYPE))
                        .body(receipt.xml()))
                .orElseGet(() -> ResponseEntity.accepted().build());
    }
}
