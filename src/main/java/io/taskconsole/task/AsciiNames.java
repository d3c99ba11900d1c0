package io.taskconsole.task;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns text a person wrote into the letters a DNS or ConfigMap name allows, keeping it readable:
 * accents are dropped from their letters ({@code été} gives {@code ete}) rather than the letters
 * being lost, and everything else that is not a letter or digit becomes one {@code -}.
 */
public final class AsciiNames {

    private AsciiNames() {
    }

    /** {@code text} without accents and with ß, æ, ø and the like spelled in ASCII. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed.replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE").replace("ø", "o")
                .replace("Ø", "O").replace("œ", "oe").replace("Œ", "OE").replace("ł", "l").replace("Ł", "L");
    }

    /** Lower-case ASCII letters and digits joined by single dashes, with none at the ends. */
    public static String slug(String text) {
        return fold(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
