package dealdesk.bench;

import dealdesk.proposal.ProposalSamples;
import java.io.ByteArrayOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/** Prints the size of 3-page and 10-page proposals per language and of a 1,000-line one. */
public final class ProposalSizes {
    public static void main(String[] args) throws Exception {
        System.out.println("| language | lines | pages | size |");
        System.out.println("|---|---:|---:|---:|");
        for (String locale : new String[] {"en", "tr", "hu", "az", "ja", "fa"}) {
            for (int lines : new int[] {3, 8, 40, 1000}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ProposalSamples.renderer().render(ProposalSamples.document(locale, lines, false), null, locale, out);
                try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
                    System.out.printf("| %s | %d | %d | %.1f KB |%n", locale, lines, pdf.getNumberOfPages(), out.size() / 1024.0);
                }
            }
        }
    }
}
