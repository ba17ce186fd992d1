package dealdesk.proposal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The process-wide fonts: every file read once, as bytes and metrics, and the
 * fallback chain per style. Immutable, so shared by all rendering threads.
 */
public final class FontLibrary {
    /** Drawn for a character that no font of the chain has. */
    static final int REPLACEMENT = 0xFFFD;

    private final Map<FontStyle, List<FontFace>> chains;

    private FontLibrary(Map<FontStyle, List<FontFace>> chains) {
        this.chains = chains;
    }

    /** Reads {@code fonts.properties} and the fonts it names from a folder. */
    public static FontLibrary load(Path fontDirectory) {
        Properties chainsFile = new Properties();
        try (Reader reader = Files.newBufferedReader(fontDirectory.resolve("fonts.properties"), StandardCharsets.UTF_8)) {
            chainsFile.load(reader);
            Map<String, FontFace> faces = new HashMap<>();
            Map<FontStyle, List<FontFace>> chains = new EnumMap<>(FontStyle.class);
            for (FontStyle style : FontStyle.values()) {
                String names = chainsFile.getProperty(style.name().toLowerCase());
                if (names == null || names.isBlank()) {
                    throw new IllegalStateException("fonts.properties names no fonts for " + style.name().toLowerCase());
                }
                List<FontFace> chain = new ArrayList<>();
                for (String name : names.split(",")) {
                    String file = name.trim();
                    FontFace face = faces.get(file);
                    if (face == null) {
                        face = FontFace.read(file, Files.readAllBytes(fontDirectory.resolve(file)));
                        faces.put(file, face);
                    }
                    chain.add(face);
                }
                if (!chain.get(0).covers(REPLACEMENT) && chain.stream().noneMatch(f -> f.covers(REPLACEMENT))) {
                    throw new IllegalStateException("no font of the " + style + " chain has U+FFFD for missing characters");
                }
                chains.put(style, List.copyOf(chain));
            }
            return new FontLibrary(chains);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read proposal fonts from " + fontDirectory, e);
        }
    }

    public List<FontFace> chain(FontStyle style) {
        return chains.get(style);
    }

    /**
     * The face that draws a character: the current run's face when it has the
     * character and the character is not a letter (spaces and punctuation stay in
     * the run), else the first face of the chain that has it, else null.
     */
    FontFace faceFor(int codePoint, FontStyle style, FontFace current) {
        if (current != null && current.covers(codePoint) && !Character.isLetter(codePoint)) {
            return current;
        }
        for (FontFace face : chains.get(style)) {
            if (face.covers(codePoint)) {
                return face;
            }
        }
        return null;
    }
}
