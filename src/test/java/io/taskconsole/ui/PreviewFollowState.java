package io.taskconsole.ui;

import io.taskconsole.ui.editor.EditorViewModel;
import io.taskconsole.ui.preview.PreviewView;
import java.util.concurrent.Callable;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a test that waits for the preview to follow the caret reports when it times out: the caret's
 * line, the blocks, which of them are on screen and the list's size, read on the FX thread.
 */
final class PreviewFollowState {

    private PreviewFollowState() {
    }

    static Callable<String> of(PreviewView preview, EditorViewModel editor) {
        return () -> WaitForAsyncUtils.asyncFx(() -> {
            ListView<?> list = preview.listView();
            var doc = editor.selectedProperty().get();
            StringBuilder state = new StringBuilder();
            state.append("caret line ").append(doc == null ? "-" : doc.caretLineProperty().get())
                    .append(" of ").append(doc == null ? "-" : doc.name())
                    .append("; ").append(list.getItems().size()).append(" blocks")
                    .append("; list ").append(list.getWidth()).append('x').append(list.getHeight())
                    .append(list.getSkin() == null ? ", no skin" : "")
                    .append(list.getScene() == null ? ", not in a scene" : "");
            if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
                IndexedCell<?> first = flow.getFirstVisibleCell();
                IndexedCell<?> last = flow.getLastVisibleCell();
                state.append("; cells on screen ").append(first == null ? "-" : first.getIndex())
                        .append("..").append(last == null ? "-" : last.getIndex())
                        .append(", position ").append(flow.getPosition());
            }
            return state.toString();
        }).get();
    }
}
