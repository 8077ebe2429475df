package dev.supportgateway.faq.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The support domain's glossary (abbreviations, synonyms, colloquial names: лк ↔ личный кабинет, эцп ↔ электронная
 * подпись), read from {@code glossary.ru.txt}: one concept a line, variants separated by commas. Each variant is
 * kept as a sequence of lemma sets so that it matches any inflected form.
 */
public final class Glossary {

    /** One way to name a concept: for each word, its lemmas. */
    public record Variant(String text, List<List<String>> words) {
        public Variant {
            words = words.stream().map(List::copyOf).toList();
        }
    }

    /** A concept and all the names it goes by. */
    public record Entry(List<Variant> variants) {
        public Entry {
            variants = List.copyOf(variants);
        }
    }

    private static final String RESOURCE = "glossary.ru.txt";

    private final List<Entry> entries;
    private final java.util.Set<String> lemmas;
    private final java.util.Map<String, List<Entry>> byFirstLemma;

    public Glossary(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        java.util.Set<String> all = new java.util.HashSet<>();
        for (Entry entry : this.entries) {
            for (Variant variant : entry.variants()) {
                variant.words().forEach(all::addAll);
            }
        }
        this.lemmas = java.util.Set.copyOf(all);
        java.util.Map<String, List<Entry>> first = new java.util.HashMap<>();
        for (Entry entry : this.entries) {
            for (Variant variant : entry.variants()) {
                for (String lemma : variant.words().get(0)) {
                    List<Entry> list = first.computeIfAbsent(lemma, l -> new ArrayList<>());
                    if (!list.contains(entry)) {
                        list.add(entry);
                    }
                }
            }
        }
        first.replaceAll((lemma, list) -> List.copyOf(list));
        this.byFirstLemma = java.util.Map.copyOf(first);
    }

    /** The entries with a name whose first word has this lemma. */
    public List<Entry> entriesStartingWith(String lemma) {
        return byFirstLemma.getOrDefault(lemma, List.of());
    }

    /** Whether some name of the glossary has a word with this lemma. */
    public boolean knowsLemma(String lemma) {
        return lemmas.contains(lemma);
    }

    public static Glossary empty() {
        return new Glossary(List.of());
    }

    /** The glossary shipped with faq-index. */
    public static Glossary standard(RussianMorphology morphology) {
        try (InputStream in = Glossary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("glossary resource " + RESOURCE + " is missing");
            }
            return read(in, morphology);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Glossary read(InputStream in, RussianMorphology morphology) throws IOException {
        List<Entry> entries = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            List<Variant> variants = new ArrayList<>();
            for (String name : content.split(",")) {
                List<List<String>> words = new ArrayList<>();
                for (String word : Words.split(name.toLowerCase(Locale.ROOT))) {
                    List<String> lemmas = LemmaFilter.contentLemmas(morphology, word);
                    if (!lemmas.isEmpty()) {
                        words.add(lemmas);
                    }
                }
                if (!words.isEmpty()) {
                    variants.add(new Variant(name.strip(), words));
                }
            }
            if (variants.size() > 1) {
                entries.add(new Entry(variants));
            }
        }
        return new Glossary(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Whether a lower-case word is one of the glossary's single-word names (so it is not a typo to correct). */
    public boolean names(String word) {
        for (Entry entry : entries) {
            for (Variant variant : entry.variants()) {
                if (variant.words().size() == 1 && variant.text().equalsIgnoreCase(word)) {
                    return true;
                }
            }
        }
        return false;
    }
}
