package dealdesk.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * The one way DRL becomes a rule base: read a concern's {@code *.drl} files in
 * name order, compile them into one KieBase, and fail with the compiler's
 * messages (file:line: text) when any does not compile. Pricing and commission
 * each load their own rule base through here.
 */
public final class RuleBases {

    /** A DRL text and the name it is reported under (its file name). */
    public record Source(String name, String text) {
    }

    /** DRL that does not compile (or cannot be found), with the compiler's messages. */
    public static class CompileException extends RuntimeException {
        private final List<String> messages;

        public CompileException(String folder, List<String> messages) {
            super("rules in " + folder + " do not compile:\n" + String.join("\n", messages));
            this.messages = List.copyOf(messages);
        }

        public List<String> messages() {
            return messages;
        }
    }

    private RuleBases() {
    }

    /** Reads every {@code *.drl} of a directory (e.g. {@code rules/pricing}), in name order. */
    public static List<Source> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new CompileException(directory + "/", List.of("no rules directory " + directory.toAbsolutePath()));
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Source> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                sources.add(new Source(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles sources into one KieBase, or fails with every compiler error.
     * {@code folder} (like {@code dealdesk/pricing/}) is where the sources are said
     * to live, so the compiler finds package and folder in step.
     */
    public static KieBase compile(String folder, List<Source> sources) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        // each compile is its own module, so rule bases compiled at once never replace each other
        ReleaseId releaseId = services.newReleaseId("dealdesk", "rules-" + UUID.randomUUID(), "1");
        files.generateAndWritePomXML(releaseId);
        for (Source source : sources) {
            files.write("src/main/resources/" + folder + source.name(), source.text());
        }
        KieBuilder builder = services.newKieBuilder(files).buildAll();
        List<String> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(message -> message.getPath() + ":" + message.getLine() + ": " + message.getText())
                .toList();
        if (!errors.isEmpty()) {
            services.getRepository().removeKieModule(releaseId);
            throw new CompileException(folder, errors);
        }
        KieBase kieBase = services.newKieContainer(releaseId).getKieBase();
        services.getRepository().removeKieModule(releaseId);
        return kieBase;
    }
}
