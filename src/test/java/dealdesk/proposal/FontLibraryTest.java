package dealdesk.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FontLibraryTest {
    private final FontLibrary fonts = FontLibrary.load(ProposalSamples.TEMPLATES.resolve("fonts"));

    @Test
    void eachScriptIsDrawnWithTheFirstFontOfTheChainThatHasIt() {
        assertThat(fonts.faceFor('ə', FontStyle.REGULAR, null).name()).isEqualTo("NotoSans-Regular.ttf");
        assertThat(fonts.faceFor('ő', FontStyle.BOLD, null).name()).isEqualTo("NotoSans-Bold.ttf");
        assertThat(fonts.faceFor(0xFB58, FontStyle.REGULAR, null).name()).isEqualTo("NotoNaskhArabic-Regular.ttf");
        assertThat(fonts.faceFor('۳', FontStyle.BOLD, null).name()).isEqualTo("NotoNaskhArabic-Bold.ttf");
        assertThat(fonts.faceFor('製', FontStyle.REGULAR, null).name()).isEqualTo("VL-Gothic-Regular.ttf");
        assertThat(fonts.faceFor('製', FontStyle.BOLD, null).name()).isEqualTo("VL-Gothic-Regular.ttf");
    }

    @Test
    void aSpaceStaysInTheFontOfTheRunItIsIn() {
        FontFace arabic = fonts.faceFor(0xFB58, FontStyle.REGULAR, null);

        assertThat(fonts.faceFor(' ', FontStyle.REGULAR, arabic)).isSameAs(arabic);
        assertThat(fonts.faceFor(' ', FontStyle.REGULAR, null).name()).isEqualTo("NotoSans-Regular.ttf");
    }

    @Test
    void aCharacterNoFontHasFindsNoFace() {
        assertThat(fonts.faceFor(0x1F600, FontStyle.REGULAR, null)).isNull();
        assertThat(fonts.faceFor(0x13A0, FontStyle.REGULAR, null)).isNull();
        assertThat(fonts.faceFor(FontLibrary.REPLACEMENT, FontStyle.REGULAR, null)).isNotNull();
    }
}
