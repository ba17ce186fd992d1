package dealdesk.proposal;

import java.io.FileOutputStream;
import java.io.OutputStream;

/** Writes sample proposals to /tmp/proposals for looking at them. */
public final class RenderSamplesMain {
    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("/tmp/proposals"));
        for (String locale : new String[] {"en", "tr", "hu", "az", "ja", "fa"}) {
            for (boolean approved : new boolean[] {false}) {
                long start = System.nanoTime();
                try (OutputStream out = new FileOutputStream("/tmp/proposals/" + locale + ".pdf")) {
                    ProposalSamples.renderer().render(ProposalSamples.document(locale, lines, approved), args.length > 1 ? args[1] : null, locale, out);
                }
                System.out.println(locale + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
        }
    }
}
