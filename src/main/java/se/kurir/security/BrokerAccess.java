package se.kurir.security;

import java.util.Set;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import se.kurir.subscription.Subscription;

/**
 * Who may do what on the embedded broker, and the one class that names every broker address (the mailbox queues take
 * the configured {@code kurir.pipeline.queue-prefix}). The gateway itself connects in-VM and may do everything. An
 * agency system connects over the network (AMQP 1.0 or Artemis core) as its participant, with its organisation number
 * as user name and its API key as password, and may only send to its own ingress and publish addresses, read the
 * refusal notices of its own submissions, its own mailboxes' outbox queues and its own subscriptions' queues: no
 * other address, no queue creation, no management. So JMS and AMQP are no back door around the pipeline. It lives
 * here, not in {@code adapter.jms}, because the broker's access table must see every name and security may not
 * depend on an adapter.
 */
public final class BrokerAccess implements ActiveMQSecurityManager5 {

    /** Where participant P sends: {@code kurir.in.P}. */
    public static final String INGRESS_PREFIX = "kurir.in.";
    /** Where the gateway leaves messages of a broker-outbox mailbox M for its owner: {@code kurir.out.M}. */
    public static final String OUTBOX_PREFIX = "kurir.out.";

    /** Where participant P publishes events to product feeds: {@code kurir.publish.P}. */
    public static final String PUBLISH_PREFIX = "kurir.publish.";

    /** Broker queues of JMS subscriptions: {@code kurir.feed.<consumer>.<id>}. */
    public static final String FEED_PREFIX = "kurir.feed.";

    /** Where the broker moves a message after its last failed delivery: the gateway's only, like the mailbox queues. */
    public static final String DEAD_LETTERS = "kurir.dlq";

    /** Dead letters the database could not record, kept for an operator. */
    public static final String UNRECORDED_DEAD_LETTERS = "kurir.dlq.unrecorded";

    private static final String GATEWAY = "kurir-gateway";

    /** Where participant P reads why a submission of its could not become a message. */
    public static String refusedQueue(String participant) {
        return INGRESS_PREFIX + participant + ".refused";
    }

    /** The broker queue of a JMS subscription; its consumer may read it, nobody else. */
    public static String feedQueue(Subscription subscription) {
        return FEED_PREFIX + subscription.consumer() + "." + subscription.id();
    }

    private final ApiClients clients;

    BrokerAccess(ApiClients clients) {
        this.clients = clients;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (connection != null && connection.getTransportConnection() instanceof InVMConnection) {
            return subject(GATEWAY);
        }
        if (user == null || password == null) {
            return null;
        }
        return clients.byKey(password).filter(client -> client.participant().equals(user)).isPresent()
                ? subject(user) : null;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        String user = getUserFromSubject(subject);
        if (GATEWAY.equals(user)) {
            return true;
        }
        if (user == null || address == null) {
            return false;
        }
        return switch (checkType) {
            case SEND -> address.equals(INGRESS_PREFIX + user) || address.equals(PUBLISH_PREFIX + user);
            case CONSUME, BROWSE -> address.startsWith(OUTBOX_PREFIX + user + ".")
                    || address.startsWith(refusedQueue(user))
                    || address.startsWith(FEED_PREFIX + user + ".");
            default -> false;
        };
    }

    @Override
    public boolean validateUser(String user, String password) {
        throw new UnsupportedOperationException("the broker calls authenticate(...) on an ActiveMQSecurityManager5");
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        throw new UnsupportedOperationException("the broker calls authorize(...) on an ActiveMQSecurityManager5");
    }

    private static Subject subject(String user) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        return subject;
    }
}
