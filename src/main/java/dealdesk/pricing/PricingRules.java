package dealdesk.pricing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;

/** Compiles the pricing DRL into the one KieBase that all pricing sessions share. */
public final class PricingRules {
    private PricingRules() {
    }

    /** Reads every {@code *.drl} of a directory (e.g. {@code rules/pricing}), in name order. */
    public static List<RuleSource> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RulesCompileException(List.of("no pricing rules directory " + directory.toAbsolutePath()));
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<RuleSource> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                sources.add(new RuleSource(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KieBase load(Path directory) {
        return compile(read(directory));
    }

    /** Compiles DRL sources; any error throws with the compiler's messages. */
    public static KieBase compile(List<RuleSource> sources) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        for (RuleSource source : sources) {
            files.write("src/main/resources/dealdesk/pricing/" + source.name(), source.text());
        }
        KieBuilder builder = services.newKieBuilder(files).buildAll();
        List<String> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(message -> message.getPath() + ":" + message.getLine() + ": " + message.getText())
                .toList();
        if (!errors.isEmpty()) {
            throw new RulesCompileException(errors);
        }
        KieContainer container = services.newKieContainer(builder.getKieModule().getReleaseId());
        return container.getKieBase();
    }
}
