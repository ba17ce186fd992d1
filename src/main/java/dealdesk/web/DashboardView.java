package dealdesk.web;

import dealdesk.auth.User;

import java.util.List;

/**
 * The rep dashboard shell: whose figures and which period; dashboard.js
 * fetches the figures from the commission API and degrades to a notice when
 * that API is missing or has nothing for the period.
 */
public class DashboardView extends Page {
    private final User subject;
    private final String period;
    private final String periodError;
    private final List<Choices.Option> people;
    private final List<DealRow> deals;
    private DashboardFigures.Figures figures;
    private List<BookingRows> pending = List.of();

    /** One of the subject's deals, with its primary quote (blank when it has none yet). */
    public record DealRow(String id, String account, String stage, boolean open, String expectedClose,
                          String primaryQuoteId) {
    }

    DashboardView(User viewer, String token, User subject, String period, String periodError,
                  List<Choices.Option> people, List<DealRow> deals) {
        super("dashboard.ftlh", "Dashboard", "dashboard", viewer, token);
        this.subject = subject;
        this.period = period == null ? "" : period;
        this.periodError = periodError == null ? "" : periodError;
        this.people = people;
        this.deals = deals;
    }

    void pending(List<BookingRows> rows) {
        this.pending = rows;
    }

    /** The subject's own closed-won deals whose commission waits for confirmation. */
    public List<BookingRows> getPending() {
        return pending;
    }

    void figures(DashboardFigures.Figures value) {
        this.figures = value;
    }

    /** The statement and its history, when the subject has a plan for the period. */
    public boolean isHasFigures() {
        return figures != null;
    }

    public DashboardFigures.Figures getFigures() {
        return figures;
    }

    public EarningsChart getChart() {
        return figures == null ? null : EarningsChart.of(figures.history());
    }

    public List<DealRow> getDeals() {
        return deals;
    }

    public String getSubjectUsername() {
        return subject.username();
    }

    public String getSubjectName() {
        return subject.name();
    }

    public boolean isOwnDashboard() {
        return subject.username().equals(getUsername());
    }

    public String getPeriod() {
        return period;
    }

    public String getPeriodError() {
        return periodError;
    }

    /** Whose dashboards the viewer may open (empty for a rep: only their own). */
    public List<Choices.Option> getPeople() {
        return people;
    }
}
