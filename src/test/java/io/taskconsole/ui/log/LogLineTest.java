package io.taskconsole.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.helm.OutputListener;
import org.junit.jupiter.api.Test;

/** A line keeps its text once and still gives each coloured run back to the cell that draws it. */
class LogLineTest {

    @Test
    void colouredRunsComeBackInOrderWithTheirStyles() {
        LogLine line = LogLine.of(7, OutputListener.Stream.STDOUT, "ok \u001b[32mcreated\u001b[0m ConfigMap \u001b[1;31mx\u001b[0m");

        assertThat(line.plain()).isEqualTo("ok created ConfigMap x");
        assertThat(line.spans()).extracting(AnsiText.Span::text).containsExactly("ok ", "created", " ConfigMap ", "x");
        assertThat(line.spans().get(1).style().foreground()).isNotNull();
        assertThat(line.spans().get(3).style().bold()).isTrue();
        assertThat(line.spans().get(2).style()).isEqualTo(AnsiStyle.PLAIN);
        assertThat(line.numbered(8).spans()).isEqualTo(line.spans());
        assertThat(line.numbered(8).number()).isEqualTo(8);
    }

    @Test
    void aPlainOrEmptyLineIsOneRun() {
        assertThat(LogLine.of(1, OutputListener.Stream.STDERR, "plain text").spans())
                .containsExactly(new AnsiText.Span("plain text", AnsiStyle.PLAIN));
        assertThat(LogLine.of(1, OutputListener.Stream.INFO, "").spans()).containsExactly(new AnsiText.Span("", AnsiStyle.PLAIN));
        assertThat(LogLine.of(1, OutputListener.Stream.STDERR, "boom").exported()).isEqualTo("[stderr] boom");
    }
}
