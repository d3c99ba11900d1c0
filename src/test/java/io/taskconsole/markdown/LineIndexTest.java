package io.taskconsole.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineIndexTest {

    @Test
    void everyKindOfLineEndEndsOneLine() {
        LineIndex lines = LineIndex.of("a\nb\r\nc\rd");

        assertThat(lines.lineOf(0)).isEqualTo(1);
        assertThat(lines.lineOf(1)).isEqualTo(1);
        assertThat(lines.lineOf(2)).isEqualTo(2);
        assertThat(lines.lineOf(4)).isEqualTo(2);
        assertThat(lines.lineOf(5)).isEqualTo(3);
        assertThat(lines.lineOf(7)).isEqualTo(4);
    }

    @Test
    void offsetsOutsideTheTextAreClamped() {
        LineIndex lines = LineIndex.of("a\nb\n");

        assertThat(lines.lineOf(-5)).isEqualTo(1);
        assertThat(lines.lineOf(99)).isEqualTo(3);
    }

    @Test
    void manyLines() {
        LineIndex lines = LineIndex.of("x\n".repeat(100_000));

        assertThat(lines.lineOf(2 * 76_543)).isEqualTo(76_544);
    }
}
