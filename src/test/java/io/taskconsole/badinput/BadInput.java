package io.taskconsole.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The assertion behind every {@link BadInputCase}: what the user saw is what the catalogue says. */
public final class BadInput {

    /** The catalogue's sections, in the document's order. */
    public static final List<String> AREAS = List.of("Names", "Encodings", "Sizes", "task.yaml", "Kubeconfig",
            "Cluster", "helm", "Orchestrator", "Local faults");

    private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z][a-z0-9 '-]*>");

    private BadInput() {
    }

    /**
     * Asserts that {@code observed} is the message the calling test's {@link BadInputCase#shows()}
     * documents, placeholders aside. Call it from the annotated test method itself (or a lambda in it).
     */
    public static void shows(String observed) {
        BadInputCase documented = callingCase().orElseThrow(() -> new AssertionError(
                "BadInput.shows must be called from a test method annotated with @BadInputCase"));
        assertThat(observed).as("the message of bad-input case '%s'", documented.id())
                .matches(pattern(documented.shows()));
    }

    /** The one line a user sees for the error {@code call} throws (CLI stderr, the app's banner). */
    public static String messageOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        io.taskconsole.TaskConsoleException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.taskconsole.TaskConsoleException.class, call);
        assertThat(e).as("a TaskConsoleException").isNotNull();
        return e.oneLine();
    }

    /** The regular expression a documented message stands for. */
    static Pattern pattern(String shows) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(shows);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(shows.substring(last, m.start()))).append(".*?");
            last = m.end();
        }
        regex.append(Pattern.quote(shows.substring(last)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static Optional<BadInputCase> callingCase() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .map(f -> annotation(f.getDeclaringClass(), f.getMethodName()))
                .flatMap(Optional::stream)
                .findFirst());
    }

    private static Optional<BadInputCase> annotation(Class<?> type, String methodName) {
        String name = methodName.startsWith("lambda$") ? methodName.split("\\$")[1] : methodName;
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && method.isAnnotationPresent(BadInputCase.class)) {
                return Optional.of(method.getAnnotation(BadInputCase.class));
            }
        }
        return Optional.empty();
    }
}
