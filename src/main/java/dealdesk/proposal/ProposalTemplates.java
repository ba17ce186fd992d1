package dealdesk.proposal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dealdesk.common.ApiException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The templates and message bundles under {@code templates/proposal/}, read once at
 * start-up: every {@code <name>/template.yaml} and every {@code messages_<locale>.properties}.
 * A template that does not parse stops start-up with the reason.
 */
public final class ProposalTemplates {
    private static final Pattern MESSAGES_FILE = Pattern.compile("messages_([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\\.properties");
    private static final String FALLBACK_LOCALE = "en";

    private final Map<String, ProposalTemplate> templates;
    private final Map<String, Messages> messages;

    private ProposalTemplates(Map<String, ProposalTemplate> templates, Map<String, Messages> messages) {
        this.templates = templates;
        this.messages = messages;
    }

    public static ProposalTemplates load(Path directory) {
        try {
            return new ProposalTemplates(readTemplates(directory), readMessages(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read proposal templates from " + directory, e);
        }
    }

    public ProposalTemplate template(String name) {
        ProposalTemplate template = templates.get(name);
        if (template == null) {
            throw ApiException.invalid("template", "unknown template " + name + "; known: " + templates.keySet());
        }
        return template;
    }

    /** The messages of a language tag, or a 422 naming the locale; "fa-IR" finds "fa". */
    Messages messages(String locale) {
        if (locale != null) {
            String tag = locale.replace('_', '-');
            Messages found = messages.get(tag);
            if (found == null && tag.contains("-")) {
                found = messages.get(tag.substring(0, tag.indexOf('-')));
            }
            if (found != null) {
                return found;
            }
        }
        throw ApiException.invalid("locale", "unsupported locale " + locale + "; supported: " + messages.keySet());
    }

    boolean supports(String locale) {
        try {
            messages(locale);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    public java.util.Set<String> locales() {
        return messages.keySet();
    }

    private static Map<String, ProposalTemplate> readTemplates(Path directory) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        Map<String, ProposalTemplate> templates = new TreeMap<>();
        try (Stream<Path> folders = Files.list(directory)) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve("template.yaml"))).toList()) {
                String name = folder.getFileName().toString();
                Path file = folder.resolve("template.yaml");
                TemplateFile parsed;
                try {
                    parsed = yaml.readValue(file.toFile(), TemplateFile.class);
                } catch (IOException e) {
                    throw new IllegalStateException("proposal template " + file + " is invalid: " + e.getMessage(), e);
                }
                templates.put(name, parsed.toTemplate(name, directory, file));
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no proposal template (<name>/template.yaml) in " + directory);
        }
        return Map.copyOf(templates);
    }

    private static Map<String, Messages> readMessages(Path directory) throws IOException {
        Map<String, Properties> bundles = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Matcher name = MESSAGES_FILE.matcher(file.getFileName().toString());
                if (name.matches()) {
                    Properties texts = new Properties();
                    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        texts.load(reader);
                    }
                    bundles.put(name.group(1), texts);
                }
            }
        }
        Properties fallback = bundles.get(FALLBACK_LOCALE);
        if (fallback == null) {
            throw new IllegalStateException("no messages_" + FALLBACK_LOCALE + ".properties in " + directory);
        }
        Map<String, Messages> messages = new TreeMap<>();
        bundles.forEach((locale, texts) -> messages.put(locale, new Messages(locale, texts, fallback)));
        return java.util.Collections.unmodifiableMap(messages);
    }

    /** template.yaml as written; validated into a {@link ProposalTemplate}. */
    record TemplateFile(ProposalTemplate.Page page, ProposalTemplate.Brand brand, ProposalTemplate.FontSizes fontSizes,
            java.util.List<String> sections, String termsKey) {

        ProposalTemplate toTemplate(String name, Path templatesDirectory, Path file) throws IOException {
            if (page == null || page.margins() == null || brand == null || fontSizes == null || sections == null) {
                throw new IllegalStateException(file + " needs page (with margins), brand, fontSizes and sections");
            }
            if (!"A4".equals(page.size()) && !"LETTER".equals(page.size())) {
                throw new IllegalStateException(file + ": page.size must be A4 or LETTER, not " + page.size());
            }
            for (String section : sections) {
                if (!ProposalTemplate.SECTIONS.contains(section)) {
                    throw new IllegalStateException(file + ": unknown section " + section + "; known: "
                            + new java.util.TreeSet<>(ProposalTemplate.SECTIONS));
                }
            }
            for (String colour : new String[] {brand.primary(), brand.accent(), brand.text(), brand.muted(), brand.watermark()}) {
                if (colour == null || !colour.matches("#[0-9A-Fa-f]{6}")) {
                    throw new IllegalStateException(file + ": colours are #RRGGBB, not " + colour);
                }
            }
            byte[] logo = null;
            if (brand.logo() != null && !brand.logo().isBlank()) {
                logo = Files.readAllBytes(templatesDirectory.resolve(brand.logo()));
            }
            return new ProposalTemplate(name, page, brand, fontSizes, java.util.List.copyOf(sections),
                    termsKey == null ? "terms.standard" : termsKey, logo);
        }
    }
}
