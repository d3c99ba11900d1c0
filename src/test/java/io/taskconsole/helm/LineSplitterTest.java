package io.taskconsole.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    private static List<String> split(int cap, byte[] bytes) throws IOException {
        List<String> lines = new ArrayList<>();
        new LineSplitter(cap).split(new ByteArrayInputStream(bytes), lines::add);
        return lines;
    }

    @Test
    void splitsOnNewlinesKeepsEmptyLinesAndDropsCarriageReturns() throws IOException {
        assertThat(split(100, "a\r\n\nb\nc".getBytes(StandardCharsets.UTF_8))).containsExactly("a", "", "b", "c");
    }

    @Test
    void nothingInMeansNoLines() throws IOException {
        assertThat(split(100, new byte[0])).isEmpty();
    }

    @Test
    void keepsMultiByteCharactersWhole() throws IOException {
        assertThat(split(100, "größe: 5 €\n".getBytes(StandardCharsets.UTF_8))).containsExactly("größe: 5 €");
    }

    @Test
    void cutsALineLongerThanTheCapAndCarriesOnWithTheNext() throws IOException {
        List<String> lines = split(4, "abcdefgh\nij\n".getBytes(StandardCharsets.UTF_8));

        assertThat(lines).containsExactly("abcd … [line cut: 8 bytes, showing the first 4]", "ij");
    }
}
