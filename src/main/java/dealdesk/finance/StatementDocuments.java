package dealdesk.finance;

import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.commission.CommissionServices;
import dealdesk.commission.engine.Statement;
import dealdesk.common.Period;
import dealdesk.proposal.DocumentText;
import dealdesk.proposal.FontLibrary;
import dealdesk.proposal.FontStyle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A rep's statement as documents: CSV for spreadsheets and PDF to read, each
 * with every line and its plain-language "why", the awards, the adjustments
 * and the totals. The PDF draws with the proposal fonts, so names and reasons
 * in any script render and stay searchable.
 */
public class StatementDocuments {
    static final String CSV_HEADER = "section,transactionId,component,band,baseAmount,rate,amount,why";
    private static final float MARGIN = 40;
    private static final float BODY = 9;
    private static final float SMALL = 8;

    private final CommissionServices commission;
    private final UserService users;
    private final FontLibrary fonts;

    public StatementDocuments(CommissionServices commission, UserService users, FontLibrary fonts) {
        this.commission = commission;
        this.users = users;
        this.fonts = fonts;
    }

    public String csv(String username, String periodText) {
        Statement statement = commission.statements().statement(username, Period.parse(periodText));
        Currency currency = Currency.getInstance(statement.currency());
        StatementWhy why = new StatementWhy(currency);
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (Statement.Line line : statement.lines()) {
            row(csv, "LINE", line.transactionId(), line.component(), line.band(), plain(line.baseAmount()),
                    plain(line.rate()), PeriodService.amount(line.amount(), currency), why.of(line));
        }
        for (Statement.AwardLine award : statement.awards()) {
            row(csv, "AWARD", "", award.type(), award.spif(), "", "", plain(award.value()),
                    award.description() + " (not paid in cash)");
        }
        for (Statement.AdjustmentLine adjustment : adjustments(statement)) {
            row(csv, "ADJUSTMENT", "", adjustment.kind(), adjustment.sourcePeriod(), "", "",
                    PeriodService.amount(adjustment.amount(), currency), adjustment.reason());
        }
        Statement.Totals totals = statement.totals();
        String[][] rows = {{"earned", PeriodService.amount(totals.earned(), currency)},
                {"adjustments", PeriodService.amount(totals.adjustments(), currency)},
                {"drawPaid", PeriodService.amount(totals.drawPaid(), currency)},
                {"drawRecovered", PeriodService.amount(totals.drawRecovered(), currency)},
                {"payable", PeriodService.amount(totals.payable(), currency)}};
        for (String[] total : rows) {
            row(csv, "TOTAL", "", total[0], "", "", "", total[1], "");
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... cells) {
        List<String> quoted = new ArrayList<>();
        for (String cell : cells) {
            quoted.add(PeriodService.cell(cell));
        }
        csv.append(String.join(",", quoted)).append('\n');
    }

    private static List<Statement.AdjustmentLine> adjustments(Statement statement) {
        return statement.adjustments() == null ? List.of() : statement.adjustments();
    }

    public byte[] pdf(String username, String periodText) {
        Statement statement = commission.statements().statement(username, Period.parse(periodText));
        String name = users.find(username).map(User::name).orElse(username);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new Page(document, new DocumentText(document, fonts, false)).write(statement, name);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes top to bottom, starting a new page when the next block does not fit. */
    private static final class Page {
        private final PDDocument document;
        private final DocumentText text;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream content;
        private float y;

        Page(PDDocument document, DocumentText text) {
            this.document = document;
            this.text = text;
        }

        void write(Statement statement, String name) throws IOException {
            Currency currency = Currency.getInstance(statement.currency());
            StatementWhy why = new StatementWhy(currency);
            newPage();
            line("Commission statement " + statement.period(), FontStyle.BOLD, 16, 0);
            line(name + " (" + statement.username() + ")", FontStyle.REGULAR, 11, 0);
            line("Plan " + statement.plan() + " - " + statement.currency() + " - " + statement.status(),
                    FontStyle.REGULAR, BODY, 0);
            if (statement.quota() != null) {
                line("Quota " + why.money(statement.quota()) + ", credited " + why.money(statement.credited())
                        + ", attainment " + StatementWhy.percent(statement.attainment()), FontStyle.REGULAR, BODY, 0);
            }
            gap();
            heading("Lines");
            if (statement.lines().isEmpty()) {
                line("No deals closed in this period.", FontStyle.REGULAR, BODY, 0);
            }
            for (Statement.Line line : statement.lines()) {
                String head = (line.transactionId() == null ? "" : line.transactionId() + "  ") + line.component()
                        + (line.band() == null ? "" : " " + line.band()) + "  " + why.money(line.amount());
                line(head, FontStyle.BOLD, BODY, 0);
                paragraph(why.of(line), SMALL, 12);
            }
            if (!statement.awards().isEmpty()) {
                gap();
                heading("Awards");
                for (Statement.AwardLine award : statement.awards()) {
                    paragraph(award.spif() + ": " + award.description() + ", worth " + why.money(award.value())
                            + " (not paid in cash)", BODY, 0);
                }
            }
            gap();
            heading("Adjustments");
            if (adjustments(statement).isEmpty()) {
                line("None.", FontStyle.REGULAR, BODY, 0);
            }
            for (Statement.AdjustmentLine adjustment : adjustments(statement)) {
                line(adjustment.kind() + (adjustment.sourcePeriod() == null ? "" : " for " + adjustment.sourcePeriod())
                        + "  " + why.money(adjustment.amount()), FontStyle.BOLD, BODY, 0);
                paragraph(adjustment.reason(), SMALL, 12);
            }
            gap();
            heading("Totals");
            Statement.Totals totals = statement.totals();
            total("Earned", why.money(totals.earned()));
            total("Adjustments", why.money(totals.adjustments()));
            total("Draw paid", why.money(totals.drawPaid()));
            total("Draw recovered", why.money(totals.drawRecovered()));
            total("Payable", why.money(totals.payable()));
            content.close();
        }

        private void heading(String title) throws IOException {
            line(title, FontStyle.BOLD, 12, 0);
        }

        private void total(String label, String amount) throws IOException {
            room(BODY * 1.5f);
            text.draw(content, label, MARGIN, y, FontStyle.REGULAR, BODY);
            text.draw(content, amount, MARGIN + width - text.width(amount, FontStyle.BOLD, BODY), y, FontStyle.BOLD,
                    BODY);
            y -= BODY * 1.5f;
        }

        private void paragraph(String words, float size, float indent) throws IOException {
            for (String wrapped : text.wrap(words == null ? "" : words, FontStyle.REGULAR, size, width - indent)) {
                line(wrapped, FontStyle.REGULAR, size, indent);
            }
        }

        private void line(String words, FontStyle style, float size, float indent) throws IOException {
            room(size * 1.5f);
            text.draw(content, words, MARGIN + indent, y, style, size);
            y -= size * 1.5f;
        }

        private void gap() {
            y -= BODY;
        }

        private void room(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }
    }

    private static String plain(BigDecimal value) {
        return StatementWhy.plain(value);
    }

    private static String plain(Money value) {
        return value == null ? "" : StatementWhy.plain(value.amount());
    }
}
