package dealdesk.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProposalRendererTest {
    private final ProposalRenderer renderer = ProposalSamples.renderer();

    @ParameterizedTest
    @ValueSource(strings = {"en", "tr", "hu", "az", "ja", "fa"})
    void customerAndProductNamesCanBeFoundInTheExtractedText(String locale) throws IOException {
        ProposalSamples.Sample sample = ProposalSamples.sample(locale);

        // sorted by position, a Persian table row is one right-to-left line the extractor puts back in reading order
        String text = normalised(extractText(render(ProposalSamples.document(locale, 3, true), null, locale), locale.equals("fa")));

        assertThat(text).contains(normalised(sample.customer()));
        for (String[] product : sample.products()) {
            assertThat(text).contains(normalised(product[1]));
        }
    }

    @Test
    void latinLigaturesKeepEveryCharacterInTheExtractedText() throws IOException {
        String text = extractText(render(ProposalSamples.document("en", 3, true), null, "en"));

        assertThat(text).contains("Affinity Office Fixtures Ltd.").contains("CRM Professional Workflow")
                .doesNotContain("\uFB01").doesNotContain("\uFB03");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja", "fa"})
    void everyFontIsEmbeddedAsASubset(String locale) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(render(ProposalSamples.document(locale, 3, false), null, locale))) {
            List<String> fonts = fontNames(pdf);

            assertThat(fonts).isNotEmpty().allMatch(name -> name.matches("[A-Z]{6}\\+.+"));
            if (locale.equals("ja")) {
                assertThat(fonts).anyMatch(name -> name.endsWith("+VL-Gothic-Regular"));
            }
            if (locale.equals("fa")) {
                assertThat(fonts).anyMatch(name -> name.endsWith("+NotoNaskhArabic-Regular"));
            }
        }
    }

    @Test
    void aLatinProposalDoesNotEmbedTheJapaneseOrArabicFonts() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(render(ProposalSamples.document("en", 3, true), null, "en"))) {
            assertThat(fontNames(pdf)).allMatch(name -> name.contains("+NotoSans-"));
        }
    }

    @Test
    void aThreeLineQuoteTakesTheCoverAndTwoPages() throws IOException {
        byte[] pdf = render(ProposalSamples.document("en", 3, true), null, "en");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
        }
        assertThat(extractText(pdf)).contains("Page 1 of 3").contains("Page 2 of 3").contains("Page 3 of 3");
    }

    @Test
    void aThreePageJapaneseProposalStaysUnderOneMegabyte() throws IOException {
        byte[] pdf = render(ProposalSamples.document("ja", 8, false), null, "ja");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
        }
        assertThat(pdf.length).isLessThan(1024 * 1024);
    }

    @Test
    void aThreePageLatinProposalStaysUnder150Kilobytes() throws IOException {
        byte[] pdf = render(ProposalSamples.document("tr", 8, false), null, "tr");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
        }
        assertThat(pdf.length).isLessThan(150 * 1024);
    }

    @Test
    void theCompactTemplateHasNoCoverPage() throws IOException {
        try (PDDocument document = Loader.loadPDF(render(ProposalSamples.document("en", 3, true), "compact", "en"))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void aLongLineTableFlowsOverPagesRepeatingItsHeaderRow() throws IOException {
        byte[] pdf = render(ProposalSamples.document("en", 120, true), null, "en");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isEqualTo(12);
            PDFTextStripper stripper = new PDFTextStripper();
            int pagesWithHeader = 0;
            for (int page = 2; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String pageText = stripper.getText(document);
                assertThat(pageText).contains("Page " + page + " of " + pages);
                if (pageText.contains("SKU") && pageText.contains("Net total")) {
                    pagesWithHeader++;
                }
            }
            // the cover, then eleven table pages, each with the header row
            assertThat(pagesWithHeader).isEqualTo(11);
            stripper.setStartPage(1);
            stripper.setEndPage(pages);
            assertThat(normalised(stripper.getText(document))).contains("CRM-PRO-118").contains("SVC-ONBOARD-120");
        }
    }

    @Test
    void aQuoteThatIsNotApprovedCarriesTheDraftWatermarkOnEveryPage() throws IOException {
        byte[] draft = render(ProposalSamples.document("en", 30, false), null, "en");
        byte[] approved = render(ProposalSamples.document("en", 30, true), null, "en");

        List<String> watermarks = watermarksPerPage(draft);
        assertThat(watermarks).hasSize(5).allMatch("DRAFT"::equals);
        assertThat(watermarksPerPage(approved)).allMatch(String::isEmpty);
    }

    @Test
    void theDraftWatermarkIsInTheProposalsLanguage() throws IOException {
        // glyphs are drawn in visual order: reversed, Persian reads in logical order again
        String persian = new StringBuilder(watermarksPerPage(render(ProposalSamples.document("fa", 3, false), null, "fa")).get(0))
                .reverse().toString();
        assertThat(normalised(persian)).isEqualTo(normalised("پیش\u200Cنویس"));
        assertThat(watermarksPerPage(render(ProposalSamples.document("tr", 3, false), null, "tr"))).contains("TASLAK");
    }

    /** The text drawn rotated on each page, in drawing order. */
    private static List<String> watermarksPerPage(byte[] pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                StringBuilder rotated = new StringBuilder();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition text) {
                        if (Math.abs(text.getTextMatrix().getShearY()) > 0.1f) {
                            rotated.append(text.getUnicode());
                        }
                    }
                };
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                stripper.getText(document);
                pages.add(rotated.toString());
            }
        }
        return pages;
    }

    @Test
    void moneyNumbersAndDatesAreWrittenTheLocalesWay() throws IOException {
        String english = extractText(render(ProposalSamples.document("en", 3, true), null, "en"));
        assertThat(english).contains("$409,550.00").contains("December 31, 2026");

        String turkish = extractText(render(ProposalSamples.document("tr", 3, true), null, "tr"));
        assertThat(turkish).contains("409.550,00").contains("31 Aralık 2026");

        String persian = normalised(extractText(render(ProposalSamples.document("fa", 3, true), null, "fa")));
        assertThat(persian).contains("۳۶ ماه").contains("۴۰۹٬۵۵۰");
    }

    @Test
    void withoutALocaleTheCustomersLanguageIsUsed() throws IOException {
        ProposalDocument japanese = ProposalSamples.document("ja", 3, true);

        assertThat(extractText(render(japanese, null, null))).contains("ご提案書");
    }

    @Test
    void aCustomerLanguageWithoutMessagesGetsEnglishLabelsWithItsOwnFormats() throws IOException {
        ProposalDocument english = ProposalSamples.document("en", 3, true);
        ProposalDocument german = new ProposalDocument(english.quote(),
                new ProposalDocument.Customer("Müller GmbH", "SMB", "DE", "de-DE"), english.terms(), english.lines(),
                english.totals(), "Alice Rep");

        String text = extractText(render(german, null, null));

        assertThat(text).contains("Proposal").contains("409.550,00").contains("31. Dezember 2026");
    }

    @Test
    void anUnknownTemplateIsRejectedNamingTheParameter() {
        ProposalDocument document = ProposalSamples.document("en", 3, true);

        assertThatThrownBy(() -> renderer.request("fancy", "en", document))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.details().get(0).path()).isEqualTo("template");
                });
    }

    @Test
    void anUnsupportedLocaleIsRejectedNamingTheParameter() {
        ProposalDocument document = ProposalSamples.document("en", 3, true);

        assertThatThrownBy(() -> renderer.request("default", "xx", document))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.details().get(0).path()).isEqualTo("locale");
                });
    }

    @Test
    void aRegionalLocaleUsesItsLanguagesMessages() throws IOException {
        assertThat(extractText(render(ProposalSamples.document("tr", 3, true), null, "tr-TR"))).contains("Teklif");
    }

    @Test
    void charactersNoShippedFontHasAreDrawnAsTheReplacementGlyph() throws IOException {
        ProposalDocument base = ProposalSamples.document("en", 3, false);
        String name = "Ꮳherokee ᚠuthark Ltd 😀 \u0007 עברית";
        ProposalDocument exotic = new ProposalDocument(base.quote(),
                new ProposalDocument.Customer(name, "SMB", "US", "chr"), base.terms(), base.lines(), base.totals(),
                "Bob");

        String text = extractText(render(exotic, null, null));

        assertThat(text).contains("herokee").contains("uthark Ltd").contains("\uFFFD");
    }

    @Test
    void proposalsRenderedInParallelAreEachComplete() throws Exception {
        String[] locales = {"en", "tr", "hu", "az", "ja", "fa"};
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String locale = locales[i % locales.length];
                results.add(pool.submit(() -> normalised(extractText(render(ProposalSamples.document(locale, 12, i(locale)), null, locale)))));
            }
            for (int i = 0; i < results.size(); i++) {
                String locale = locales[i % locales.length];
                assertThat(results.get(i).get()).contains(normalised(ProposalSamples.sample(locale).customer()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean i(String locale) {
        return locale.length() % 2 == 0;
    }

    private byte[] render(ProposalDocument document, String template, String locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(document, template, locale, out);
        return out.toByteArray();
    }

    static String extractText(byte[] pdf) throws IOException {
        return extractText(pdf, false);
    }

    static String extractText(byte[] pdf, boolean sortByPosition) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(sortByPosition);
            return stripper.getText(document);
        }
    }

    /** NFKC turns Arabic presentation forms back into letters; ZWNJ has no glyph to extract. */
    static String normalised(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replace("\u200C", "").replaceAll("\\s+", " ");
    }

    private static List<String> fontNames(PDDocument pdf) throws IOException {
        List<String> names = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                if (!names.contains(font.getName())) {
                    names.add(font.getName());
                }
            }
        }
        return names;
    }
}
