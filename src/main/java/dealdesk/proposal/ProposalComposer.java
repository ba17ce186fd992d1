package dealdesk.proposal;

import dealdesk.proposal.ProposalDocument.Line;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * Lays out one proposal, page by page. With no PDDocument it only measures (the
 * dry pass that counts pages); with one it draws, closing each page's content
 * stream before starting the next.
 *
 * <p>Positions are computed along the reading direction: an offset from the
 * "start" edge of the content box (left, or right for right-to-left languages)
 * is turned into a page x by {@link #pageX}, which mirrors the whole layout —
 * table columns included — for Persian.
 */
final class ProposalComposer {
    private static final float LEADING = 1.5f;
    private static final float CELL_PADDING = 4f;
    private static final int MAX_DESCRIPTION_LINES = 24;
    /** Table columns in reading order: share of the content width, numeric or not. */
    private static final Column[] COLUMNS = {
        new Column("column.sku", 0.15f, false),
        new Column("column.description", 0.32f, false),
        new Column("column.quantity", 0.09f, true),
        new Column("column.listPrice", 0.11f, true),
        new Column("column.discount", 0.09f, true),
        new Column("column.netPrice", 0.11f, true),
        new Column("column.netTotal", 0.13f, true),
    };

    private final PDDocument pdf;
    private final DocumentText text;
    private final ProposalFormat format;
    private final ProposalTemplate template;
    private final Messages messages;
    private final ProposalDocument document;
    private final int totalPages;
    private final PDRectangle pageSize;
    private final float contentWidth;
    private final float top;
    private final float bottom;
    private final float body;
    private final float small;
    private final Map<String, String> placeholders;

    private PDPageContentStream content;
    private PDImageXObject logo;
    private PDExtendedGraphicsState watermarkState;
    private int pageNumber;
    private float y;

    ProposalComposer(PDDocument pdf, DocumentText text, ProposalFormat format, ProposalTemplate template,
            Messages messages, ProposalDocument document, int totalPages) {
        this.pdf = pdf;
        this.text = text;
        this.format = format;
        this.template = template;
        this.messages = messages;
        this.document = document;
        this.totalPages = totalPages;
        this.pageSize = "LETTER".equals(template.page().size()) ? PDRectangle.LETTER : PDRectangle.A4;
        ProposalTemplate.Margins margins = template.page().margins();
        this.contentWidth = pageSize.getWidth() - margins.left() - margins.right();
        this.top = pageSize.getHeight() - margins.top();
        this.bottom = margins.bottom();
        this.body = template.fontSizes().body();
        this.small = template.fontSizes().small();
        this.placeholders = Map.of(
                "company", template.brand().company(),
                "customer", document.customer().name(),
                "number", document.quote().number(),
                "version", format.number(document.quote().version()),
                "validUntil", format.date(document.quote().validUntil()),
                "startDate", format.date(document.terms().startDate()),
                "termMonths", format.number(document.terms().termMonths()),
                "currency", document.terms().currency());
    }

    /** Lays out the whole proposal and returns its page count. */
    int compose() {
        try {
            if (template.has("cover")) {
                cover();
            }
            newPage();
            if (template.has("customer")) {
                customerBlock();
            }
            if (template.has("lines")) {
                lineTable();
            }
            if (template.has("totals")) {
                totals();
            }
            if (template.has("terms")) {
                terms();
            }
            if (template.has("signature")) {
                signature();
            }
            finishPage();
            return pageNumber;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- pages -------------------------------------------------------------

    private boolean drawing() {
        return content != null;
    }

    private void newPage() throws IOException {
        finishPage();
        pageNumber++;
        y = top;
        if (pdf == null) {
            return;
        }
        PDPage page = new PDPage(pageSize);
        pdf.addPage(page);
        content = new PDPageContentStream(pdf, page);
        if (!document.quote().approved()) {
            watermark();
        }
        pageHeader();
    }

    private void finishPage() throws IOException {
        if (pageNumber == 0) {
            return;
        }
        if (drawing()) {
            pageFooter();
            content.close();
            content = null;
        }
    }

    /** Starts a new page when less than height is left above the bottom margin. */
    private boolean ensure(float height) throws IOException {
        if (y - height < bottom) {
            newPage();
            return true;
        }
        return false;
    }

    private void pageHeader() throws IOException {
        float headerTop = pageSize.getHeight() - template.page().margins().top() / 2 + small;
        if (pageNumber > 1 || !template.has("cover")) {
            float logoHeight = small * 2.6f;
            drawLogo(0, headerTop - logoHeight + small, logoHeight);
            String right = template.brand().company() + "  ·  " + messages.get("quoteNumber") + " " + document.quote().number();
            textLine(right, 0, contentWidth, headerTop - small * 1.2f, Align.END, FontStyle.REGULAR, small,
                    template.brand().mutedColor());
            rule(headerTop - logoHeight, template.brand().primaryColor(), 0.6f);
        }
    }

    private void pageFooter() throws IOException {
        float footerY = bottom / 2;
        rule(footerY + small * 1.6f, template.brand().mutedColor(), 0.3f);
        String footer = messages.get("footer", placeholders);
        String pageLabel = messages.get("page", Map.of("page", format.number(pageNumber), "pages",
                format.number(Math.max(totalPages, pageNumber))));
        float pageLabelWidth = text.width(pageLabel, FontStyle.REGULAR, small) + 12;
        textLine(footer, 0, contentWidth - pageLabelWidth, footerY, Align.START, FontStyle.REGULAR, small,
                template.brand().mutedColor());
        textLine(pageLabel, contentWidth - pageLabelWidth, pageLabelWidth, footerY, Align.END, FontStyle.REGULAR, small,
                template.brand().mutedColor());
    }

    private void watermark() throws IOException {
        if (watermarkState == null) {
            watermarkState = new PDExtendedGraphicsState();
            watermarkState.setNonStrokingAlphaConstant(0.13f);
        }
        String label = messages.get("watermark");
        float size = template.fontSizes().watermark();
        float width = text.width(label, FontStyle.BOLD, size);
        float diagonal = (float) Math.hypot(pageSize.getWidth(), pageSize.getHeight()) * 0.75f;
        if (width > diagonal) {
            size = size * diagonal / width;
            width = diagonal;
        }
        content.saveGraphicsState();
        content.setGraphicsStateParameters(watermarkState);
        content.setNonStrokingColor(template.brand().watermarkColor());
        content.transform(Matrix.getRotateInstance(Math.atan2(pageSize.getHeight(), pageSize.getWidth()),
                pageSize.getWidth() / 2, pageSize.getHeight() / 2));
        text.draw(content, label, -width / 2, -size / 3, FontStyle.BOLD, size);
        content.restoreGraphicsState();
    }

    // --- sections ------------------------------------------------------------

    private void cover() throws IOException {
        newPage();
        float title = template.fontSizes().title();
        Color primary = template.brand().primaryColor();
        if (drawing()) {
            content.setNonStrokingColor(primary);
            content.addRect(0, pageSize.getHeight() - 14, pageSize.getWidth(), 14);
            content.fill();
        }
        drawLogo(0, top - 44, 44);
        y = top - 170;
        textLine(messages.get("title"), 0, contentWidth, y, Align.START, FontStyle.BOLD, title, primary);
        y -= title * 1.4f;
        rule(y, template.brand().accentColor(), 3f);
        y -= 36;
        textLine(messages.get("preparedFor"), 0, contentWidth, y, Align.START, FontStyle.REGULAR, body,
                template.brand().mutedColor());
        y -= body * 0.8f;
        float nameSize = template.fontSizes().heading() * 1.6f;
        paragraph(document.customer().name(), 0, contentWidth, FontStyle.BOLD, nameSize, template.brand().textColor());
        y -= 40;
        String[][] facts = {
            {messages.get("quoteNumber"), document.quote().number()},
            {messages.get("version"), format.number(document.quote().version())},
            {messages.get("validUntil"), format.date(document.quote().validUntil())},
            {messages.get("preparedBy"), document.ownerName()},
        };
        float labelWidth = contentWidth * 0.3f;
        for (String[] fact : facts) {
            float rowY = y - body * LEADING;
            textLine(fact[0], 0, labelWidth, rowY, Align.START, FontStyle.REGULAR, body, template.brand().mutedColor());
            textLine(fact[1], labelWidth, contentWidth - labelWidth, rowY, Align.START, FontStyle.BOLD, body,
                    template.brand().textColor());
            y = rowY - body * 0.6f;
        }
        if (drawing()) {
            content.setNonStrokingColor(template.brand().accentColor());
            content.addRect(0, 0, pageSize.getWidth(), bottom + 30);
            content.fill();
        }
    }

    private void customerBlock() throws IOException {
        heading(messages.get("customer.heading"));
        ProposalDocument.Customer customer = document.customer();
        String[][] facts = {
            {messages.get("customer.name"), customer.name()},
            {messages.get("customer.segment"), customer.segment()},
            {messages.get("customer.country"), customer.country()},
            {messages.get("currency"), document.terms().currency()},
            {messages.get("term"), messages.get("term.months", Map.of("months", format.number(document.terms().termMonths())))},
            {messages.get("startDate"), format.date(document.terms().startDate())},
            {messages.get("validUntil"), format.date(document.quote().validUntil())},
            {messages.get("preparedBy"), document.ownerName()},
        };
        float half = contentWidth / 2;
        float labelWidth = half * 0.38f;
        for (int i = 0; i < facts.length; i += 2) {
            float rowHeight = 0;
            for (int column = 0; column < 2 && i + column < facts.length; column++) {
                String value = facts[i + column][1] == null ? "" : facts[i + column][1];
                List<String> lines = text.wrap(value, FontStyle.BOLD, body, half - labelWidth - 8);
                rowHeight = Math.max(rowHeight, lines.size() * body * LEADING);
            }
            ensure(rowHeight + 2);
            for (int column = 0; column < 2 && i + column < facts.length; column++) {
                String[] fact = facts[i + column];
                float start = column * half;
                textLine(fact[0], start, labelWidth, y - body * 1.2f, Align.START, FontStyle.REGULAR, body,
                        template.brand().mutedColor());
                float lineY = y - body * 1.2f;
                for (String line : text.wrap(fact[1] == null ? "" : fact[1], FontStyle.BOLD, body, half - labelWidth - 8)) {
                    textLine(line, start + labelWidth, half - labelWidth - 8, lineY, Align.START, FontStyle.BOLD, body,
                            template.brand().textColor());
                    lineY -= body * LEADING;
                }
            }
            y -= rowHeight + 2;
        }
        y -= body;
    }

    private void lineTable() throws IOException {
        heading(messages.get("lines.heading"));
        float headerHeight = tableHeaderHeight();
        boolean first = true;
        int index = 0;
        for (Line line : document.lines()) {
            Row row = row(line);
            if (first) {
                ensure(headerHeight + row.height);
                tableHeader();
                first = false;
            } else if (ensure(row.height)) {
                tableHeader();
            }
            drawRow(row, index++);
        }
        if (first) {
            ensure(headerHeight);
            tableHeader();
        }
        y -= body;
    }

    private float tableHeaderHeight() {
        float height = 0;
        for (Column column : COLUMNS) {
            float size = headerSize(column);
            int lines = text.wrap(messages.get(column.labelKey), FontStyle.BOLD, size, columnWidth(column)).size();
            height = Math.max(height, lines * size * LEADING);
        }
        return height + 2 * CELL_PADDING;
    }

    /** The small size, or smaller when a word of the column's label would not fit its width. */
    private float headerSize(Column column) {
        float size = small;
        for (String word : messages.get(column.labelKey).split(" ")) {
            float width = text.width(word, FontStyle.BOLD, size);
            if (width > columnWidth(column)) {
                size = Math.max(5f, size * columnWidth(column) / width);
            }
        }
        return size;
    }

    private float columnWidth(Column column) {
        return column.share * contentWidth - 2 * CELL_PADDING;
    }

    private void tableHeader() throws IOException {
        float height = tableHeaderHeight();
        fillBand(y - height, height, template.brand().primaryColor());
        float start = 0;
        for (Column column : COLUMNS) {
            float width = column.share * contentWidth;
            float size = headerSize(column);
            float lineY = y - CELL_PADDING - size * 1.1f;
            for (String label : text.wrap(messages.get(column.labelKey), FontStyle.BOLD, size, columnWidth(column))) {
                textLine(label, start + CELL_PADDING, columnWidth(column), lineY,
                        column.numeric ? Align.END : Align.START, FontStyle.BOLD, size, Color.WHITE);
                lineY -= size * LEADING;
            }
            start += width;
        }
        y -= height;
    }

    /** One table row, wrapped to its columns: cells of (text, style, size) lines. */
    private Row row(Line line) {
        List<List<Cell>> cells = new ArrayList<>(COLUMNS.length);
        cells.add(cell(line.sku(), FontStyle.REGULAR, fitting(line.sku(), FontStyle.REGULAR, small, 0), 0));
        List<Cell> description = new ArrayList<>(cell(line.name(), FontStyle.BOLD, body, 1));
        if (line.description() != null && !line.description().isBlank()) {
            List<Cell> more = cell(line.description(), FontStyle.REGULAR, small, 1);
            description.addAll(more.size() > MAX_DESCRIPTION_LINES ? more.subList(0, MAX_DESCRIPTION_LINES) : more);
        }
        String kind = kindLabel(line);
        if (kind != null) {
            description.addAll(cell(kind, FontStyle.REGULAR, small, 1));
        }
        cells.add(description);
        ProposalDocument.Quantity quantity = line.quantity();
        String unit = quantity == null || quantity.unit() == null ? "" : " " + quantity.unit();
        cells.add(cell(quantity == null ? "" : format.number(quantity.amount()) + unit, FontStyle.REGULAR, body, 2));
        ProposalDocument.Price price = line.price();
        cells.add(cell(format.unitPrice(price.listPrice()), FontStyle.REGULAR, body, 3));
        cells.add(cell(format.percent(price.discountPercent()), FontStyle.REGULAR, body, 4));
        cells.add(cell(format.unitPrice(price.netPrice()), FontStyle.REGULAR, body, 5));
        cells.add(cell(format.money(price.netTotal()), FontStyle.BOLD, body, 6));
        float height = 0;
        for (List<Cell> cell : cells) {
            float cellHeight = 0;
            for (Cell part : cell) {
                cellHeight += part.size * LEADING;
            }
            height = Math.max(height, cellHeight);
        }
        float maximum = top - bottom - tableHeaderHeight() - 2 * CELL_PADDING;
        return new Row(cells, Math.min(height + 2 * CELL_PADDING, maximum));
    }

    private String kindLabel(Line line) {
        if (line.kind() == null) {
            return null;
        }
        return switch (line.kind()) {
            case "SUBSCRIPTION" -> messages.get("line.subscription", Map.of("months", format.number(
                    line.subscriptionMonths() == null ? document.terms().termMonths() : line.subscriptionMonths())));
            case "ONE_TIME" -> messages.get("line.oneTime");
            case "SERVICE" -> messages.get("line.service");
            default -> null;
        };
    }

    /** A size at which an identifier fits its column on one line, down to 5 points; below that it wraps. */
    private float fitting(String value, FontStyle style, float size, int column) {
        float width = value == null ? 0 : text.width(value, style, size);
        float available = columnWidth(COLUMNS[column]);
        return width <= available ? size : Math.max(5f, size * available / width);
    }

    private List<Cell> cell(String value, FontStyle style, float size, int column) {
        float width = COLUMNS[column].share * contentWidth - 2 * CELL_PADDING;
        List<Cell> lines = new ArrayList<>();
        for (String line : text.wrap(value == null ? "" : value, style, size, width)) {
            lines.add(new Cell(line, style, size));
        }
        return lines;
    }

    private void drawRow(Row row, int index) throws IOException {
        if (index % 2 == 1) {
            fillBand(y - row.height, row.height, template.brand().accentColor());
        }
        float start = 0;
        for (int column = 0; column < COLUMNS.length; column++) {
            float width = COLUMNS[column].share * contentWidth;
            float lineTop = y - CELL_PADDING;
            for (Cell cell : row.cells.get(column)) {
                float baseline = lineTop - cell.size * 1.1f;
                if (baseline < y - row.height) {
                    break;
                }
                textLine(cell.text, start + CELL_PADDING, width - 2 * CELL_PADDING, baseline,
                        COLUMNS[column].numeric ? Align.END : Align.START, cell.style, cell.size,
                        cell.style == FontStyle.REGULAR && cell.size < body ? template.brand().mutedColor()
                                : template.brand().textColor());
                lineTop -= cell.size * LEADING;
            }
            start += width;
        }
        y -= row.height;
        rule(y, template.brand().accentColor(), 0.4f);
    }

    private void totals() throws IOException {
        ProposalDocument.Totals totals = document.totals();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {messages.get("totals.oneTime"), format.money(totals.oneTime())});
        rows.add(new String[] {messages.get("totals.mrr"), format.money(totals.mrr())});
        rows.add(new String[] {messages.get("totals.arr"), format.money(totals.arr())});
        rows.add(new String[] {messages.get("totals.tcv"), format.money(totals.tcv())});
        if (totals.acv() != null) {
            rows.add(new String[] {messages.get("totals.acv"), format.money(totals.acv())});
        }
        if (totals.discount() != null && !totals.discount().isZero()) {
            rows.add(new String[] {messages.get("totals.discount"), format.money(totals.discount())});
        }
        float rowHeight = body * LEADING + 4;
        ensure(template.fontSizes().heading() * 2.4f + rows.size() * rowHeight + 8);
        heading(messages.get("totals.heading"));
        float boxWidth = contentWidth * 0.55f;
        float boxStart = contentWidth - boxWidth;
        float boxHeight = rows.size() * rowHeight + 8;
        if (drawing()) {
            content.setNonStrokingColor(template.brand().accentColor());
            content.addRect(pageX(boxStart, boxWidth), y - boxHeight, boxWidth, boxHeight);
            content.fill();
        }
        y -= 4;
        for (int i = 0; i < rows.size(); i++) {
            boolean total = i == 3; // TCV, the figure the customer signs for
            FontStyle style = total ? FontStyle.BOLD : FontStyle.REGULAR;
            float baseline = y - body * 1.25f;
            textLine(rows.get(i)[0], boxStart + 8, boxWidth * 0.6f, baseline, Align.START, style, body,
                    template.brand().textColor());
            textLine(rows.get(i)[1], boxStart + boxWidth * 0.6f, boxWidth * 0.4f - 8, baseline, Align.END, style, body,
                    total ? template.brand().primaryColor() : template.brand().textColor());
            y -= rowHeight;
        }
        y -= 4 + body * 2;
    }

    private void terms() throws IOException {
        ensure(template.fontSizes().heading() * 2.4f + body * LEADING * 3);
        heading(messages.get("terms.heading"));
        paragraph(messages.get(template.termsKey(), placeholders), 0, contentWidth, FontStyle.REGULAR, body,
                template.brand().textColor());
        y -= body * 2;
    }

    private void signature() throws IOException {
        float lineGap = body * 2.7f;
        ensure(template.fontSizes().heading() * 2.2f + body * LEADING + 4 * lineGap + small * 2);
        heading(messages.get("signature.heading"));
        float columnWidth = contentWidth / 2 - 12;
        String[] parties = {
            messages.get("signature.customer", placeholders),
            messages.get("signature.company", placeholders),
        };
        String[] fields = {"signature.signature", "signature.name", "signature.title", "signature.date"};
        float startY = y;
        for (int party = 0; party < 2; party++) {
            float start = party * (columnWidth + 24);
            y = startY;
            textLine(parties[party], start, columnWidth, y - body * 1.2f, Align.START, FontStyle.BOLD, body,
                    template.brand().textColor());
            y -= body * LEADING;
            for (String field : fields) {
                y -= lineGap;
                if (drawing()) {
                    content.setStrokingColor(template.brand().mutedColor());
                    content.setLineWidth(0.5f);
                    content.moveTo(pageX(start, columnWidth), y);
                    content.lineTo(pageX(start, columnWidth) + columnWidth, y);
                    content.stroke();
                }
                String prefill = party == 1 && field.equals("signature.name") ? document.ownerName() : null;
                if (prefill != null) {
                    textLine(prefill, start, columnWidth, y + 3, Align.START, FontStyle.REGULAR, body,
                            template.brand().textColor());
                }
                textLine(messages.get(field), start, columnWidth, y - small * 1.3f, Align.START, FontStyle.REGULAR, small,
                        template.brand().mutedColor());
            }
        }
        y -= small * 2;
    }

    // --- drawing helpers -----------------------------------------------------

    private void heading(String title) throws IOException {
        float size = template.fontSizes().heading();
        ensure(size * 2.2f + body * LEADING * 2);
        y -= size * 0.4f;
        textLine(title, 0, contentWidth, y - size, Align.START, FontStyle.BOLD, size, template.brand().primaryColor());
        y -= size * 1.4f;
        rule(y, template.brand().primaryColor(), 0.8f);
        y -= size * 0.4f;
    }

    /** Wrapped text from the cursor down, breaking pages between lines. */
    private void paragraph(String value, float start, float width, FontStyle style, float size, Color color)
            throws IOException {
        for (String line : text.wrap(value, style, size, width)) {
            ensure(size * LEADING);
            textLine(line, start, width, y - size * 1.15f, Align.START, style, size, color);
            y -= size * LEADING;
        }
    }

    /**
     * One line of text in a box that starts at offset start (from the reading-start
     * edge) and is width wide, aligned to the box's start or end edge in reading order.
     */
    private void textLine(String value, float start, float width, float baseline, Align align, FontStyle style,
            float size, Color color) throws IOException {
        if (!drawing() || value == null || value.isEmpty()) {
            return;
        }
        float textWidth = text.width(value, style, size);
        float boxX = pageX(start, width);
        boolean leftAligned = (align == Align.START) != text.rightToLeft();
        float x = leftAligned ? boxX : boxX + width - textWidth;
        content.setNonStrokingColor(color);
        text.draw(content, value, x, baseline, style, size);
    }

    /** The page x of the left edge of a box at offset start from the reading-start edge. */
    private float pageX(float start, float width) {
        float left = template.page().margins().left();
        return text.rightToLeft() ? left + contentWidth - start - width : left + start;
    }

    private void rule(float atY, Color color, float thickness) throws IOException {
        if (!drawing()) {
            return;
        }
        content.setStrokingColor(color);
        content.setLineWidth(thickness);
        content.moveTo(pageX(0, contentWidth), atY);
        content.lineTo(pageX(0, contentWidth) + contentWidth, atY);
        content.stroke();
    }

    private void fillBand(float bandY, float height, Color color) throws IOException {
        if (!drawing()) {
            return;
        }
        content.setNonStrokingColor(color);
        content.addRect(pageX(0, contentWidth), bandY, contentWidth, height);
        content.fill();
    }

    private void drawLogo(float start, float logoY, float height) throws IOException {
        if (!drawing() || template.logo() == null) {
            return;
        }
        if (logo == null) {
            logo = PDImageXObject.createFromByteArray(pdf, template.logo(), "logo");
        }
        float width = height * logo.getWidth() / logo.getHeight();
        content.drawImage(logo, pageX(start, width), logoY, width, height);
    }

    private enum Align {
        START, END
    }

    private record Column(String labelKey, float share, boolean numeric) {
    }

    private record Cell(String text, FontStyle style, float size) {
    }

    private record Row(List<List<Cell>> cells, float height) {
    }
}
