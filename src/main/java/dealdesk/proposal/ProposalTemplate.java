package dealdesk.proposal;

import java.awt.Color;
import java.util.List;
import java.util.Set;

/**
 * A proposal's layout and branding, read from {@code templates/proposal/<name>/template.yaml}
 * so that someone who is not a programmer can change it. Sizes are in points (72 to the inch).
 */
public record ProposalTemplate(String name, Page page, Brand brand, FontSizes fontSizes, List<String> sections,
        String termsKey, byte[] logo) {

    static final Set<String> SECTIONS = Set.of("cover", "customer", "lines", "totals", "terms", "signature");

    public boolean has(String section) {
        return sections.contains(section);
    }

    /** size is A4 or LETTER. */
    public record Page(String size, Margins margins) {
    }

    public record Margins(float top, float right, float bottom, float left) {
    }

    /** Colours are #RRGGBB; logo is a PNG path relative to templates/proposal/. */
    public record Brand(String company, String logo, String primary, String accent, String text, String muted,
            String watermark) {

        Color primaryColor() {
            return Color.decode(primary);
        }

        Color accentColor() {
            return Color.decode(accent);
        }

        Color textColor() {
            return Color.decode(text);
        }

        Color mutedColor() {
            return Color.decode(muted);
        }

        Color watermarkColor() {
            return Color.decode(watermark);
        }
    }

    public record FontSizes(float title, float heading, float body, float small, float watermark) {
    }
}
