package dealdesk.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Whatever characters a customer or product is named with, the proposal renders. */
class AnyTextRendersTest {

    @Property(tries = 40)
    void anyCustomerAndProductNameRenders(@ForAll @StringLength(max = 80) String customer,
            @ForAll @StringLength(max = 120) String product, @ForAll boolean rightToLeft) throws IOException {
        ProposalDocument sample = ProposalSamples.document("en", 2, false);
        ProposalDocument.Line line = sample.lines().get(0);
        ProposalDocument document = new ProposalDocument(sample.quote(),
                new ProposalDocument.Customer(customer, customer, customer, null), sample.terms(),
                List.of(new ProposalDocument.Line(product, product, product + " " + product, line.kind(),
                        line.quantity(), line.price(), line.subscriptionMonths())),
                sample.totals(), customer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ProposalSamples.renderer().render(document, "compact", rightToLeft ? "fa" : "en", out);

        // the compact template: one page, a second when long names wrap; the quote number is always there
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isBetween(1, 2);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Q-2026-00042");
        }
    }
}
