package io.taskconsole.badinput;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test as the proof of one entry of {@code docs/bad-input.md}: a bad input or fault,
 * and the exact sentence the user sees for it. The test passes what it observed to
 * {@link BadInput#shows(String)}, which compares it with {@link #shows()}; the catalogue test
 * builds the document from these annotations. So the sentence in the document is the one the
 * code says, and changing either fails a test.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BadInputCase {

    /** A short stable key, e.g. {@code yaml-alias-bomb}. */
    String id();

    /** The catalogue's section, one of {@link BadInput#AREAS}. */
    String area();

    /** The bad input or fault, in a few words. */
    String input();

    /**
     * The exact message the user sees. Parts that differ per run (temp paths, pids, ports) are
     * written as {@code <name>} placeholders, e.g. {@code <folder>/task.yaml}; each matches any text.
     */
    String shows();

    /** Where the user sees it (CLI stderr, banner, problems list, log panel...), and what is kept. */
    String outcome() default "";
}
