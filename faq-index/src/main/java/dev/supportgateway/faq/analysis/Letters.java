package dev.supportgateway.faq.analysis;

/** Letter-level normalisation of Russian text that both the index and the questions go through. */
public final class Letters {

    private Letters() {
    }

    /** ё → е (users rarely type ё); й stays й: «мой» and «мои» are different words. */
    public static String foldYo(String text) {
        if (text.indexOf('ё') < 0 && text.indexOf('Ё') < 0) {
            return text;
        }
        return text.replace('ё', 'е').replace('Ё', 'Е');
    }

    /**
     * Letters people write for one another because they sound alike: unstressed vowels, the signs, voiced and
     * voiceless consonants at a word's end or before another consonant.
     */
    private static final String[] SOUND_ALIKE = {"ао", "еиэ", "ея", "иы", "ьъ", "бп", "вф", "гк", "дт", "жш", "зс"};

    private static final String VOWELS = "аеёиоуыэюя";

    /** The letters that sound like this lower-case one, itself excluded («е» → «иэя»); empty for none. */
    public static String soundAlike(char letter) {
        StringBuilder out = new StringBuilder(3);
        for (String group : SOUND_ALIKE) {
            if (group.indexOf(letter) >= 0) {
                for (int i = 0; i < group.length(); i++) {
                    char other = group.charAt(i);
                    if (other != letter && out.indexOf(String.valueOf(other)) < 0) {
                        out.append(other);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Whether two different lower-case letters sound alike. */
    public static boolean soundAlike(char letter, char other) {
        for (String group : SOUND_ALIKE) {
            if (letter != other && group.indexOf(letter) >= 0 && group.indexOf(other) >= 0) {
                return true;
            }
        }
        return false;
    }

    public static boolean isVowel(char letter) {
        return VOWELS.indexOf(letter) >= 0;
    }
}
