package dev.supportgateway.faq.search;

import dev.supportgateway.faq.analysis.FunctionWords;
import dev.supportgateway.faq.analysis.Glossary;
import dev.supportgateway.faq.analysis.KeyboardLayout;
import dev.supportgateway.faq.analysis.Letters;
import dev.supportgateway.faq.analysis.QuestionCleaner;
import dev.supportgateway.faq.analysis.RussianMorphology;
import dev.supportgateway.faq.analysis.Words;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a customer's message against one desk's vocabulary: strips greetings, switches words typed in the wrong
 * keyboard layout, lemmatizes, repairs typos against the articles' own words and adds glossary names.
 */
public final class QuestionReader {

    /** Question words (как, где, можно...) say what kind of answer is wanted, not what it is about. */
    private static final double QUESTION_WORD_WEIGHT = 0.3;

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern TRAILING_MARKS = java.util.regex.Pattern.compile("[?!:]+$");
    private static final java.util.regex.Pattern TRAILING_PUNCTUATION = java.util.regex.Pattern.compile("[,.]+$");

    private final RussianMorphology morphology;
    private final Glossary glossary;
    private final SearchTuning tuning;

    public QuestionReader(RussianMorphology morphology, Glossary glossary, SearchTuning tuning) {
        this.morphology = morphology;
        this.glossary = glossary;
        this.tuning = tuning;
    }

    public ReadQuestion read(String question, DeskIndex index) {
        List<String> signals = new ArrayList<>();
        QuestionCleaner.Cleaned cleaned = QuestionCleaner.clean(question == null ? "" : question);
        signals.addAll(cleaned.signals());
        List<Concept> concepts = new ArrayList<>();
        for (QuestionCleaner.Part part : cleaned.parts()) {
            String text = switchLayout(part.text(), index, signals);
            for (String raw : Words.split(text)) {
                Concept concept = concept(raw.toLowerCase(Locale.ROOT), part.weight(), index, signals);
                if (concept != null) {
                    concepts.add(concept.withGeneralRarity(generalRarity(concept)));
                }
            }
        }
        return new ReadQuestion(question, expand(concepts, signals), signals);
    }

    /** 1 for a word rare in Russian at large, down to 1/26 for the commonest (of its lemmas, the commonest counts). */
    private double generalRarity(Concept concept) {
        int commonness = 0;
        for (String lemma : concept.lemmas()) {
            commonness = Math.max(commonness, morphology.commonness(lemma));
        }
        return (RussianMorphology.MOST_COMMON + 1 - commonness) / (RussianMorphology.MOST_COMMON + 1.0);
    }

