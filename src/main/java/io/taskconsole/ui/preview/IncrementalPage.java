package io.taskconsole.ui.preview;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.scene.web.WebEngine;
import netscape.javascript.JSObject;

/**
 * Brings the preview's page to the newest render a little at a time. WebKit parses and lays out on
 * the FX thread, so a page of a few hundred KB loaded at once freezes the window for seconds; here it
 * never gets much more than {@link #CHUNK_CHARS} of new HTML per frame (about a frame's worth of
 * work for WebKit on a slow machine). A new page is loaded with its
 * first blocks and filled in over the next frames; an edit removes and inserts only the blocks that
 * changed ({@link PreviewPatch}), which also keeps the reader's scroll position.
 *
 * <p>The scripts are fixed and take only integers; the HTML, from the app's own renderer, reaches
 * the page as a string value set on {@code window}, never as script text.
 */
final class IncrementalPage {

    private static final int CHUNK_CHARS = 4 * 1024;
    private static final int SHIFT_BATCH = 500;
    private static final String HTML_MEMBER = "taskconsoleBlocks";
    private static final String INSERT = """
            (function (at, expected) {
              var body = document.body;
              var html = window.%1$s;
              delete window.%1$s;
              if (!body || body.children.length !== expected) { return false; }
              if (at < body.children.length) { body.children[at].insertAdjacentHTML('beforebegin', html); }
              else { body.insertAdjacentHTML('beforeend', html); }
              return true;
            })(%2$d, %3$d)""";
    private static final String REMOVE = """
            (function (from, count, expected) {
              var body = document.body;
              if (!body || body.children.length !== expected) { return false; }
              for (var i = 0; i < count; i++) { body.removeChild(body.children[from]); }
              return true;
            })(%d, %d, %d)""";
    private static final String SHIFT_LINES = """
            (function (from, to, delta, expected) {
              var body = document.body;
              if (!body || body.children.length !== expected) { return false; }
              for (var k = from; k < to; k++) {
                var el = body.children[k];
                var inner = el.querySelectorAll('[data-source-line]');
                var all = [el];
                for (var j = 0; j < inner.length; j++) { all.push(inner[j]); }
                for (var m = 0; m < all.length; m++) {
                  var at = all[m].getAttribute('data-source-line');
                  if (at !== null) { all[m].setAttribute('data-source-line', String(parseInt(at, 10) + delta)); }
                }
              }
              return true;
            })(%d, %d, %d, %d)""";

    /** One change to the page; false when the page is not as expected. */
    private interface Step {
        boolean run();
    }

    private final WebEngine engine;
    private final Runnable whenComplete;
    private final Deque<Step> steps = new ArrayDeque<>();
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            advance();
        }
    };
    private long version = -1;
    private String html;
    private boolean pageStarted;

    /** {@code whenComplete} runs once the page shows a whole render (e.g. to scroll to the caret). */
    IncrementalPage(WebEngine engine, Runnable whenComplete) {
        this.engine = engine;
        this.whenComplete = whenComplete;
    }

    /** Moves the page towards {@code update}: by patching when it follows the last one, else by loading it. */
    void show(PreviewUpdate update) {
        if (update == null || update.html().isEmpty() || update.version() == version) {
            return;
        }
        boolean follows = pageStarted && update.version() == version + 1 && update.patch().isPresent();
        version = update.version();
        html = update.html();
        if (follows) {
            queuePatch(update.patch().get());
        } else {
            steps.clear();
            queueLoad(update.blocks());
        }
        pump.start();
    }

    /** Loads the latest page again in one go (e.g. after the page navigated away). */
    void reload() {
        steps.clear();
        if (html != null) {
            queueWholePage(html);
            pump.start();
        }
    }

    private void advance() {
        if (engine.getLoadWorker().isRunning()) {
            return;
        }
        Step step = steps.poll();
        if (step == null) {
            pump.stop();
            return;
        }
        boolean ok;
        try {
            ok = step.run();
        } catch (RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            reload();
        }
    }

    private void queueLoad(PageBlocks blocks) {
        pageStarted = true;
        if (blocks == null) {
            queueWholePage(html);
            return;
        }
        List<List<String>> chunks = chunks(blocks.blocks());
        String first = chunks.isEmpty() ? "" : String.join("\n", chunks.get(0));
        String page = blocks.head() + first + "\n</body>\n</html>\n";
        steps.add(() -> load(page));
        int count = chunks.isEmpty() ? 0 : chunks.get(0).size();
        for (int i = 1; i < chunks.size(); i++) {
            List<String> chunk = chunks.get(i);
            int at = count;
            steps.add(() -> insert(at, chunk, at));
            count += chunk.size();
        }
        steps.add(this::complete);
    }

    private void queueWholePage(String page) {
        steps.add(() -> load(page));
        steps.add(this::complete);
    }

    private void queuePatch(PreviewPatch patch) {
        if (patch.changesNothing()) {
            return;
        }
        int count = patch.oldCount();
        if (patch.removed() > 0) {
            int expected = count;
            steps.add(() -> script(String.format(REMOVE, patch.from(), patch.removed(), expected)));
            count -= patch.removed();
        }
        int at = patch.from();
        for (List<String> chunk : chunks(patch.inserted())) {
            int where = at;
            int expected = count;
            steps.add(() -> insert(where, chunk, expected));
            at += chunk.size();
            count += chunk.size();
        }
        if (patch.lineDelta() != 0) {
            for (int from = patch.shiftFrom(); from < patch.newCount(); from += SHIFT_BATCH) {
                String script = String.format(SHIFT_LINES, from, Math.min(patch.newCount(), from + SHIFT_BATCH),
                        patch.lineDelta(), patch.newCount());
                steps.add(() -> script(script));
            }
        }
    }

    private static List<List<String>> chunks(List<String> blocks) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int size = 0;
        for (String block : blocks) {
            if (!current.isEmpty() && size + block.length() > CHUNK_CHARS) {
                chunks.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(block);
            size += block.length();
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private boolean load(String page) {
        engine.loadContent(page, "text/html");
        return true;
    }

    private boolean insert(int at, List<String> chunk, int expected) {
        ((JSObject) engine.executeScript("window")).setMember(HTML_MEMBER, String.join("\n", chunk));
        return script(String.format(INSERT, HTML_MEMBER, at, expected));
    }

    private boolean script(String script) {
        return Boolean.TRUE.equals(engine.executeScript(script));
    }

    private boolean complete() {
        whenComplete.run();
        return true;
    }
}
