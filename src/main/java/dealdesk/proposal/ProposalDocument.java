package dealdesk.proposal;

import dealdesk.common.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a proposal shows, detached from how quotes are stored. Amounts are
 * in the quote's currency, already rounded by pricing; percentages are percent
 * (12.5 means 12.5 %).
 */
public record ProposalDocument(Quote quote, Customer customer, Terms terms, List<Line> lines, Totals totals,
        String ownerName) {

    public ProposalDocument {
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(totals, "totals");
        lines = List.copyOf(lines);
        ownerName = orEmpty(ownerName);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** The quote's identity; a quote that is not approved renders with a DRAFT watermark. */
    public record Quote(String number, int version, boolean approved, LocalDate validUntil) {
        public Quote {
            number = orEmpty(number);
        }
    }

    /** locale is the customer's language tag (e.g. fa, tr-TR); it picks the messages when no locale is asked. */
    public record Customer(String name, String segment, String country, String locale) {
        public Customer {
            name = orEmpty(name);
            segment = orEmpty(segment);
            country = orEmpty(country);
        }
    }

    public record Terms(String currency, int termMonths, LocalDate startDate) {
        public Terms {
            Objects.requireNonNull(currency, "currency");
        }
    }

    /** kind is ONE_TIME, SUBSCRIPTION or SERVICE; subscription prices are per unit per month. */
    public record Line(String sku, String name, String description, String kind, Quantity quantity, Price price,
            Integer subscriptionMonths) {
        public Line {
            sku = orEmpty(sku);
            name = orEmpty(name);
            description = orEmpty(description);
            if (price == null) {
                price = new Price(null, null, null, null);
            }
        }
    }

    public record Quantity(BigDecimal amount, String unit) {
    }

    /** Unit prices (per month for subscriptions) and the line's total over the term. */
    public record Price(Money listPrice, BigDecimal discountPercent, Money netPrice, Money netTotal) {
    }

    public record Totals(Money oneTime, Money mrr, Money arr, Money tcv, Money acv, Money discount) {
    }
}