    /** Converts whitespace-separated chunks typed on the Latin layout when the result is a word of this desk. */
    private String switchLayout(String text, DeskIndex index, List<String> signals) {
        String[] chunks = WHITESPACE.split(text);
        StringBuilder out = new StringBuilder(text.length());
        for (String chunk : chunks) {
            String replacement = chunk;
            String trimmed = TRAILING_MARKS.matcher(chunk).replaceAll("");
            if (KeyboardLayout.looksMistyped(trimmed) && !knownLatin(trimmed, index)) {
                String cyrillic = KeyboardLayout.toCyrillic(trimmed);
                if (!knownCyrillic(cyrillic, index)) {
                    // A trailing «,» or «.» is more likely punctuation than the keys б / ю.
                    String shorter = TRAILING_PUNCTUATION.matcher(trimmed).replaceAll("");
                    cyrillic = shorter.isEmpty() || shorter.equals(trimmed) ? null : KeyboardLayout.toCyrillic(shorter);
                    if (cyrillic != null && !knownCyrillic(cyrillic, index)) {
                        cyrillic = null;
                    }
                }
                if (cyrillic != null) {
                    signals.add("keyboard layout " + trimmed + "→" + cyrillic);
                    replacement = cyrillic;
                }
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(replacement);
        }
        return out.toString();
    }

    private boolean knownLatin(String chunk, DeskIndex index) {
        for (String word : Words.split(chunk.toLowerCase(Locale.ROOT))) {
            if (index.knowsWord(word)) {
                return true;
            }
        }
        return false;
    }

    private boolean knownCyrillic(String text, DeskIndex index) {
        List<String> words = Words.split(text);
        if (words.isEmpty()) {
            return false;
        }
        for (String word : words) {
            String folded = Letters.foldYo(word);
            if (index.knowsWord(folded)) {
                continue;
            }
            if (!knowsAny(morphology.dictionaryLemmas(folded), index)) {
                return false;
            }
        }
        return true;
    }

    private Concept concept(String word, double weight, DeskIndex index, List<String> signals) {
        String folded = Letters.foldYo(word);
        List<String> known = morphology.dictionaryLemmas(folded);
        if (!known.isEmpty()) {
            // a word the dictionary reads only as a person's name, and the desk does not have, is more often a
            // misspelt word of the desk («диловой» → деловой); one edit only, as a real name may stand there
            if (!index.knowsWord(folded) && !knowsAny(known, index) && morphology.personalNameOnly(folded)) {
                Concept repaired = repaired(folded, weight, 1, index, signals);
                if (repaired != null) {
                    return repaired;
                }
            }
            List<String> lemmas = FunctionWords.content(known);
            double factor = FunctionWords.isQuestionWord(lemmas) ? QUESTION_WORD_WEIGHT : 1;
            return lemmas.isEmpty() ? null : new Concept(folded, lemmas, weight * factor, null, List.of());
        }
        String stem = morphology.stem(folded);
        if (index.knowsLemma(stem) || index.knowsWord(folded) || glossary.names(folded) || !isWord(folded)) {
            return new Concept(folded, List.of(stem), weight, null, List.of());
        }
        Concept repaired = repaired(folded, weight, 2, index, signals);
        if (repaired != null) {
            return repaired;
        }
        // a program's or a service's name as the customer heard it, in Cyrillic letters («нкалеер»); a name the glossary
        // has in Cyrillic («эксплорер») already leads to its Latin spellings, and to the desk's other names of the thing
        String latin = glossary.knowsLemma(stem) ? null : index.latinWordSpelledAs(folded);
        List<String> latinLemmas = latin == null ? List.of() : FunctionWords.content(morphology.lemmas(latin));
        if (!latinLemmas.isEmpty()) {
            signals.add("latin name " + folded + "→" + latin);
            return new Concept(folded, latinLemmas, weight * tuning.correctionWeight(), latin, List.of());
        }
        return new Concept(folded, List.of(stem), weight, null, List.of());
    }

    /**
     * The word read as its repair: the closest word of the articles (but a common word one sound-alike vowel away
     * before an article's word two edits away), or else a dictionary word one edit (or two vowel confusions) away whose
     * lemma the desk or the glossary has; null when neither is close enough.
     */
    private Concept repaired(String folded, double weight, int maxEdits, DeskIndex index, List<String> signals) {
        String correction = correct(folded, maxEdits, index);
        if (correction != null && EditDistance.damerau(folded, correction) > 1) {
            // one vowel written for its sound-alike is a likelier slip than two edits: «падписать» is «подписать»,
            // not the desk's «написать», even when no article has the word meant
            String soundAlike = soundAlikeWord(folded);
            if (soundAlike != null) {
                correction = soundAlike;
            }
        }
        if (correction != null) {
            List<String> lemmas = FunctionWords.content(morphology.lemmas(correction));
            if (!lemmas.isEmpty()) {
                signals.add("typo " + folded + "→" + correction);
                return new Concept(folded, lemmas, weight * tuning.correctionWeight(), correction, List.of());
            }
        }
        String dictionaryWord = correctByDictionary(folded, maxEdits, index);
        if (dictionaryWord != null) {
            List<String> lemmas = FunctionWords.content(morphology.dictionaryLemmas(dictionaryWord));
            if (!lemmas.isEmpty()) {
                signals.add("typo " + folded + "→" + dictionaryWord);
                return new Concept(folded, lemmas, weight * tuning.correctionWeight(), dictionaryWord, List.of());
            }
        }
        return null;
    }

    private static boolean knowsAny(List<String> lemmas, DeskIndex index) {
        for (String lemma : lemmas) {
            if (index.knowsLemma(lemma)) {
                return true;
            }
        }
        return false;
    }

    /** The letters misspellings most often put in or take the place of: vowels, signs and й. */
    private static final String ALPHABET = "аеиоуыэюяьъй";

    /**
     * A dictionary word one edit away (a letter missing, an extra letter, a wrong vowel or sign, two neighbours swapped) whose lemma
     * the desk's articles or the glossary have: for a misspelling of a word the articles only have in other forms.
     */
    private String correctByDictionary(String word, int maxEdits, DeskIndex index) {
        if (word.length() < 4 || word.length() > 20) {
            return null;
        }
        java.util.LinkedHashSet<String> edits = new java.util.LinkedHashSet<>();
        for (int i = 0; i < word.length(); i++) {
            edits.add(word.substring(0, i) + word.substring(i + 1));
            if (i + 1 < word.length()) {
                edits.add(word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2));
            }
            for (int a = 0; a < ALPHABET.length(); a++) {
                edits.add(word.substring(0, i) + ALPHABET.charAt(a) + word.substring(i + 1));
            }
        }
        for (int i = 0; i <= word.length(); i++) {
            for (int a = 0; a < ALPHABET.length(); a++) {
                edits.add(word.substring(0, i) + ALPHABET.charAt(a) + word.substring(i));
            }
        }
        String found = firstKnownToDesk(edits, index);
        if (found != null || maxEdits < 2 || word.length() < 6) {
            return found;
        }
        // unstressed vowels are the commonest misspelling and often come two to a word («памажете» → поможете)
        String[] alternatives = new String[word.length()];
        for (int i = 0; i < alternatives.length; i++) {
            alternatives[i] = soundAlikeVowels(word.charAt(i));
        }
        java.util.LinkedHashSet<String> twoVowels = new java.util.LinkedHashSet<>();
        for (int i = 0; i < word.length(); i++) {
            String first = alternatives[i];
            for (int j = i + 1; j < word.length() && !first.isEmpty(); j++) {
                String second = alternatives[j];
                for (int a = 0; a < first.length(); a++) {
                    for (int b = 0; b < second.length(); b++) {
                        twoVowels.add(word.substring(0, i) + first.charAt(a) + word.substring(i + 1, j) + second.charAt(b) + word.substring(j + 1));
                    }
                }
            }
        }
        return firstKnownToDesk(twoVowels, index);
    }

