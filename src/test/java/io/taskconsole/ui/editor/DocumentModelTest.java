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
}
