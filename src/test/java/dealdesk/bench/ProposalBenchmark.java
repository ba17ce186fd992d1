package dealdesk.bench;

import dealdesk.proposal.ProposalDocument;
import dealdesk.proposal.ProposalRenderer;
import dealdesk.proposal.ProposalSamples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Proposal rendering, warm, in a JVM with the service's heap limit (256 MB):
 * a 10-page proposal per language and a 1,000-line proposal. Run from the
 * repository root (templates/ is read from there); see BENCHMARKS.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Xms256m"})
@State(Scope.Benchmark)
public class ProposalBenchmark {

    @Param({"en", "ja", "fa"})
    public String locale;

    private ProposalRenderer renderer;
    private ProposalDocument tenPages;
    private ProposalDocument thousandLines;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        renderer = ProposalSamples.renderer();
        tenPages = documentOfPages(locale, 10);
        thousandLines = ProposalSamples.document(locale, 1000, false);
    }

    /** The fewest lines that make a proposal of the given number of pages. */
    private ProposalDocument documentOfPages(String language, int pages) throws IOException {
        for (int lines = 10; ; lines += 2) {
            ProposalDocument document = ProposalSamples.document(language, lines, false);
            try (PDDocument pdf = Loader.loadPDF(render(document))) {
                if (pdf.getNumberOfPages() >= pages) {
                    System.out.printf("%n[%s] %d pages: %d lines%n", language, pdf.getNumberOfPages(), lines);
                    return document;
                }
            }
        }
    }

    /** Runs the benchmarks (forked, -Xmx256m), then prints the proposal sizes. */
    public static void main(String[] args) throws Exception {
        new org.openjdk.jmh.runner.Runner(new org.openjdk.jmh.runner.options.OptionsBuilder()
                .include(ProposalBenchmark.class.getSimpleName())
                .build()).run();
        ProposalSizes.main(args);
    }

    @Benchmark
    public byte[] tenPageProposal() {
        return render(tenPages);
    }

    @Benchmark
    public byte[] thousandLineProposal() {
        return render(thousandLines);
    }

    private byte[] render(ProposalDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        renderer.render(document, null, null, out);
        return out.toByteArray();
    }
}
