package dev.supportgateway.faq.analysis;

import java.util.Locale;

/**
 * Latin names typed in Cyrillic, as customers say them: «нкалеер» for NCALayer, «хелпдеск» for HELPDESK, «виндовс» for
 * Windows. A Cyrillic word is spelled in Latin letters by sound, and Latin words are compared by a sound key in which
 * letters that stand for one sound are one (c and k, w and v, y and i) and doubled letters are single, and by their
 * consonants, since the vowels of a name heard rather than read are the first to go astray (ncal<b>aye</b>r, нкал<b>ее</b>р).
 */
public final class Transliteration {

    private static final String[] LATIN = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
            "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya"};

    private Transliteration() {
    }

    /** The word in Latin letters by sound («хелпдеск» → helpdesk, «джава» → java); null when it has other letters. */
    public static String latin(String cyrillic) {
        String word = Letters.foldYo(cyrillic.toLowerCase(Locale.ROOT));
        StringBuilder out = new StringBuilder(word.length() + 4);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == 'д' && i + 1 < word.length() && word.charAt(i + 1) == 'ж') {
                out.append('j');
                i++;
            } else if (c >= 'а' && c <= 'я') {
                out.append(LATIN[c - 'а']);
            } else {
                return null;
            }
        }
        return out.toString();
    }

    /** The Latin word as it sounds: one letter a sound where spellings differ, doubled letters single. */
    public static String soundKey(String latin) {
        String word = latin.toLowerCase(Locale.ROOT).replace("ph", "f").replace("ck", "k").replace("x", "ks");
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = switch (word.charAt(i)) {
                case 'c', 'q' -> 'k';
                case 'w' -> 'v';
                case 'y', 'j' -> 'i';
                default -> word.charAt(i);
            };
            if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The sound key without its vowels after the first letter: what a name keeps when heard and written down again. */
    public static String consonants(String soundKey) {
        StringBuilder out = new StringBuilder(soundKey.length());
        for (int i = 0; i < soundKey.length(); i++) {
            char c = soundKey.charAt(i);
            if (i == 0 || "aeiou".indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
