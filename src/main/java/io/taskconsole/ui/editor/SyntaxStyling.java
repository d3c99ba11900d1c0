package io.taskconsole.ui.editor;

import io.taskconsole.markdown.Highlights;
import io.taskconsole.markdown.SyntaxStyle;
import io.taskconsole.ui.common.LatestOnly;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.animation.AnimationTimer;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.reactfx.EventStream;

/**
 * Keeps a {@link CodeArea}'s style classes in step with its Markdown. A moment after typing pauses,
 * the text is highlighted on a worker ({@link EditorViewModel#highlighting}), one run at a time with
 * only the newest waiting; a result for a text the user has typed past is dropped. What arrives is
 * applied in one {@code setStyleSpans}, and only over the part that differs from what is shown
 * (plus what was typed since), so a keystroke in a long spec restyles a few lines, not the file.
 */
final class SyntaxStyling {

    /** Long enough to skip the keystrokes of a word, short enough to feel immediate. */
    static final Duration PAUSE = Duration.ofMillis(60);

    private final CodeArea area;
    /** The area's text, from the document model where it holds the same: the area's getText() rebuilds it from every paragraph. */
    private final java.util.function.Supplier<String> text;
    private final EditorViewModel model;
    private final LatestOnly runs = LatestOnly.oneAtATime();
    private final LatestOnly windows = LatestOnly.oneAtATime();
    /** From this length on, a file opened is styled on screen first (see {@link #highlightWindowFirst}). */
    static final int WINDOW_FIRST = 64 * 1024;
    private final Map<Set<SyntaxStyle>, Collection<String>> classes = new HashMap<>();
    /** Counts the edits, so a result can tell whether it is for the text still shown. */
    private long edits;
    private Highlights shown;
    /** The edit count {@link #shown} was worked out for. */
    private long shownFor = -1;
    /** Where the text was edited since {@link #shown} was applied, in today's offsets; empty when start >= end. */
    private int editedStart = Integer.MAX_VALUE;
    private int editedEnd = -1;
    private long applied;
    /** The most characters restyled in one frame: a few milliseconds of {@code setStyleSpans}. */
    static final int CHUNK = 32 * 1024;
    private final PendingSlices pending = new PendingSlices();

    /** @param edits the area's {@code multiPlainChanges}, shared with its other listeners */
    SyntaxStyling(CodeArea area, java.util.function.Supplier<String> text, EventStream<List<PlainTextChange>> edits,
                  EditorViewModel model) {
        this.area = area;
        this.text = text;
        this.model = model;
        edits.subscribe(changes -> {
            for (PlainTextChange change : changes) {
                if (!change.isIdentity()) {
                    edited(change);
                }
            }
        });
        edits.successionEnds(PAUSE).subscribe(changes -> refresh());
        refresh();
    }

    /** How many highlightings have been applied (for tests that wait for one). */
    long applied() {
        return applied;
    }

    private void edited(PlainTextChange change) {
        edits++;
        int position = change.getPosition();
        int insertedEnd = change.getInsertionEnd();
        int removedEnd = position + change.getRemoved().length();
        if (editedEnd >= removedEnd) {
            editedEnd += change.getNetLength();
        } else if (editedEnd >= position) {
            editedEnd = insertedEnd;
        }
        editedStart = Math.min(editedStart, position);
        editedEnd = Math.max(editedEnd, insertedEnd);
    }

    private void refresh() {
        long version = edits;
        String now = text.get();
        if (now.length() > WINDOW_FIRST && (shown == null || editedEnd - editedStart > WINDOW_FIRST)) {
            highlightWindowFirst(now, version);
        }
        model.highlighting(now).ifPresent(task -> task
                .latestIn(runs)
                .onSuccess(highlights -> {
                    if (version == edits) {
                        shownFor = version;
                        apply(highlights);
                    }
                })
                .start());
    }

    /**
     * A long file with nothing styled yet (just opened), or a long text pasted or replaced: the
     * lines on screen, parsed alone, are styled first, in a few milliseconds, while the whole file's parse (hundreds of milliseconds for
     * a megabyte) runs beside it and then restyles everything. Parsed alone, a window that starts
     * inside a fenced block or a list may be styled wrong for that moment; the whole parse corrects it.
     */
    private void highlightWindowFirst(String now, long version) {
        int[] visible = visibleRange();
        int from = now.lastIndexOf('\n', visible[0] - 1) + 1;
        int newline = now.indexOf('\n', Math.min(now.length(), visible[1]));
        int to = newline < 0 ? now.length() : newline + 1;
        if (to - from >= now.length() / 2) {
            return; // not much less than the whole
        }
        String window = now.substring(from, to);
        model.highlighting(window).ifPresent(task -> task
                .latestIn(windows)
                .onSuccess(highlights -> {
                    // Only while the text is the one parsed and the whole parse of it has not landed.
                    if (version == edits && shownFor != version) {
                        area.setStyleSpans(from, spans(highlights.runs()));
                        // The whole parse restyles what changed since it was last shown; these lines
                        // may be unchanged text, styled now from a parse that could not see above them.
                        editedStart = Math.min(editedStart, from);
                        editedEnd = Math.max(editedEnd, to);
                    }
                })
                .start());
    }

