package dealdesk.proposal;

import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text for one document: measures, wraps and draws strings in any script.
 * Arabic-script text is shaped, every line is put in visual order with the
 * Unicode bidirectional algorithm, and each character is drawn with the first
 * font of the chain that has it (U+FFFD when none has). Glyphs are written one
 * per character, so no ligature hides characters from text extraction, and
 * each font is loaded into this document only when first drawn, as a subset.
 * Not thread-safe: one per document.
 */
public final class DocumentText {
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final PDDocument document;
    private final FontLibrary fonts;
    private final boolean rightToLeft;
    private final Map<FontFace, PDType0Font> loaded = new IdentityHashMap<>();

    public DocumentText(PDDocument document, FontLibrary fonts, boolean rightToLeft) {
        this.document = document;
        this.fonts = fonts;
        this.rightToLeft = rightToLeft;
    }

    boolean rightToLeft() {
        return rightToLeft;
    }

    /** Width in points of one line of logical text. */
    public float width(String text, FontStyle style, float size) {
        String shaped = ArabicShaping.shape(text);
        float width = 0;
        FontFace current = null;
        for (int i = 0; i < shaped.length(); ) {
            int codePoint = shaped.codePointAt(i);
            i += Character.charCount(codePoint);
            Glyph glyph = resolve(codePoint, style, current);
            if (glyph != null) {
                width += glyph.face.advance(glyph.codePoint);
                current = glyph.face;
            }
        }
        return width * size / 1000f;
    }

    /**
     * Breaks text into lines no wider than maxWidth: at spaces, and inside a word
     * too long for a line (Japanese has no spaces) between characters.
     */
    public List<String> wrap(String text, FontStyle style, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            wrapParagraph(paragraph, style, size, maxWidth, lines);
        }
        return lines;
    }

    private void wrapParagraph(String paragraph, FontStyle style, float size, float maxWidth, List<String> lines) {
        if (width(paragraph, style, size) <= maxWidth) {
            lines.add(paragraph);
            return;
        }
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, style, size) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (width(word, style, size) <= maxWidth) {
                line.append(word);
                continue;
            }
            for (String piece : word.split("(?<=-)")) {
                breakWord(piece, style, size, maxWidth, line, lines);
            }
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
    }

    /** Appends a word (or a piece of one, after a hyphen) to the line, breaking between characters when needed. */
    private void breakWord(String word, FontStyle style, float size, float maxWidth, StringBuilder line, List<String> lines) {
        if (line.length() > 0 && width(line + word, style, size) > maxWidth) {
            lines.add(line.toString());
            line.setLength(0);
        }
        if (width(line + word, style, size) <= maxWidth) {
            line.append(word);
            return;
        }
        for (int i = 0; i < word.length(); ) {
            int codePoint = word.codePointAt(i);
            i += Character.charCount(codePoint);
            String next = new StringBuilder(line).appendCodePoint(codePoint).toString();
            if (line.length() > 0 && width(next, style, size) > maxWidth) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.appendCodePoint(codePoint);
        }
    }

    /** Draws one line of logical text with its left edge at x and its baseline at y. */
    public void draw(PDPageContentStream content, String text, float x, float y, FontStyle style, float size) {
        String visual = visualOrder(ArabicShaping.shape(text));
        if (visual.isEmpty()) {
            return;
        }
        try {
            content.beginText();
            content.newLineAtOffset(x, y);
            FontFace runFace = null;
            StringBuilder run = new StringBuilder();
            List<Integer> runCodePoints = new ArrayList<>();
            for (int i = 0; i < visual.length(); ) {
                int codePoint = visual.codePointAt(i);
                i += Character.charCount(codePoint);
                Glyph glyph = resolve(codePoint, style, runFace);
                if (glyph == null) {
                    continue;
                }
                if (glyph.face != runFace) {
                    showRun(content, runFace, run, runCodePoints, size);
                    runFace = glyph.face;
                }
                int id = glyph.face.glyph(glyph.codePoint);
                run.append(HEX[id >> 12 & 0xF]).append(HEX[id >> 8 & 0xF]).append(HEX[id >> 4 & 0xF]).append(HEX[id & 0xF]);
                runCodePoints.add(glyph.codePoint);
            }
            showRun(content, runFace, run, runCodePoints, size);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void showRun(PDPageContentStream content, FontFace face, StringBuilder run, List<Integer> codePoints,
            float size) throws IOException {
        if (face == null || run.length() == 0) {
            return;
        }
        PDType0Font font = font(face);
        for (int codePoint : codePoints) {
            font.addToSubset(codePoint);
        }
        content.setFont(font, size);
        content.appendRawCommands("<" + run + "> Tj\n");
        run.setLength(0);
        codePoints.clear();
    }

    private PDType0Font font(FontFace face) throws IOException {
        PDType0Font font = loaded.get(face);
        if (font == null) {
            font = PDType0Font.load(document, new RandomAccessReadBuffer(face.bytes()), true, false);
            loaded.put(face, font);
        }
        return font;
    }

    /** The line in the order its glyphs are drawn, left to right. */
    String visualOrder(String shaped) {
        if (!rightToLeft && !hasRightToLeft(shaped)) {
            return shaped;
        }
        Bidi bidi = new Bidi();
        // A right-to-left document sets every line's direction (as dir="rtl" does), whatever its first letter:
        // neutral punctuation at either end of a Latin name ("Dealdesk Inc.") then sits on the side the reader ends.
        bidi.setPara(shaped, rightToLeft ? Bidi.RTL : Bidi.LEVEL_DEFAULT_LTR, null);
        return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS | Bidi.KEEP_BASE_COMBINING);
    }

    private static boolean hasRightToLeft(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The face and character that draw a character: a presentation form no font has
     * falls back to its letter, an invisible format character is dropped (null), and
     * anything else no font has becomes U+FFFD.
     */
    private Glyph resolve(int codePoint, FontStyle style, FontFace current) {
        FontFace face = fonts.faceFor(codePoint, style, current);
        if (face != null) {
            return new Glyph(face, codePoint);
        }
        if ((codePoint >= 0xFB50 && codePoint <= 0xFDFF) || (codePoint >= 0xFE70 && codePoint <= 0xFEFF)) {
            String letters = NFKC.normalize(new String(Character.toChars(codePoint)));
            int letter = letters.codePointAt(0);
            if (letter != codePoint && letters.length() == Character.charCount(letter)) {
                return resolve(letter, style, current);
            }
        }
        int type = Character.getType(codePoint);
        if (type == Character.FORMAT || type == Character.CONTROL) {
            return null;
        }
        return new Glyph(fonts.faceFor(FontLibrary.REPLACEMENT, style, null), FontLibrary.REPLACEMENT);
    }

    private record Glyph(FontFace face, int codePoint) {
    }
}
