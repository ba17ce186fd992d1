package dealdesk.web;

import dealdesk.auth.User;
import dealdesk.deal.Deal;
import dealdesk.deal.DealStage;
import dealdesk.deal.DealType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A deal's form: new, or an existing deal with its quotes. Closed deals are shown read-only. */
public class DealFormView extends Page {
    public record Choice(String value, String label) {
    }

    public record QuoteRow(String id, String version, String status, String statusLabel, String tcv) {
    }

    private final Deal deal;
    private final Map<String, String> values;
    private final Map<String, String> errors;
    private final String problem;
    private final List<QuoteRow> quotes;
    boolean saved;

    DealFormView(User user, Deal deal, DealsPage.Form form, Map<String, String> errors, String problem,
                 List<QuoteRow> quotes) {
        super("deal.ftlh", deal == null ? "New deal" : deal.account().name(), deal == null ? "deals" : "deals", user, null);
        this.deal = deal;
        this.values = form.values();
        this.errors = errors;
        this.problem = problem;
        this.quotes = quotes;
    }

    public boolean isExisting() {
        return deal != null;
    }

    public String getDealId() {
        return deal == null ? "" : Long.toString(deal.id());
    }

    public boolean isEditable() {
        return deal == null || deal.stage().open();
    }

    public String getStageLabel() {
        return deal == null ? "" : Format.words(deal.stage().name());
    }

    public String getOwner() {
        return deal == null ? "" : deal.owner();
    }

    public String getExpectedAmount() {
        return deal == null ? "" : DealAmounts.expected(deal);
    }

    public boolean isSaved() {
        return saved;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    public String getProblem() {
        return problem;
    }

    public List<QuoteRow> getQuotes() {
        return quotes;
    }

    public List<Choice> getStages() {
        return Arrays.stream(DealStage.values()).filter(DealStage::open)
                .map(stage -> new Choice(stage.name(), Format.words(stage.name()) + " (" + stage.probability() + "%)"))
                .toList();
    }

    public List<Choice> getTypes() {
        return Arrays.stream(DealType.values()).map(type -> new Choice(type.name(), Format.words(type.name()))).toList();
    }
}
