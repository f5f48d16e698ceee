package se.kurir.adapter.web;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import se.kurir.delivery.MailboxAccess;
import se.kurir.security.Roles;

/**
 * The person signed in to the web: their name and the functional mailboxes they work in. A mailbox is the person's
 * only when it was given to them; any other is refused as the API refuses another participant's mailbox, and the
 * refusal audited under the person's name.
 */
record WebPerson(String username, List<String> mailboxes) {

    static WebPerson of(Authentication authentication) {
        return new WebPerson(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(Roles.MAILBOX_PREFIX))
                .map(a -> a.substring(Roles.MAILBOX_PREFIX.length())).sorted().toList());
    }

    /** The participants the person acts for: their mailboxes' owners. */
    List<String> participants() {
        return mailboxes.stream().map(m -> m.substring(0, m.indexOf('.'))).distinct().toList();
    }

    /**
     * The participant the person acts for in this mailbox: the mailbox's owner, when the mailbox is the person's.
     *
     * @throws se.kurir.delivery.DeliveryException refusing (and auditing) a mailbox that is not
     */
    String actingIn(String mailbox, MailboxAccess access, String action) {
        if (!mailboxes.contains(mailbox)) {
            access.checkOwner("web:" + username, mailbox, action);
        }
        return mailbox.substring(0, mailbox.indexOf('.'));
    }
}
