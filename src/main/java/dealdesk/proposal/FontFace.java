package dealdesk.proposal;

import java.io.IOException;
import java.util.Arrays;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * One TrueType font file, read once per process: its bytes (each document parses
 * its own PDType0Font from them, so no PDFont is ever shared between documents)
 * and, for measuring without a PDFont, the advance width of every covered
 * Basic Multilingual Plane character in thousandths of an em.
 */
public final class FontFace {
    private static final short MISSING = -1;

    private final String name;
    private final byte[] bytes;
    private final short[] advances;
    private final char[] glyphs;

    private FontFace(String name, byte[] bytes, short[] advances, char[] glyphs) {
        this.name = name;
        this.bytes = bytes;
        this.advances = advances;
        this.glyphs = glyphs;
    }

    public static FontFace read(String name, byte[] bytes) throws IOException {
        short[] advances = new short[0x10000];
        Arrays.fill(advances, MISSING);
        char[] glyphs = new char[0x10000];
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
            CmapLookup cmap = font.getUnicodeCmapLookup(false);
            if (cmap == null) {
                throw new IOException(name + " has no Unicode cmap");
            }
            HorizontalMetricsTable metrics = font.getHorizontalMetrics();
            float scale = 1000f / font.getUnitsPerEm();
            for (int codePoint = 0; codePoint < 0x10000; codePoint++) {
                if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
                    continue;
                }
                int glyph = cmap.getGlyphId(codePoint);
                if (glyph > 0) {
                    advances[codePoint] = (short) Math.round(metrics.getAdvanceWidth(glyph) * scale);
                    glyphs[codePoint] = (char) glyph;
                }
            }
        }
        return new FontFace(name, bytes, advances, glyphs);
    }

    public String name() {
        return name;
    }

    /** The font file; callers must not modify it. */
    byte[] bytes() {
        return bytes;
    }

    public boolean covers(int codePoint) {
        return codePoint < advances.length && advances[codePoint] != MISSING;
    }

    /** The glyph id, which is also the CID a PDType0Font loaded from these bytes uses. */
    int glyph(int codePoint) {
        return glyphs[codePoint];
    }

    /** Advance width in thousandths of an em (PDF glyph space). */
    public float advance(int codePoint) {
        return covers(codePoint) ? advances[codePoint] : 0f;
    }
}
