package dealdesk.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProposalTemplatesTest {

    @Test
    void theShippedTemplatesAndLanguagesLoad() {
        ProposalTemplates templates = ProposalTemplates.load(ProposalSamples.TEMPLATES);

        assertThat(templates.template("default").has("cover")).isTrue();
        assertThat(templates.template("compact").has("cover")).isFalse();
        assertThat(templates.locales()).contains("en", "tr", "hu", "az", "ja", "fa");
        assertThat(templates.messages("fa-IR").get("title")).isEqualTo("پیشنهاد قیمت");
    }

    @Test
    void aKeyMissingFromALanguageFallsBackToEnglish(@TempDir Path directory) throws IOException {
        writeTemplate(directory, "sections: [lines]");
        Files.writeString(directory.resolve("messages_en.properties"), "title=Proposal\nwatermark=DRAFT\n");
        Files.writeString(directory.resolve("messages_de.properties"), "title=Angebot\n");

        Messages german = ProposalTemplates.load(directory).messages("de");

        assertThat(german.get("title")).isEqualTo("Angebot");
        assertThat(german.get("watermark")).isEqualTo("DRAFT");
    }

    @Test
    void anUnknownSectionStopsStartUpNamingIt(@TempDir Path directory) throws IOException {
        writeTemplate(directory, "sections: [cover, pricing]");
        Files.writeString(directory.resolve("messages_en.properties"), "title=Proposal\n");

        assertThatThrownBy(() -> ProposalTemplates.load(directory))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown section pricing");
    }

    @Test
    void aMisspelledSettingStopsStartUpNamingIt(@TempDir Path directory) throws IOException {
        writeTemplate(directory, "sections: [lines]\ncolour: red");
        Files.writeString(directory.resolve("messages_en.properties"), "title=Proposal\n");

        assertThatThrownBy(() -> ProposalTemplates.load(directory))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("colour");
    }

    private static void writeTemplate(Path directory, String extra) throws IOException {
        Path folder = Files.createDirectories(directory.resolve("plain"));
        Files.writeString(folder.resolve("template.yaml"), """
                page: { size: A4, margins: { top: 50, right: 40, bottom: 50, left: 40 } }
                brand: { company: Acme, primary: "#000000", accent: "#EEEEEE", text: "#111111", muted: "#777777", watermark: "#CC0000" }
                fontSizes: { title: 20, heading: 12, body: 9, small: 7, watermark: 90 }
                """ + extra + "\n");
    }
}
