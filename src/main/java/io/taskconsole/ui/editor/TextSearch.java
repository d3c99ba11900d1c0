package io.taskconsole.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the editor's find bar looks for: the query with its options, compiled once to a
 * {@link Pattern}. A plain query is quoted, so only "Regex" makes {@code .} or {@code (} special.
 */
record TextSearch(String query, boolean matchCase, boolean wholeWord, boolean regex) {

    /** One occurrence: {@code [start, end)} and, for a replace, what goes in its place. */
    record Match(int start, int end, String replacement) {
    }

    /** The pattern, or why the query is not a valid regular expression. */
    Pattern pattern() throws PatternSyntaxException {
        String body = regex ? query : Pattern.quote(query);
        if (wholeWord) {
            body = "(?<![\\p{L}\\p{N}_])(?:" + body + ")(?![\\p{L}\\p{N}_])";
        }
        int flags = Pattern.MULTILINE | (matchCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return Pattern.compile(body, flags);
    }

    /**
     * Every non-empty occurrence in {@code text}, each with {@code replacement} worked out as
     * {@link Matcher#appendReplacement} would ({@code $1} names a group when "Regex" is on; a plain
     * replacement is taken literally).
     */
    List<Match> matches(CharSequence text, String replacement) {
        List<Match> found = new ArrayList<>();
        if (query.isEmpty()) {
            return found;
        }
        Matcher matcher = pattern().matcher(text);
        String literal = regex ? replacement : Matcher.quoteReplacement(replacement == null ? "" : replacement);
        StringBuilder out = new StringBuilder();
        int appended = 0;
        while (matcher.find()) {
            if (matcher.end() == matcher.start()) {
                continue;
            }
            String with = null;
            if (replacement != null) {
                int before = out.length() + (matcher.start() - appended);
                matcher.appendReplacement(out, literal);
                appended = matcher.end();
                with = out.substring(before);
            }
            found.add(new Match(matcher.start(), matcher.end(), with));
        }
        return found;
    }
}
