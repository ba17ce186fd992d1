package dealdesk.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dealdesk.auth.PasswordHasher;
import dealdesk.auth.Role;
import dealdesk.auth.UserService;
import dealdesk.commission.CommissionServices;
import dealdesk.commission.Transaction;
import dealdesk.commission.api.AssignmentRequest;
import dealdesk.commission.engine.CommissionEngine;
import dealdesk.commission.engine.Fixtures;
import dealdesk.commission.engine.Statement;
import dealdesk.common.ApiException;
import dealdesk.common.FieldError;
import dealdesk.common.Period;
import dealdesk.testing.TestDatabase;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** A deal closed won in another currency than the rep's plan books at the close date's rate, or not at all. */
class DealConversionTest {

    @Test
    void aEuroDealForADollarPlanBooksAtTheCloseDatesRateAndWithoutOneNothingIsStored() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        UserService users = new UserService(jdbi, new PasswordHasher(4), clock, Duration.ofHours(1));
        users.create(new UserService.NewUser("alice", "Alice", Role.REP, "demo", null));
        ExchangeRateService rates = new ExchangeRateService(jdbi, clock);
        CommissionServices commission = CommissionServices.build(jdbi, users, new CommissionEngine(Fixtures.DROOLS),
                rates::rate, clock);
        commission.plans().putPlan("usd", "id: usd\neffectiveFrom: 2026-01-01\nperiod: QUARTER\ncurrency: USD\n"
                + "creditBasis: ACV\nbaseRate: 0.10\n", "finance");
        commission.plans().putAssignment("usd", "alice", new AssignmentRequest("2026-01-01", null), "finance");
        Transaction line = new Transaction("deal-7-1", "deal-7", LocalDate.parse("2026-11-20"),
                new Transaction.Product("X", "CORE", BigDecimal.ONE, "RETAIL", "NEW"), Money.of("24000.00", "EUR"),
                new Transaction.Values(Money.of("12000.00", "EUR"), Money.of("24000.00", "EUR")),
                List.of(new Transaction.Split("alice", new BigDecimal("100"))), null);

        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> commission.bookings().replaceDealTransactions("deal-7", List.of(line), "alice"));
        assertThat(refused.code().status()).isEqualTo(422);
        assertThat(refused.details()).extracting(FieldError::path).containsExactly("currency");
        assertThat(commission.statements().statement("alice", Period.parse("2026-Q4")).lines()).isEmpty();

        rates.put(List.of(new ExchangeRateService.RateRequest("EUR", "USD", "2026-11-01", new BigDecimal("1.05")),
                new ExchangeRateService.RateRequest("EUR", "USD", "2026-11-21", new BigDecimal("1.50"))), "", "finance");
        commission.bookings().replaceDealTransactions("deal-7", List.of(line), "alice");

        Statement statement = commission.statements().statement("alice", Period.parse("2026-Q4"));
        // ACV 12,000 EUR at the rate of 2026-11-01 (the one of 2026-11-21 comes after the close): 12,600 USD
        assertThat(statement.credited().amount()).isEqualByComparingTo("12600");
        assertThat(statement.totals().earned().amount()).isEqualByComparingTo("1260.00");
        assertThat(statement.lines().get(0).trace().source().conversion()).isEqualTo(new Transaction.Conversion("EUR",
                new BigDecimal("24000.00"), new BigDecimal("1.05"), LocalDate.parse("2026-11-01")));
    }
}
