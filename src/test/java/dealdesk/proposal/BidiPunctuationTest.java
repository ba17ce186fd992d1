package dealdesk.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** Lines of a right-to-left proposal take the document's direction, so end punctuation lands where it belongs. */
class BidiPunctuationTest {
    private static final FontLibrary FONTS = FontLibrary.load(ProposalSamples.TEMPLATES.resolve("fonts"));

    private static String visual(boolean rightToLeft, String text) {
        try (PDDocument document = new PDDocument()) {
            return new DocumentText(document, FONTS, rightToLeft).visualOrder(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aLatinCompanyNameEndingInAFullStopInAPersianProposalHasItsStopOnTheLeft() {
        // the line ends on the left in a right-to-left paragraph: the full stop follows the name there
        assertThat(visual(true, "Dealdesk Inc.")).isEqualTo(".Dealdesk Inc");
    }

    @Test
    void aPersianSentenceKeepsItsStopOnTheLeftAndLatinSkusStayReadable() {
        assertThat(visual(true, "سلام.")).isEqualTo(".مالس");
        assertThat(visual(true, "CRM-PRO")).isEqualTo("CRM-PRO");
    }

    @Test
    void aLeftToRightProposalLeavesLatinTextAlone() {
        assertThat(visual(false, "Dealdesk Inc.")).isEqualTo("Dealdesk Inc.");
    }

    @Test
    void theRenderedPersianProposalShowsTheCompanyWithItsStopOnTheLeft() throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ProposalSamples.renderer().render(ProposalSamples.document("fa", 3, true), null, "fa", out);

        // the signature block's line ends with the company: its stop is drawn at the left end
        assertThat(ProposalRendererTest.extractText(out.toByteArray(), true)).contains(".Dealdesk Inc از طرف");
    }
}
