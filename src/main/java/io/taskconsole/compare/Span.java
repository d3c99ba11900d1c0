package io.taskconsole.compare;

/** A piece of a changed line: text, and whether it is one of the words that changed. */
public record Span(String text, boolean changed) {
}
