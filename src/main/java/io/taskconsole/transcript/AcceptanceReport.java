package io.taskconsole.transcript;

import io.taskconsole.submit.PromptTemplate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the agent says it achieved, criterion by criterion: the {@code acceptance-report} block the
 * default prompt asks it to end with (format in docs/acceptance-report.md), read from its final result.
 *
 * <p>Three outcomes, and a face says which: {@link State#PARSED}, {@link State#MALFORMED} (a block was
 * there but a line of it does not read; {@link #problem} says which and why) and {@link State#ABSENT}.
 * Both of the last two are "no report": a half-read report would claim less, or more, than the agent said.
 *
 * @param verdicts   in the order the agent wrote them (empty unless parsed)
 * @param unknownIds ids the agent reported that are not among the criteria it was checked against
 * @param unreported criteria ids the report leaves out
 * @param known      the criteria ids compared against, in their order (empty: none given)
 */
public record AcceptanceReport(State state, List<Verdict> verdicts, List<String> unknownIds, List<String> unreported,
                               List<String> known, String problem) {

    /** The info string of the fenced block the agent writes. */
    public static final String FENCE_INFO = PromptTemplate.REPORT_FENCE;

    private static final Pattern OPENING = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*" + FENCE_INFO + "\\s*$");
    private static final Pattern LINE = Pattern.compile(
            "^\\s*[-*]?\\s*(AC-\\d+(?:\\.\\d+)*)\\s*:\\s*(met|not met|partial)\\b\\s*(?:[-–—:]\\s*(.*))?$",
            Pattern.CASE_INSENSITIVE);

    public AcceptanceReport {
        verdicts = List.copyOf(verdicts);
        unknownIds = List.copyOf(unknownIds);
        unreported = List.copyOf(unreported);
        known = List.copyOf(known);
    }

    public enum State { PARSED, MALFORMED, ABSENT }

    /** The three words the agent may use, with the mark faces show. */
    public enum Status {
        MET("met", "✓"), NOT_MET("not met", "✗"), PARTIAL("partial", "◐");

        private final String word;
        private final String mark;

        Status(String word, String mark) {
            this.word = word;
            this.mark = mark;
        }

        public String word() {
            return word;
        }

        public String mark() {
            return mark;
        }

        static Status of(String word) {
            String w = word.toLowerCase(Locale.ROOT);
            for (Status s : values()) {
                if (s.word.equals(w)) {
                    return s;
                }
            }
            throw new IllegalArgumentException(word);
        }
    }

    /** One criterion as the agent judged it, with its line of evidence ({@code ""} when it gave none). */
    public record Verdict(String id, Status status, String evidence) {
    }

    /**
     * The report in {@code resultText} (the final {@code result} event's text), checked against the
     * criteria ids the attempt had ({@code known}; empty when they are not known). The last block
     * counts: the agent may quote the format before it reports.
     */
    public static AcceptanceReport parse(String resultText, Collection<String> known) {
        List<String> knownIds = List.copyOf(new LinkedHashSet<>(known));
        if (resultText == null) {
            return absent(knownIds);
        }
        List<String> lines = resultText.lines().toList();
        int open = -1;
        String fence = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = OPENING.matcher(lines.get(i));
            if (m.matches()) {
                open = i;
                fence = m.group(1);
            }
        }
        if (open < 0) {
            return absent(knownIds);
        }
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (int i = open + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            if (closes(stripped, fence)) {
                return verdicts.isEmpty() && !knownIds.isEmpty()
                        ? malformed(knownIds, "the " + FENCE_INFO + " block is empty")
                        : parsed(verdicts, knownIds);
            }
            if (stripped.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            int number = i - open;
            if (!m.matches()) {
                return malformed(knownIds, "line " + number + " of the report, '" + cut(stripped)
                        + "', is not 'AC-n: met|not met|partial - evidence'");
            }
            String id = m.group(1).toUpperCase(Locale.ROOT);
            Verdict verdict = new Verdict(id, Status.of(m.group(2)), m.group(3) == null ? "" : m.group(3).strip());
            if (verdicts.putIfAbsent(id, verdict) != null) {
                return malformed(knownIds, id + " is reported twice (line " + number + " of the report)");
            }
        }
        return malformed(knownIds, "the " + FENCE_INFO + " block is not closed with " + fence);
    }

    /** A closing fence: the opening's character only, at least as many (CommonMark's rule). */
    private static boolean closes(String line, String fence) {
        return line.length() >= fence.length() && line.chars().allMatch(c -> c == fence.charAt(0));
    }

    private static AcceptanceReport parsed(Map<String, Verdict> verdicts, List<String> known) {
        List<String> unknown = known.isEmpty() ? List.of()
                : verdicts.keySet().stream().filter(id -> !known.contains(id)).toList();
        List<String> unreported = known.stream().filter(id -> !verdicts.containsKey(id)).toList();
        return new AcceptanceReport(State.PARSED, new ArrayList<>(verdicts.values()), unknown, unreported, known, null);
    }

    private static AcceptanceReport malformed(List<String> known, String problem) {
        return new AcceptanceReport(State.MALFORMED, List.of(), List.of(), List.of(), known, problem);
    }

    private static AcceptanceReport absent(List<String> known) {
        return new AcceptanceReport(State.ABSENT, List.of(), List.of(), List.of(), known, null);
    }

    private static String cut(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    public boolean parsed() {
        return state == State.PARSED;
    }

    /** What the agent said of {@code id}, if it reported it. */
    public Optional<Verdict> verdict(String id) {
        return verdicts.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** The criteria it calls met, counting only known ones when the criteria are known. */
    public long met() {
        Set<String> counted = known.isEmpty() ? null : Set.copyOf(known);
        return verdicts.stream().filter(v -> v.status() == Status.MET)
                .filter(v -> counted == null || counted.contains(v.id())).count();
    }

    /** Out of how many: the known criteria, else the ids reported. */
    public int outOf() {
        return known.isEmpty() ? verdicts.size() : known.size();
    }

    /** "5/7 met", or "no report" when there is none or it does not read. */
    public String count() {
        return parsed() ? met() + "/" + outOf() + " met" : "no report";
    }

    /** One line for a face: the count, with what did not fit; or why there is no report. */
    public String describe() {
        switch (state) {
            case ABSENT:
                return "no report: the agent's final message has no " + FENCE_INFO + " block";
            case MALFORMED:
                return "no report: " + problem;
            default:
                StringBuilder s = new StringBuilder(count());
                if (!unknownIds.isEmpty()) {
                    s.append("; unknown ").append(unknownIds.size() == 1 ? "id " : "ids ").append(String.join(", ", unknownIds));
                }
                if (!unreported.isEmpty()) {
                    s.append("; not reported: ").append(String.join(", ", unreported));
                }
                return s.toString();
        }
    }
}
