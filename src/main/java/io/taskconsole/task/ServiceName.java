package io.taskconsole.task;

import io.taskconsole.TaskConsoleException;
import java.util.regex.Pattern;

/**
 * The microservice an agent works on. It becomes part of resource names and label values, so it
 * must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter
 * or digit, at most 63 characters.
 */
public record ServiceName(String value) {

    public static final int MAX_LENGTH = 63;
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    public ServiceName {
        if (value == null || !isValid(value)) {
            throw invalid(value);
        }
    }

    public static ServiceName parse(String text) {
        return new ServiceName(text == null ? null : text.strip());
    }

    public static boolean isValid(String text) {
        return text != null && text.length() <= MAX_LENGTH && DNS_1123_LABEL.matcher(text).matches();
    }

    /** The closest valid name, e.g. {@code Auth_Service} gives {@code auth-service}. */
    public static String suggest(String text) {
        if (text == null) {
            return "my-service";
        }
        String s = AsciiNames.slug(text.strip());
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "my-service" : s;
    }

    private static TaskConsoleException invalid(String value) {
        String shown = value == null ? "" : value;
        String why = shown.isEmpty() ? "is empty"
                : shown.length() > MAX_LENGTH ? "is longer than " + MAX_LENGTH + " characters"
                : "is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit)";
        return TaskConsoleException.badInput(
                "Service name '" + shown + "' " + why,
                "Use '" + suggest(shown) + "' instead.");
    }

    @Override
    public String toString() {
        return value;
    }
}
