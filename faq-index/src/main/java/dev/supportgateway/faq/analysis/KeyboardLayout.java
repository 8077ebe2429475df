package dev.supportgateway.faq.analysis;

/**
 * The ЙЦУКЕН ↔ QWERTY keyboard: what a customer meant when they typed with the wrong layout switched on
 * («gfhjkm» is «пароль»). Only converts; whether the result is a word is for the caller to decide.
 */
public final class KeyboardLayout {

    private static final String LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
    private static final String CYRILLIC = "йцукенгшщзхъфывапролджэячсмитьбюё";

    private KeyboardLayout() {
    }

    /** Whether every character of the token sits on a letter key of the Russian layout and at least one is a letter. */
    public static boolean looksMistyped(String token) {
        boolean letter = false;
        for (int i = 0; i < token.length(); i++) {
            char c = Character.toLowerCase(token.charAt(i));
            if (LATIN.indexOf(c) < 0) {
                return false;
            }
            letter |= c >= 'a' && c <= 'z';
        }
        return letter;
    }

    /** The Cyrillic text the same keys type in the Russian layout (lower case). */
    public static String toCyrillic(String latin) {
        StringBuilder out = new StringBuilder(latin.length());
        for (int i = 0; i < latin.length(); i++) {
            char c = Character.toLowerCase(latin.charAt(i));
            int key = LATIN.indexOf(c);
            out.append(key < 0 ? c : CYRILLIC.charAt(key));
        }
        return out.toString();
    }
}
