package io.taskconsole.markdown;

import java.util.Locale;
import java.util.Set;

/**
 * Which URLs the preview may keep. Links are rendered inert anyway, so the policy only decides
 * whether the target is worth showing; images are the only thing a page would load, and only
 * inline {@code data:image/...} sources are allowed, matching the page's Content-Security-Policy.
 */
final class UrlPolicy {

    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");

    private UrlPolicy() {
    }

    /** True when a link to {@code url} may be shown as a link target; false for script-like or unknown schemes. */
    static boolean isShowableLink(String url) {
        String scheme = scheme(url);
        return scheme.isEmpty() || LINK_SCHEMES.contains(scheme);
    }

    /** True only for inline image data, which loads nothing from anywhere. */
    static boolean isEmbeddableImage(String url) {
        return scheme(url).equals("data") && normalized(url).startsWith("data:image/");
    }

    /** The lower-case scheme as a browser would read it, or "" for a relative URL. */
    static String scheme(String url) {
        String text = normalized(url);
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return "";
        }
        String scheme = text.substring(0, colon);
        if (!Character.isLetter(scheme.charAt(0))) {
            return "";
        }
        for (int i = 0; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                return "";
            }
        }
        return scheme;
    }

    /** Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so do we. */
    private static String normalized(String url) {
        StringBuilder text = new StringBuilder(Math.min(url.length(), 64));
        for (int i = 0; i < url.length() && text.length() < 64; i++) {
            char c = url.charAt(i);
            if (c > ' ' && c != '\u007f') {
                text.append(c);
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
