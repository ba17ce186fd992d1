package dealdesk.proposal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Renders proposals to PDF. Thread-safe and meant to be shared: the templates,
 * messages and font bytes are read once; everything a document draws with
 * (PDFBox fonts, ICU formats) is created per document.
 *
 * <p>A document is laid out twice with the same code: a dry pass that only
 * measures, to learn the page count for "page X of Y", then the real pass,
 * which writes pages as it goes into a stream cache that spills to a temporary
 * file, so a quote of thousands of lines does not sit in the heap.
 */
public final class ProposalRenderer {
    public static final String DEFAULT_TEMPLATE = "default";
    static final String FALLBACK_LOCALE = "en";
    private static final java.util.regex.Pattern LANGUAGE_TAG =
            java.util.regex.Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*");
    /** Page content beyond this many bytes goes to a temporary file. */
    private static final long MEMORY_FOR_PAGES = 8L * 1024 * 1024;

    private final ProposalTemplates templates;
    private final FontLibrary fonts;

    public ProposalRenderer(ProposalTemplates templates, FontLibrary fonts) {
        this.templates = templates;
        this.fonts = fonts;
    }

    /** Reads templates, messages and fonts from a folder such as {@code templates/proposal}. */
    public static ProposalRenderer fromDirectory(Path directory) {
        return new ProposalRenderer(ProposalTemplates.load(directory), FontLibrary.load(directory.resolve("fonts")));
    }

    public ProposalTemplates templates() {
        return templates;
    }

    /**
     * The template and locale a request asks for, checked before any rendering:
     * an unknown template or locale is a 422 naming the parameter. Without a
     * locale the customer's is used: its messages, or English labels with the
     * customer's formats when dealdesk has no messages in that language.
     */
    public Request request(String templateName, String locale, ProposalDocument document) {
        ProposalTemplate template = templates.template(
                templateName == null || templateName.isBlank() ? DEFAULT_TEMPLATE : templateName);
        if (locale != null && !locale.isBlank()) {
            return new Request(template, templates.messages(locale), locale.replace('_', '-'));
        }
        String customerLocale = document.customer().locale();
        if (customerLocale != null && templates.supports(customerLocale)) {
            return new Request(template, templates.messages(customerLocale), customerLocale.replace('_', '-'));
        }
        String formats = customerLocale != null && LANGUAGE_TAG.matcher(customerLocale).matches()
                ? customerLocale.replace('_', '-') : FALLBACK_LOCALE;
        return new Request(template, templates.messages(FALLBACK_LOCALE), formats);
    }

    public void render(ProposalDocument document, String templateName, String locale, OutputStream out) {
        render(document, request(templateName, locale, document), out);
    }

    public void render(ProposalDocument document, Request request, OutputStream out) {
        int pages = compose(null, document, request, 0);
        try (PDDocument pdf = new PDDocument(MemoryUsageSetting.setupMixed(MEMORY_FOR_PAGES).streamCache)) {
            compose(pdf, document, request, pages);
            describe(pdf, document, request);
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write proposal " + document.quote().number(), e);
        }
    }

    private int compose(PDDocument pdf, ProposalDocument document, Request request, int totalPages) {
        boolean rightToLeft = isRightToLeft(request.messages().locale());
        DocumentText text = new DocumentText(pdf, fonts, rightToLeft);
        ProposalFormat format = new ProposalFormat(request.languageTag(), document.terms().currency());
        ProposalComposer composer = new ProposalComposer(pdf, text, format, request.template(), request.messages(),
                document, totalPages);
        return composer.compose();
    }

    private static void describe(PDDocument pdf, ProposalDocument document, Request request) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(request.messages().get("title") + " " + document.quote().number() + " v" + document.quote().version());
        info.setSubject(document.customer().name());
        info.setProducer("dealdesk");
        pdf.getDocumentCatalog().setLanguage(request.messages().locale());
        if (isRightToLeft(request.messages().locale())) {
            PDViewerPreferences preferences = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
            preferences.setReadingDirection(PDViewerPreferences.READING_DIRECTION.R2L);
            pdf.getDocumentCatalog().setViewerPreferences(preferences);
        }
    }

    static boolean isRightToLeft(String languageTag) {
        String language = languageTag.split("-")[0];
        return switch (language) {
            case "fa", "ar", "he", "ur", "ps", "ckb" -> true;
            default -> false;
        };
    }

    /** A checked template and locale, ready to render. */
    public record Request(ProposalTemplate template, Messages messages, String languageTag) {
    }
}
