package dev.supportgateway.faq.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The desk's spelling vocabulary as a symmetric-delete index (every word under its forms with up to one or two
 * letters deleted, by length): a misspelt word finds the words within one or two edits by looking up its own
 * deletions, without scanning the vocabulary or building automata at question time.
 */
final class SpellingIndex {

    private static final int MIN_LENGTH = 4;

    private final String[] words;
    private final int[] frequencies;
    private final Map<String, int[]> deletions;

    SpellingIndex(Map<String, Integer> vocabulary) {
        this.words = vocabulary.keySet().stream().filter(w -> w.length() >= MIN_LENGTH - 1).sorted().toArray(String[]::new);
        this.frequencies = new int[words.length];
        Map<String, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < words.length; i++) {
            frequencies[i] = vocabulary.get(words[i]);
            for (String key : deletions(words[i], allowed(words[i].length() + 1))) {
                index.computeIfAbsent(key, k -> new ArrayList<>(1)).add(i);
            }
        }
        Map<String, int[]> compact = new HashMap<>(index.size() * 4 / 3 + 1);
        index.forEach((key, ids) -> compact.put(key, ids.stream().mapToInt(Integer::intValue).distinct().toArray()));
        this.deletions = compact;
    }

    /** How many edits a word of this length may be away from what was meant. */
    static int allowed(int length) {
        return length < MIN_LENGTH ? 0 : length <= 5 ? 1 : 2;
    }

    /** The vocabulary words within the allowed edits of the word, closest first, then most frequent. */
    List<String> suggestions(String word, int count) {
        int allowed = allowed(word.length());
        if (allowed == 0) {
            return List.of();
        }
        Set<Integer> candidates = new HashSet<>();
        for (String key : deletions(word, allowed)) {
            int[] ids = deletions.get(key);
            if (ids != null) {
                for (int id : ids) {
                    candidates.add(id);
                }
            }
        }
        List<Suggestion> scored = new ArrayList<>();
        for (int id : candidates) {
            if (words[id].equals(word)) {
                continue;
            }
            int distance = EditDistance.damerau(word, words[id]);
            if (distance <= allowed) {
                scored.add(new Suggestion(id, distance, EditDistance.typing(word, words[id])));
            }
        }
        scored.sort(Comparator.comparingInt(Suggestion::distance).thenComparingDouble(Suggestion::typing)
                .thenComparing(s -> -frequencies[s.id()]).thenComparing(s -> words[s.id()]));
        List<String> out = new ArrayList<>(Math.min(count, scored.size()));
        for (int i = 0; i < scored.size() && out.size() < count; i++) {
            out.add(words[scored.get(i).id()]);
        }
        return out;
    }

    /** A vocabulary word within reach: its edits, then how alike the differing letters sound. */
    private record Suggestion(int id, int distance, double typing) {
    }

    /** The word and its forms with up to {@code depth} letters deleted. */
    private static Set<String> deletions(String word, int depth) {
        Set<String> out = new HashSet<>();
        out.add(word);
        List<String> level = List.of(word);
        for (int d = 0; d < depth; d++) {
            List<String> next = new ArrayList<>();
            for (String w : level) {
                if (w.length() <= 1) {
                    continue;
                }
                for (int i = 0; i < w.length(); i++) {
                    String shorter = w.substring(0, i) + w.substring(i + 1);
                    if (out.add(shorter)) {
                        next.add(shorter);
                    }
                }
            }
            level = next;
        }
        return out;
    }

    int size() {
        return words.length;
    }

    @Override
    public String toString() {
        return "SpellingIndex" + Arrays.asList(words.length, deletions.size());
    }
}
