package io.taskconsole.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordCountTest {

    @Test
    void countsWordsNotMarkup() {
        assertThat(WordCount.of("# Title\n\n- [ ] **Bold** _text_, don't re-count it!\n")).isEqualTo(6);
    }

    @Test
    void countsNumbersUnicodeAndIdeographs() {
        assertThat(WordCount.of("Größe 42 café")).isEqualTo(3);
        assertThat(WordCount.of("任务 done")).isEqualTo(3);
    }

    @Test
    void emptyTextHasNoWords() {
        assertThat(WordCount.of("")).isZero();
        assertThat(WordCount.of(" \n--- *** \n")).isZero();
    }
}
