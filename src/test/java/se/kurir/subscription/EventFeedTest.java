package se.kurir.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.kurir.audit.AuditLog;
import se.kurir.audit.AuditProperties;
import se.kurir.envelope.Classification;
import se.kurir.envelope.DisclosureMode;
import se.kurir.envelope.LegalBasis;
import se.kurir.policy.PolicyEngine;
import se.kurir.policy.RejectionCode;
import se.kurir.privacy.DocumentPrivacy;
import se.kurir.privacy.PrivacySteps;
import se.kurir.registry.Agreement;
import se.kurir.registry.AllowedLegalBasis;
import se.kurir.registry.Participant;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;
import se.kurir.support.MovableClock;

/** The feed on the real migrations (JDBC slice): gap-free numbering under concurrency, and retention. */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({EventFeed.class, FeedRepository.class, SubscriptionCatalogue.class, SubscriptionReader.class,
    SubscriptionCursors.class, SubscriptionRepository.class, PolicyEngine.class, JacksonAutoConfiguration.class, EventFeedTest.Config.class, FeedPrivacy.class,
    DocumentPrivacy.class, PrivacySteps.class})
@TestPropertySource(properties = {"kurir.audit.max-batch=64", "kurir.audit.commit-timeout=30s",
    "kurir.subscriptions.default-retention=P30D", "kurir.subscriptions.max-event-size=16KB",
    "kurir.subscriptions.max-batch=64", "kurir.subscriptions.commit-timeout=30s",
    "kurir.subscriptions.window-events=100", "kurir.subscriptions.max-watched-subjects=10"})
class EventFeedTest {

    static final String SKV = "2021005448";
    static final String FK = "2021005521";
    static final LegalBasis TAG = new LegalBasis("SFS 2001:182", "3 §", DisclosureMode.SUBSCRIPTION, "handlaggning",
            Classification.NONE, false, null, "P1Y", null);

    @TestConfiguration
    // The audit log and its package-private repository, and nothing else of that package.
    @ComponentScan(basePackageClasses = AuditLog.class, useDefaultFilters = false, includeFilters = @ComponentScan.Filter(
            type = FilterType.REGEX, pattern = "se\\.kurir\\.audit\\.Audit(Log|Repository)"))
    @EnableConfigurationProperties({SubscriptionProperties.class, AuditProperties.class})
    static class Config {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }

        @Bean
        Registry registry() {
            var basis = new AllowedLegalBasis("SFS 2001:182", "3 §", List.of(DisclosureMode.SUBSCRIPTION),
                    List.of("handlaggning"));
            return new Registry(List.of(new Participant(SKV, "Skatteverket", null),
                    new Participant(FK, "Försäkringskassan", null)), List.of(),
                    List.of(new Product("p", "P", null, Classification.NONE, false, 4096, Period.ofDays(30))),
                    List.of(new Agreement("feed", "p", SKV, List.of(new Agreement.Consumer(FK, List.of())),
                            List.of(basis), Classification.NONE, LocalDate.of(2025, 1, 1), null, false)));
        }
    }

    @Autowired
    EventFeed feed;
    @Autowired
    SubscriptionCatalogue subscriptions;
    @Autowired
    SubscriptionReader reader;
    @Autowired
    SubscriptionCursors cursors;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

    long publish() {
        return feed.publish(new EventPublication(SKV, "p", java.util.UUID.randomUUID().toString(), "t", "k", TAG,
                json.createObjectNode().put("n", 1))).sequence();
    }

    @Test
    void concurrentPublishersGetEverySequenceNumberOnceWithoutGaps() throws Exception {
        long before = feed.head("p");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Long>> sequences = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            sequences.add(pool.submit(this::publish));
        }
        TreeSet<Long> seen = new TreeSet<>();
        for (Future<Long> sequence : sequences) {
            seen.add(sequence.get());
        }
        pool.shutdown();
        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(before + 1, before + 400).boxed().toList());
        assertThat(feed.head("p")).isEqualTo(before + 400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feed_events WHERE product = 'p' AND sequence > ?",
                Long.class, before)).isEqualTo(400);
    }

    @Test
    void eventsPastTheRetentionAreDeletedAndAPositionBeforeThemIsRefusedNotSkipped() {
        long first = publish();
        publish();
        Subscription subscription = subscriptions.create(FK, new NewSubscription("p", null, DeliveryMode.PULL, null,
                Long.toString(first)));
        clock.advance(Duration.ofDays(31));
        long kept = publish();

        assertThat(feed.purgeExpired()).isGreaterThanOrEqualTo(2);

        assertThat(feed.read("p", first - 1, 10)).extracting(FeedEvent::sequence).containsExactly(kept);
        assertThatThrownBy(() -> reader.read(FK, subscription.id(), null, 10))
                .isInstanceOfSatisfying(SubscriptionException.class,
                        e -> assertThat(e.code()).isEqualTo(SubscriptionProblem.FEED_POSITION_EXPIRED));
        FeedPage delivered = reader.next(subscription, 10);
        assertThat(delivered.events()).extracting(FeedItem::sequence).containsExactly(kept);

        cursors.moveCursor(FK, subscription.id(), kept - 1, null);
        assertThat(reader.read(FK, subscription.id(), null, 10).events()).extracting(FeedItem::sequence)
                .containsExactly(kept);
    }

    @Test
    void anEventOverItsProductsLimitIsRefusedAndTheRefusalAudited() {
        long head = feed.head("p");
        var oversize = json.createObjectNode().put("text", "x".repeat(5000)); // product p takes 4096 bytes
        String id = java.util.UUID.randomUUID().toString();

        assertThatThrownBy(() -> feed.publish(new EventPublication(SKV, "p", id, "t", "k", TAG, oversize)))
                .isInstanceOfSatisfying(SubscriptionException.class,
                        e -> assertThat(e.code()).isEqualTo(RejectionCode.PAYLOAD_TOO_LARGE));
        assertThat(feed.head("p")).isEqualTo(head);
        assertThat(jdbc.queryForList("SELECT event_type FROM audit_log WHERE message_id = ?", String.class, id))
                .containsExactly("EVENT_REJECTED");
    }
}
