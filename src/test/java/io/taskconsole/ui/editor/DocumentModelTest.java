package io.taskconsole.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentModelTest {

    @Test
    void theSizeMeterCountsUtf8BytesAsTheConfigMapWillHoldThem() {
        for (String text : new String[] {"", "plain ascii\n", "naïve café — “quotes”", "emoji 🚀 and 中文", "lone \ud800 surrogate"}) {
            DocumentModel doc = new DocumentModel("task.md", "");
            doc.textProperty().set(text);
            assertThat(doc.bytesProperty().get()).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void wordsAreCountedAsTheUserTypes() {
        DocumentModel doc = new DocumentModel("task.md", "# Title\n");
        doc.textProperty().set("# Title\n\nRate-limit failed logins.\n");
        assertThat(doc.wordsProperty().get()).isEqualTo(5);
        assertThat(doc.isDirty()).isTrue();
    }

    @Test
    void editsKeepTheCountsAWholeRecountWouldGive() {
        java.util.Random random = new java.util.Random(42);
        String[] pieces = {"word", " ", "\n", "é", "🚀", "\ud83d", "\ude80", "中文", "-", "AC-1", "\n\n", "x"};
        DocumentModel doc = new DocumentModel("task.md", "# Title\n\nSome text 🚀 here.\n");
        for (int i = 0; i < 2000; i++) {
            String text = doc.text();
            int position = random.nextInt(text.length() + 1);
            int removedLength = Math.min(text.length() - position, random.nextInt(4));
            StringBuilder inserted = new StringBuilder();
            for (int p = random.nextInt(3); p > 0; p--) {
                inserted.append(pieces[random.nextInt(pieces.length)]);
            }
            String removed = text.substring(position, position + removedLength);
            String now = doc.edit(position, removed, inserted.toString());
            String expected = text.substring(0, position) + inserted + text.substring(position + removedLength);
            assertThat(now).isEqualTo(expected);
            assertThat(doc.text()).isEqualTo(expected);
            assertThat(doc.wordsProperty().get()).as("words after edit %d", i).isEqualTo(DocumentModel.countWords(expected));
            assertThat(doc.bytesProperty().get()).as("bytes after edit %d", i)
                    .isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void anEditThatDoesNotFitTheTextChangesNothing() {
        DocumentModel doc = new DocumentModel("task.md", "abc");
        assertThat(doc.edit(1, "x", "y")).isNull();
        assertThat(doc.edit(5, "", "y")).isNull();
        assertThat(doc.text()).isEqualTo("abc");
        assertThat(doc.isDirty()).isFalse();
    }
}
