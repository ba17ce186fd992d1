package dealdesk.proposal;

import java.util.HashMap;
import java.util.Map;

/**
 * Contextual shaping of Arabic-script text (Arabic, Persian, Urdu) into the
 * presentation forms of Unicode blocks FB50-FDFF (A) and FE70-FEFF (B), in
 * logical order. ICU4J's ArabicShaping knows only block B and leaves the
 * Persian letters پ چ ژ گ ک ی unjoined; this table covers both blocks.
 * The fonts map the presentation forms in their cmap, and text extraction
 * returns them, which NFKC normalisation turns back into the letters.
 */
final class ArabicShaping {
    private static final int ISOLATED = 0;
    private static final int FINAL = 1;
    private static final int INITIAL = 2;
    private static final int MEDIAL = 3;

    /** letter -> {isolated, final, initial, medial}; 0 where the letter has no such form. */
    private static final Map<Integer, int[]> FORMS = new HashMap<>();
    private static final int TATWEEL = 0x0640;
    private static final int ZWJ = 0x200D;
    private static final int LAM = 0x0644;

    static {
        // block B: dual-joining letters have four forms, right-joining ones two
        dual(0x0626, 0xFE89);
        right(0x0622, 0xFE81);
        right(0x0623, 0xFE83);
        right(0x0624, 0xFE85);
        right(0x0625, 0xFE87);
        right(0x0627, 0xFE8D);
        dual(0x0628, 0xFE8F);
        right(0x0629, 0xFE93);
        for (int letter = 0x062A, form = 0xFE95; letter <= 0x062E; letter++, form += 4) {
            dual(letter, form); // teh theh jeem hah khah
        }
        right(0x062F, 0xFEA9);
        right(0x0630, 0xFEAB);
        right(0x0631, 0xFEAD);
        right(0x0632, 0xFEAF);
        for (int letter = 0x0633, form = 0xFEB1; letter <= 0x063A; letter++, form += 4) {
            dual(letter, form); // seen sheen sad dad tah zah ain ghain
        }
        for (int letter = 0x0641, form = 0xFED1; letter <= 0x0647; letter++, form += 4) {
            dual(letter, form); // feh qaf kaf lam meem noon heh
        }
        right(0x0648, 0xFEED);
        FORMS.put(0x0649, new int[] {0xFEEF, 0xFEF0, 0xFBE8, 0xFBE9}); // alef maksura
        dual(0x064A, 0xFEF1);
        // block A: Persian and Urdu letters
        right(0x0671, 0xFB50); // alef wasla
        dual(0x0679, 0xFB66); // tteh
        dual(0x067A, 0xFB5E);
        dual(0x067B, 0xFB52);
        dual(0x067E, 0xFB56); // peh
        dual(0x067F, 0xFB62);
        dual(0x0680, 0xFB5A);
        dual(0x0683, 0xFB76);
        dual(0x0684, 0xFB72);
        dual(0x0686, 0xFB7A); // tcheh
        dual(0x0687, 0xFB7E);
        right(0x0688, 0xFB88);
        right(0x068C, 0xFB84);
        right(0x068D, 0xFB82);
        right(0x068E, 0xFB86);
        right(0x0691, 0xFB8C);
        right(0x0698, 0xFB8A); // jeh
        dual(0x06A4, 0xFB6A);
        dual(0x06A6, 0xFB6E);
        dual(0x06A9, 0xFB8E); // keheh (Persian kaf)
        dual(0x06AD, 0xFBD3);
        dual(0x06AF, 0xFB92); // gaf
        dual(0x06B1, 0xFB9A);
        dual(0x06B3, 0xFB96);
        right(0x06BA, 0xFB9E);
        dual(0x06BB, 0xFBA0);
        dual(0x06BE, 0xFBAA);
        right(0x06C0, 0xFBA4);
        dual(0x06C1, 0xFBA6);
        right(0x06C5, 0xFBE0);
        right(0x06C6, 0xFBD9);
        right(0x06C7, 0xFBD7);
        right(0x06C8, 0xFBDB);
        right(0x06C9, 0xFBE2);
        right(0x06CB, 0xFBDE);
        dual(0x06CC, 0xFBFC); // Farsi yeh
        dual(0x06D0, 0xFBE4);
        right(0x06D2, 0xFBAE);
        right(0x06D3, 0xFBB0);
    }

    private static void dual(int letter, int isolated) {
        FORMS.put(letter, new int[] {isolated, isolated + 1, isolated + 2, isolated + 3});
    }

    private static void right(int letter, int isolated) {
        FORMS.put(letter, new int[] {isolated, isolated + 1, 0, 0});
    }

    private ArabicShaping() {
    }

    static boolean needsShaping(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x0600 && c <= 0x06FF) {
                return true;
            }
        }
        return false;
    }

    /** Text in logical order with every joining letter replaced by its contextual form. */
    static String shape(String text) {
        if (!needsShaping(text)) {
            return text;
        }
        int[] chars = text.codePoints().toArray();
        StringBuilder shaped = new StringBuilder(text.length());
        for (int i = 0; i < chars.length; i++) {
            int current = chars[i];
            int[] forms = FORMS.get(current);
            if (forms == null) {
                shaped.appendCodePoint(current);
                continue;
            }
            int previous = neighbour(chars, i, -1);
            int next = neighbour(chars, i, +1);
            boolean joinsBefore = previous >= 0 && joinsForward(chars[previous]);
            if (current == LAM && next >= 0 && lamAlef(chars[next]) != 0) {
                // lam followed by an alef is one mandatory ligature, right-joining
                int ligature = lamAlef(chars[next]);
                shaped.appendCodePoint(joinsBefore ? ligature + 1 : ligature);
                for (int mark = i + 1; mark < next; mark++) {
                    shaped.appendCodePoint(chars[mark]);
                }
                i = next;
                continue;
            }
            boolean joinsAfter = forms[INITIAL] != 0 && next >= 0 && joinsBackward(chars[next]);
            int form;
            if (joinsBefore && joinsAfter) {
                form = MEDIAL;
            } else if (joinsBefore) {
                form = FINAL;
            } else if (joinsAfter) {
                form = INITIAL;
            } else {
                form = ISOLATED;
            }
            shaped.appendCodePoint(forms[form]);
        }
        return shaped.toString();
    }

    /** The index of the nearest character before (-1) or after (+1) that is not a transparent mark, or -1. */
    private static int neighbour(int[] chars, int index, int direction) {
        for (int i = index + direction; i >= 0 && i < chars.length; i += direction) {
            if (!isTransparent(chars[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean joinsForward(int c) {
        int[] forms = FORMS.get(c);
        return (forms != null && forms[INITIAL] != 0) || c == TATWEEL || c == ZWJ;
    }

    private static boolean joinsBackward(int c) {
        return FORMS.containsKey(c) || c == TATWEEL || c == ZWJ;
    }

    private static boolean isTransparent(int c) {
        return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06DC)
                || (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 || c == 0x06E8 || (c >= 0x06EA && c <= 0x06ED);
    }

    private static int lamAlef(int c) {
        return switch (c) {
            case 0x0622 -> 0xFEF5;
            case 0x0623 -> 0xFEF7;
            case 0x0625 -> 0xFEF9;
            case 0x0627 -> 0xFEFB;
            default -> 0;
        };
    }
}
