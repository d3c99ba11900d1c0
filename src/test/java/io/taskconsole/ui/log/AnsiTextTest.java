package io.taskconsole.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnsiTextTest {

    @Test
    void colouredWordsBecomeSeparateSpansAndResetEndsTheColour() {
        List<AnsiText.Span> spans = AnsiText.parse("plain \u001b[31;1mred bold\u001b[0m back", AnsiStyle.PLAIN);

        assertThat(spans).extracting(AnsiText.Span::text).containsExactly("plain ", "red bold", " back");
        assertThat(spans.get(1).style().foreground()).isEqualTo("#cd3131");
        assertThat(spans.get(1).style().bold()).isTrue();
        assertThat(spans.get(2).style()).isEqualTo(AnsiStyle.PLAIN);
    }

    @Test
    void extendedColoursAreUnderstood() {
        assertThat(AnsiText.parse("\u001b[38;5;196mx", AnsiStyle.PLAIN).get(0).style().foreground()).isEqualTo("#ff0000");
        assertThat(AnsiText.parse("\u001b[38;2;1;2;3mx", AnsiStyle.PLAIN).get(0).style().foreground()).isEqualTo("#010203");
        assertThat(AnsiText.parse("\u001b[44mx", AnsiStyle.PLAIN).get(0).style().background()).isEqualTo("#2472c8");
    }

    @Test
    void cursorMovesTitlesAndCarriageReturnsNeverShowAsGarbage() {
        assertThat(AnsiText.plain("\u001b[2K\u001b[1Gdone\r")).isEqualTo("done");
        assertThat(AnsiText.plain("\u001b]0;title\u0007text")).isEqualTo("text");
        assertThat(AnsiText.plain("half \u001b[")).isEqualTo("half ");
    }
}
