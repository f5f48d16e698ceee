package se.kurir.adapter.peer;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.delivery.CrisisMode;
import se.kurir.registry.PeerNode;
import se.kurir.registry.Registry;

/** For operators: the federation directory as this node has it, and the crisis-mode switch. */
@RestController
@RequestMapping("/api/v1/federation")
class FederationController {

    private final Registry registry;
    private final CrisisMode crisisMode;

    FederationController(Registry registry, CrisisMode crisisMode) {
        this.registry = registry;
        this.crisisMode = crisisMode;
    }

    record Switch(boolean on) {
    }

    @Operation(summary = "The federation directory: the other nodes, where they listen, whom they serve")
    @GetMapping("/nodes")
    List<PeerNode> nodes() {
        return registry.peerNodes();
    }

    @Operation(summary = "Crisis mode: whether bulk transfers to peer nodes are held back, and who switched it")
    @GetMapping("/crisis-mode")
    CrisisMode.Status crisisMode() {
        return crisisMode.status();
    }

    @Operation(summary = "Switch crisis mode on or off (audited)")
    @PutMapping("/crisis-mode")
    CrisisMode.Status switchCrisisMode(@RequestBody Switch request, Authentication operator) {
        return crisisMode.switchTo(request.on(), operator.getName());
    }
}
