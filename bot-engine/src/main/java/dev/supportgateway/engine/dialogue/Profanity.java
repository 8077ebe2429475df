package dev.supportgateway.engine.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds Russian obscenities and insults, also when disguised: latin look-alike letters («xyй»),
 * digits for letters («3», «0», «6»), stretched letters («сууука») and letters hidden behind
 * {@code *#%$@} («х*й», «б**дь»). Matching is on word stems at the start of a word, after the usual
 * verb prefixes, so «ебаный», «заебали» and «наху» are found while «потребовать» or «хулиган» are not.
 */
final class Profanity {

    /** Stems an obscene word begins with; with a prefix from {@link #PREFIXES} only those in {@link #PREFIXABLE}. */
    private static final List<String> STEMS = List.of(
            "хуй", "хуе", "хуи", "хую", "хуя", "пизд", "пезд", "бля", "блят", "ебан", "ебат", "ебал", "ебл", "ебу", "ебн", "ебуч", "херн",
            "мудак", "мудил", "мудо", "пидор", "пидар", "пидр", "педик", "гандон", "гондон", "залуп", "шлюх", "сука", "суки", "суку",
            "сукой", "сучк", "сучар", "мраз", "ублюд", "уебк", "уебищ", "дебил", "идиот", "кретин", "придур", "долбо", "чмо",
            "говнюк", "урод", "скотин", "тварь", "твари");
    private static final List<String> PREFIXABLE = List.of("хуй", "хуе", "хуя", "пизд", "ебан", "ебат", "ебал", "ебл", "ебу", "ебн");
    private static final List<String> PREFIXES = List.of("на", "за", "вы", "до", "от", "отъ", "по", "при", "раз", "разъ", "съ", "у", "въ",
            "подъ", "недо", "о", "об", "объ", "пере");

    /** Whole words that begin like a stem but are innocent. */
    private static final List<String> INNOCENT = List.of("сукно", "сукна", "идиома", "чмок");

    private static final String MASK = "*#%$";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,.!?;:()\"«»\\-–—/]+");

    private Profanity() {
    }

    /** Whether the text holds an obscenity or an insult. */
    static boolean in(String text) {
        // every message passes here, so no pattern is compiled per word
        for (String raw : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            if (raw.isEmpty()) {
                continue;
            }
            String word = squeeze(lookAlikes(raw));
            if (hasAny(word, MASK)) {
                if (maskedObscenity(word)) {
                    return true;
                }
            } else if (obscene(lettersOf(word))) {
                return true;
            }
        }
        return false;
    }

    private static boolean obscene(String word) {
        if (word.length() < 3 || startsWithAny(word, 0, INNOCENT)) {
            return false;
        }
        if (startsWithAny(word, 0, STEMS)) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (word.length() > prefix.length() && word.startsWith(prefix) && startsWithAny(word, prefix.length(), PREFIXABLE)) {
                return true;
            }
        }
        return false;
    }

    // a plain loop: every word of every message is checked against all the stems
    private static boolean startsWithAny(String word, int from, List<String> stems) {
        for (String stem : stems) {
            if (word.startsWith(stem, from)) {
                return true;
            }
        }
        return false;
    }

    /** «х*й», «п**дец», «е#ать»: the mask stands for one to three letters of a known word. */
    private static boolean maskedObscenity(String word) {
        StringBuilder shape = new StringBuilder("(?:" + String.join("|", PREFIXES) + ")?");
        boolean inMask = false;
        int letters = 0;
        for (char c : word.toCharArray()) {
            if (MASK.indexOf(c) >= 0) {
                if (!inMask) {
                    shape.append("\\p{L}{1,3}");
                }
                inMask = true;
            } else if (Character.isLetter(c)) {
                shape.append(c);
                inMask = false;
                letters++;
            }
        }
        if (letters < 1) {
            return false;
        }
        Pattern full = Pattern.compile(shape.toString());
        return FULL_WORDS.stream().anyMatch(w -> ENDINGS.stream().anyMatch(e -> full.matcher(w + e).matches()));
    }

    /** Endings a masked word may carry beyond the forms listed in {@link #FULL_WORDS}. */
    private static final List<String> ENDINGS = List.of("", "а", "у", "ы", "е", "и", "ой", "ом", "ами", "ах", "ь", "я");

    /** Full forms the masked spellings are compared with. */
    private static final List<String> FULL_WORDS = List.of("хуй", "хуйня", "хуево", "хуевый", "нахуй", "похуй", "пизда", "пиздец", "пиздеж",
            "блядь", "блять", "бля", "ебать", "ебаный", "ебанный", "заебали", "заебал", "уебок", "сука", "суки", "мудак", "пидор",
            "пидорас", "гандон", "залупа", "шлюха", "мразь", "ублюдок", "дебил", "долбоеб");

    /** Latin and digit look-alikes as the Cyrillic letters they imitate. */
    private static String lookAlikes(String word) {
        boolean cyrillic = false;
        boolean latin = false;
        boolean digit = false;
        boolean onlyLookAlikeLatin = !word.isEmpty();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            cyrillic |= Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC;
            latin |= c >= 'a' && c <= 'z';
            digit |= Character.isDigit(c);
            onlyLookAlikeLatin &= "xyeopakcmtbh".indexOf(c) >= 0;
        }
        // a plain latin word («hi», «proxy») is left alone; mixing scripts or digits into letters is the disguise
        if (!cyrillic && !(latin && (digit || hasAny(word, MASK + "@"))) && !(latin && onlyLookAlikeLatin)) {
            return word.replace('ё', 'е');
        }
        StringBuilder out = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            out.append(switch (c) {
                case 'a', '@' -> 'а';
                case 'b', '6' -> 'б';
                case 'c' -> 'с';
                case 'e', 'ё' -> 'е';
                case 'h' -> 'н';
                case 'k' -> 'к';
                case 'm' -> 'м';
                case 'o', '0' -> 'о';
                case 'p' -> 'р';
                case 't' -> 'т';
                case 'x' -> 'х';
                case 'y', 'u' -> 'у';
                case '3' -> 'з';
                case 'i' -> 'и';
                default -> c;
            });
        }
        return out.toString();
    }

    /** «сууука» → «сука»: stretched letters are a way to slip past a list. */
    private static String squeeze(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (i == 0 || c != word.charAt(i - 1) || !Character.isLetter(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String lettersOf(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                out.append(word.charAt(i));
            }
        }
        return out.toString();
    }

    private static boolean hasAny(String word, String chars) {
        for (int i = 0; i < word.length(); i++) {
            if (chars.indexOf(word.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
