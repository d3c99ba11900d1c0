package io.taskconsole.submit;

/**
 * One thing wrong with a task before submission, shown inline where it is.
 *
 * @param where the file or field, e.g. {@code task.md} or {@code service}
 * @param what  what is wrong
 * @param fix   how to fix it
 */
public record Problem(String where, String what, String fix) {

    public String oneLine() {
        return where + ": " + what + (fix == null || fix.isBlank() ? "" : ". " + fix);
    }
}