    /**
     * A common word (not a function word) that the word becomes with one vowel replaced by its sound-alike. Only a
     * common one: a rare word that close («завеси» → завесе) is more often a coincidence than what was meant.
     */
    private String soundAlikeWord(String word) {
        for (int i = 0; i < word.length(); i++) {
            String alternatives = soundAlikeVowels(word.charAt(i));
            for (int a = 0; a < alternatives.length(); a++) {
                String spelling = word.substring(0, i) + alternatives.charAt(a) + word.substring(i + 1);
                for (String lemma : FunctionWords.content(morphology.dictionaryLemmasUncached(spelling))) {
                    if (morphology.commonness(lemma) >= COMMON_WORD) {
                        return spelling;
                    }
                }
            }
        }
        return null;
    }

    /** The frequency class from which a word counts as common (поменять 9, завтра 14; завеса 5, утончить 2). */
    private static final int COMMON_WORD = 6;

    private static String soundAlikeVowels(char letter) {
        return Letters.isVowel(letter) ? Letters.soundAlike(letter) : "";
    }

    /** The first spelling the dictionary knows whose lemma (not a function word) the desk's articles or the glossary have. */
    private String firstKnownToDesk(java.util.Collection<String> spellings, DeskIndex index) {
        for (String edit : spellings) {
            for (String lemma : morphology.dictionaryLemmasUncached(edit)) {
                if (!FunctionWords.contains(lemma) && (index.knowsLemma(lemma) || glossary.knowsLemma(lemma))) {
                    return edit;
                }
            }
        }
        return null;
    }

    /** The closest word of the articles, if it is close enough for the word's length. */
    private String correct(String word, int maxEdits, DeskIndex index) {
        int length = word.codePointCount(0, word.length());
        if (length < 4) {
            return null;
        }
        int allowed = Math.min(maxEdits, length <= 5 ? 1 : 2);
        for (String suggestion : index.spellingSuggestions(word, 5)) {
            if (EditDistance.damerau(word, suggestion) <= allowed) {
                return suggestion;
            }
        }
        return null;
    }

    private static boolean isWord(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Adds the glossary's other names to the concepts where one of its names occurs in the question. */
    private List<Concept> expand(List<Concept> concepts, List<String> signals) {
        List<Concept> out = new ArrayList<>(concepts);
        // only the entries one of whose names starts with a word of the question, in glossary order
        // by identity: an entry is a record of lists, and hashing its contents was a fifth of the time spent reading a question
        Set<Glossary.Entry> relevant = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Concept concept : concepts) {
            for (String lemma : concept.lemmas()) {
                relevant.addAll(glossary.entriesStartingWith(lemma));
            }
        }
        if (relevant.isEmpty()) {
            return out;
        }
        for (Glossary.Entry entry : glossary.entries()) {
            if (!relevant.contains(entry)) {
                continue;
            }
            for (Glossary.Variant variant : entry.variants()) {
                int size = variant.words().size();
                for (int start = 0; start + size <= concepts.size(); start++) {
                    if (matches(variant, concepts, start)) {
                        List<Glossary.Variant> others = entry.variants().stream().filter(v -> v != variant).toList();
                        out.set(start, out.get(start).withExpansions(others));
                        signals.add("glossary " + variant.text() + "→" + String.join("/", others.stream().map(Glossary.Variant::text).toList()));
                    }
                }
            }
        }
        return out;
    }

    private static boolean matches(Glossary.Variant variant, List<Concept> concepts, int start) {
        for (int i = 0; i < variant.words().size(); i++) {
            List<String> lemmas = concepts.get(start + i).lemmas();
            boolean any = false;
            for (String lemma : variant.words().get(i)) {
                any |= lemmas.contains(lemma);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }
}
