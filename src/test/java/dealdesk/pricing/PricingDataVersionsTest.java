package dealdesk.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import dealdesk.common.Json;
import dealdesk.testing.MutableClock;
import dealdesk.testing.TestDatabase;
import io.dropwizard.jackson.Jackson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two admins editing the pricing data at once: the second, stale change is refused; the history says who did what. */
class PricingDataVersionsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final PricingService pricing = new PricingService(TestDatabase.freshJdbi(),
            Json.configure(Jackson.newObjectMapper()), clock, () -> null);

    private static PricingData withPromotions(Promotion... promotions) {
        return new PricingData(List.of(), List.of(), List.of(), List.of(), List.of(promotions), List.of(), List.of());
    }

    private static Promotion promotion(String code, String percent) {
        return new Promotion(code, "CRM-PRO", null, new BigDecimal(percent), LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30"));
    }

    @Test
    void theSecondOfTwoAdminsWhoReadTheSameVersionGetsAConflictAndTheFirstChangeStays() {
        long read = pricing.versioned().version();
        pricing.replace(withPromotions(promotion("NOV-10", "10")), read, "ann", sku -> true);

        assertThatThrownBy(() -> pricing.replace(withPromotions(promotion("NOV-20", "20")), read, "ben", sku -> true))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STALE_VERSION);
                    assertThat(e.details()).extracting(d -> d.path()).containsExactly("version");
                });
        assertThat(pricing.data().promotions()).extracting(Promotion::code).containsExactly("NOV-10");
        assertThat(pricing.versioned().version()).isEqualTo(read + 1);
    }

    @Test
    void theHistoryListsWhoChangedWhatWhenNewestFirst() {
        pricing.replace(withPromotions(promotion("NOV-10", "10")), 0L, "ann", sku -> true);
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));
        pricing.replace(withPromotions(promotion("NOV-10", "15"), promotion("BLACK-FRIDAY", "30")), 1L, "ben",
                sku -> true);

        List<PricingDataChange> versions = pricing.versions(10);

        assertThat(versions).extracting(PricingDataChange::version).containsExactly(2L, 1L);
        assertThat(versions.get(0).changedBy()).isEqualTo("ben");
        assertThat(versions.get(0).changedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(versions.get(0).changes()).containsExactly("promotions: changed NOV-10, added BLACK-FRIDAY");
        assertThat(versions.get(1).changes()).containsExactly("promotions: added NOV-10");
    }
}