    private void apply(Highlights highlights) {
        Highlights.Range changed = highlights.changedSince(shown);
        int start = changed.isEmpty() ? Integer.MAX_VALUE : changed.start();
        int end = changed.isEmpty() ? -1 : changed.end();
        if (editedStart < editedEnd) {
            start = Math.min(start, editedStart);
            end = Math.max(end, editedEnd);
        }
        start = Math.max(0, start);
        end = Math.min(end, highlights.length());
        shown = highlights;
        editedStart = Integer.MAX_VALUE;
        editedEnd = -1;
        applied++;
        pending.stop();
        if (start >= end) {
            return;
        }
        if (end - start <= CHUNK) {
            style(highlights, start, end);
            return;
        }
        // A whole file (opened, pasted, replaced): the part on screen first, the rest a slice per frame.
        int[] visible = visibleRange();
        int first = Math.max(start, visible[0]);
        int last = Math.min(end, visible[1]);
        List<int[]> slices = new ArrayList<>();
        if (first < last) {
            slices.add(new int[] {first, last});
        } else {
            first = last = start;
        }
        for (int from = start; from < first; from += CHUNK) {
            slices.add(new int[] {from, Math.min(first, from + CHUNK)});
        }
        for (int from = last; from < end; from += CHUNK) {
            slices.add(new int[] {from, Math.min(end, from + CHUNK)});
        }
        pending.start(highlights, slices);
    }

    /** Styles {@code [start, end)} of the text as {@code highlights} says; the text must be the one they were made for. */
    private void style(Highlights highlights, int start, int end) {
        area.setStyleSpans(start, spans(highlights.runsIn(new Highlights.Range(start, end))));
    }

    /** The style classes of {@code runs}, one span each, as the area takes them. */
    private StyleSpans<Collection<String>> spans(List<Highlights.Run> runs) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        for (Highlights.Run run : runs) {
            spans.add(classes.computeIfAbsent(run.styles(), SyntaxStyling::classesOf), run.length());
        }
        return spans.create();
    }

    /** The characters of the paragraphs on screen, with a screenful above and below; the caret's part before the first layout. */
    private int[] visibleRange() {
        try {
            int firstPar = area.firstVisibleParToAllParIndex();
            int lastPar = area.lastVisibleParToAllParIndex();
            int margin = Math.max(60, lastPar - firstPar);
            int from = area.getAbsolutePosition(Math.max(0, firstPar - margin), 0);
            int toPar = Math.min(area.getParagraphs().size() - 1, lastPar + margin);
            int to = area.getAbsolutePosition(toPar, area.getParagraphLength(toPar));
            return new int[] {from, to};
        } catch (RuntimeException notLaidOut) {
            int caret = area.getCaretPosition();
            return new int[] {Math.max(0, caret - CHUNK / 2), Math.min(area.getLength(), caret + CHUNK / 2)};
        }
    }

    /**
     * The slices of a long restyling still to apply, one per frame, so the window keeps drawing; an
     * edit meanwhile drops them, and the next highlighting restyles the whole text again.
     */
    private final class PendingSlices extends AnimationTimer {

        private Highlights highlights;
        private final Deque<int[]> slices = new ArrayDeque<>();
        private long version;

        void start(Highlights highlights, List<int[]> ordered) {
            this.highlights = highlights;
            this.version = edits;
            slices.clear();
            slices.addAll(ordered);
            // The part on screen now, in this frame.
            handle(0);
            if (!slices.isEmpty()) {
                start();
            }
        }

        @Override
        public void handle(long now) {
            if (version != edits) {
                // The remaining slices' offsets no longer hold; restyle everything with the next result.
                slices.clear();
                shown = null;
            }
            int[] slice = slices.poll();
            if (slice != null) {
                style(highlights, slice[0], slice[1]);
            }
            if (slices.isEmpty()) {
                stop();
            }
        }
    }

    /** {@code md-h1}, {@code md-list-marker}, …: the names console.css styles. */
    static Collection<String> classesOf(Set<SyntaxStyle> styles) {
        List<String> names = new ArrayList<>(styles.size());
        for (SyntaxStyle style : styles) {
            names.add(className(style));
        }
        names.sort(null);
        return List.copyOf(names);
    }

    static String className(SyntaxStyle style) {
        return "md-" + style.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
