package io.taskconsole.ui.editor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One Markdown file being edited: its text, what is on disk, and the counts the status bar shows.
 * {@link #dirty} means "typed but not yet written"; autosave clears it within seconds.
 */
public final class DocumentModel {

    private final String name;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final IntegerProperty words = new SimpleIntegerProperty(this, "words");
    private final LongProperty bytes = new SimpleLongProperty(this, "bytes");
    private final IntegerProperty caretLine = new SimpleIntegerProperty(this, "caretLine", 1);
    private final javafx.beans.property.ObjectProperty<CaretPlace> place =
            new javafx.beans.property.SimpleObjectProperty<>(this, "place", CaretPlace.START);
    private String saved;
    /** The text {@link #edit} just built, with its counts: the text listener takes them instead of recounting. */
    private String counted;
    private int countedWords;
    private long countedBytes;
    /** Disk content the user already chose to overwrite or was told about; not reported twice. */
    private String conflictSeen;

    public DocumentModel(String name, String content) {
        this.name = name;
        this.saved = content;
        text.set(content);
        recount(content);
        text.addListener((o, a, now) -> {
            dirty.set(!now.equals(saved));
            if (now == counted) {
                words.set(countedWords);
                bytes.set(countedBytes);
            } else {
                recount(now);
            }
            counted = null;
        });
    }

    public String name() {
        return name;
    }

    public StringProperty textProperty() {
        return text;
    }

    public String text() {
        return text.get();
    }

    /**
     * Applies one edit the editor made ({@code removed} replaced by {@code inserted} at
     * {@code position}) and returns the new text. The counts change by the lines the edit touched
     * alone: a keystroke in a long file must not rescan it (a word never spans a line break, nor
     * does a surrogate pair). Null, and nothing changed, when the edit does not fit this text.
     */
    public String edit(int position, String removed, String inserted) {
        String old = text.get();
        int oldEnd = position + removed.length();
        if (position < 0 || oldEnd > old.length() || !old.startsWith(removed, position)) {
            return null; // not the text this edit was made on
        }
        String now = old.substring(0, position) + inserted + old.substring(oldEnd);
        int from = old.lastIndexOf('\n', position - 1) + 1;
        int oldLineEnd = lineEnd(old, oldEnd);
        int newLineEnd = lineEnd(now, position + inserted.length());
        countedWords = words.get() - countWords(old, from, oldLineEnd) + countWords(now, from, newLineEnd);
        countedBytes = bytes.get() - utf8Length(old, from, oldLineEnd) + utf8Length(now, from, newLineEnd);
        counted = now;
        text.set(now);
        return now;
    }

    private static int lineEnd(String content, int from) {
        int end = content.indexOf('\n', from);
        return end < 0 ? content.length() : end;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyIntegerProperty wordsProperty() {
        return words;
    }

    public ReadOnlyLongProperty bytesProperty() {
        return bytes;
    }

    /** The 1-based line the caret is on; the editor view keeps it current. */
    public IntegerProperty caretLineProperty() {
        return caretLine;
    }

    /**
     * Where the caret and the view are: set from the remembered place before the editor is shown
     * (the view applies it once the text is in), then kept current by the view as the user moves.
     */
    public javafx.beans.property.ObjectProperty<CaretPlace> placeProperty() {
        return place;
    }

    /** What the file on disk holds, as far as this console knows. */
    public String saved() {
        return saved;
    }

    void markSaved(String content) {
        saved = content;
        conflictSeen = null;
        dirty.set(!text.get().equals(saved));
    }

    /** Takes the disk's content as both text and saved state. */
    void reload(String content) {
        saved = content;
        conflictSeen = null;
        text.set(content);
        dirty.set(false);
    }

    String conflictSeen() {
        return conflictSeen;
    }

    void conflictSeen(String diskContent) {
        conflictSeen = diskContent;
    }

    private void recount(String content) {
        words.set(countWords(content));
        bytes.set(utf8Length(content));
    }

    /** What {@code content.getBytes(UTF_8).length} says, without copying a big file on every keystroke. */
    static long utf8Length(String content) {
        return utf8Length(content, 0, content.length());
    }

    private static long utf8Length(String content, int from, int to) {
        long length = 0;
        for (int i = from; i < to; i++) {
            char c = content.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(content.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                length++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    static int countWords(String content) {
        return countWords(content, 0, content.length());
    }

    private static int countWords(String content, int from, int to) {
        int count = 0;
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            boolean letter = Character.isLetterOrDigit(content.charAt(i));
            if (letter && !inWord) {
                count++;
            }
            inWord = letter;
        }
        return count;
    }

    @Override
    public String toString() {
        return name;
    }
}
