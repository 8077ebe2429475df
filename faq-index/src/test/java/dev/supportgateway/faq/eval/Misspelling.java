package dev.supportgateway.faq.eval;

import java.util.SplittableRandom;

/**
 * Misspells a question the way people type in a hurry, reproducibly from a seed: a vowel written for one that sounds
 * alike, a letter left out, two neighbours swapped, a letter doubled, a neighbouring key struck. Each word of five or
 * more letters is misspelt once with the given probability; shorter words and anything not purely letters are kept.
 */
final class Misspelling {

    /** Vowels people write for one another where the sound does not tell them apart. */
    private static final String[][] SOUND_ALIKE = {{"а", "о"}, {"о", "а"}, {"е", "и"}, {"и", "е"}, {"я", "е"}};
    /** The Russian keyboard's letter rows, for a slip to the key beside the one meant. */
    private static final String[] ROWS = {"йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"};

    /** The kinds of slip, in the order they are drawn. */
    enum Slip { SOUND_ALIKE_VOWEL, DROPPED, SWAPPED, DOUBLED, NEIGHBOUR_KEY }

    private final SplittableRandom random;
    private final double perWord;

    Misspelling(long seed, double perWord) {
        this.random = new SplittableRandom(seed);
        this.perWord = perWord;
    }

    String misspell(String question) {
        String[] words = question.split(" ", -1);
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.length() >= 5 && word.chars().allMatch(Character::isLetter) && random.nextDouble() < perWord) {
                words[i] = slip(word, Slip.values()[random.nextInt(Slip.values().length)]);
            }
        }
        return String.join(" ", words);
    }

    private String slip(String word, Slip slip) {
        // never the first letter: people get that right, and a changed first letter is a different word more often than a slip
        int at = 1 + random.nextInt(word.length() - 2);
        return switch (slip) {
            case SOUND_ALIKE_VOWEL -> soundAlike(word);
            case DROPPED -> word.substring(0, at) + word.substring(at + 1);
            case SWAPPED -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
            case DOUBLED -> word.substring(0, at) + word.charAt(at) + word.substring(at);
            case NEIGHBOUR_KEY -> word.substring(0, at) + neighbour(word.charAt(at)) + word.substring(at + 1);
        };
    }

    private String soundAlike(String word) {
        int[] positions = new int[word.length()];
        int count = 0;
        for (int i = 1; i < word.length(); i++) {
            for (String[] pair : SOUND_ALIKE) {
                if (word.charAt(i) == pair[0].charAt(0)) {
                    positions[count++] = i;
                    break;
                }
            }
        }
        if (count == 0) {
            return word;
        }
        int at = positions[random.nextInt(count)];
        for (String[] pair : SOUND_ALIKE) {
            if (word.charAt(at) == pair[0].charAt(0)) {
                return word.substring(0, at) + pair[1] + word.substring(at + 1);
            }
        }
        return word;
    }

    private char neighbour(char letter) {
        char lower = Character.toLowerCase(letter);
        for (String row : ROWS) {
            int key = row.indexOf(lower);
            if (key >= 0) {
                int side = key == 0 ? 1 : key == row.length() - 1 ? -1 : random.nextBoolean() ? 1 : -1;
                return row.charAt(key + side);
            }
        }
        return letter;
    }
}
