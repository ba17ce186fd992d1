package dealdesk.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class ArabicShapingTest {

    @Test
    void persianLettersThatIcuLeavesUnjoinedTakeTheirContextualForms() {
        // پیام: peh initial, Farsi yeh medial, alef final, meem isolated (alef never joins forward)
        assertThat(ArabicShaping.shape("پیام")).isEqualTo("\uFB58\uFBFF\uFE8E\uFEE1");
        // چ گ ک ژ in one word: tcheh initial, gaf medial, keheh medial, jeh final
        assertThat(ArabicShaping.shape("چگکژ")).isEqualTo("\uFB7C\uFB95\uFB91\uFB8B");
    }

    @Test
    void lamFollowedByAlefBecomesTheMandatoryLigature() {
        assertThat(ArabicShaping.shape("لا")).isEqualTo("\uFEFB");
        // سلام: seen initial, lam-alef final (joined to seen), meem isolated
        assertThat(ArabicShaping.shape("سلام")).isEqualTo("\uFEB3\uFEFC\uFEE1");
    }

    @Test
    void zeroWidthNonJoinerBreaksTheJoin() {
        // می‌شود: meem initial, yeh final, ZWNJ, sheen initial, waw final, dal isolated
        assertThat(ArabicShaping.shape("می\u200Cشود")).isEqualTo("\uFEE3\uFBFD\u200C\uFEB7\uFEEE\uFEA9");
    }

    @Test
    void latinTextAndDigitsAreLeftAlone() {
        assertThat(ArabicShaping.shape("CRM Pro 2")).isEqualTo("CRM Pro 2");
        assertThat(ArabicShaping.shape("CRM نسخه ۲")).startsWith("CRM ").endsWith(" ۲");
    }

    @Test
    void shapedTextNormalisesBackToTheLetters() {
        String name = "شرکت پارس گستر ژیان";
        assertThat(Normalizer.normalize(ArabicShaping.shape(name), Normalizer.Form.NFKC)).isEqualTo(name);
    }
}
