package dev.supportgateway.faq.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import morfologik.fsa.ByteSequenceIterator;
import morfologik.fsa.FSA;
import morfologik.fsa.FSATraversal;
import morfologik.fsa.MatchResult;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Russian word forms to their dictionary lemmas, with the Morfologik dictionary that LanguageTool ships
 * ({@code russian.dict}, from aot.ru). Irregular forms come out right (люди → человек, шёл → идти); words the
 * dictionary does not know fall back to a light suffix stemmer so that they still match each other.
 */
public final class RussianMorphology {

    private static final String DICTIONARY = "/org/languagetool/resource/ru/russian.dict";

    /** Word forms repeat endlessly in a help center: remember their lemmas (bounded, so odd input cannot grow it). */
    private static final int CACHE_LIMIT = 200_000;

    /**
     * Domain abbreviations that are their own lemma: the dictionary would read some of them as forms of other words
     * («инн» as the name «Инна», «ос» as «оса»).
     */
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of(
            "инн", "снилс", "огрн", "огрнип", "кпп", "бик", "бин", "иин", "ндс", "эцп", "эп", "кэп", "укэп", "нэп",
            "мчд", "эдо", "упд", "эсф", "лк", "смс", "пин", "пук", "ос", "итс", "тоо", "ооо", "ип", "уц", "нуц");

    /** The speller dictionary with word frequencies (KOI8-R, «word+F»): read on the first question, not at start. */
    private static final String FREQUENCIES = "/org/languagetool/resource/ru/hunspell/ru_RU.dict";
    private static final Charset KOI8_R = Charset.forName("KOI8-R");
    private static final byte FREQUENCY_SEPARATOR = '+';
    /** The highest frequency class. */
    public static final int MOST_COMMON = 25;

    private final Dictionary dictionary;
    private final ConcurrentHashMap<String, Integer> commonnessCache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<String>> lemmaCache = new ConcurrentHashMap<>();
    private final ThreadLocal<DictionaryLookup> lookups;
    /** One word in, its light stem out; an Analyzer reuses its stream per thread. */
    private final Analyzer lightStemmer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            KeywordTokenizer tokenizer = new KeywordTokenizer();
            return new TokenStreamComponents(tokenizer, new RussianLightStemFilter(tokenizer));
        }
    };

    private RussianMorphology(Dictionary dictionary) {
        this.dictionary = dictionary;
        this.lookups = ThreadLocal.withInitial(() -> new DictionaryLookup(this.dictionary));
    }

    /** The shared instance: the dictionary is immutable and takes tens of milliseconds to read. */
    public static RussianMorphology get() {
        return Shared.INSTANCE;
    }

    private static final class Frequencies {
        static final FSA FSA = read(FREQUENCIES, "Russian word frequencies").fsa;
    }

    private static final class Shared {
        static final RussianMorphology INSTANCE = new RussianMorphology(read(DICTIONARY, "Russian dictionary"));
    }

    /** One of language-ru's Morfologik dictionaries from the classpath. */
    private static Dictionary read(String resource, String what) {
        URL url = RussianMorphology.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException(what + " " + resource + " is not on the classpath (org.languagetool:language-ru)");
        }
        try {
            return Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what, e);
        }
    }

    /** Whether the dictionary knows this lower-case word form. */
    public boolean knows(String word) {
        return !dictionaryLemmas(word).isEmpty();
    }

    /**
     * The lemmas of a lower-case word form: every dictionary reading (homonyms included), ё folded to е,
     * without duplicates; for a word the dictionary does not know, its light stem.
     */
    public List<String> lemmas(String word) {
        List<String> lemmas = dictionaryLemmas(word);
        return lemmas.isEmpty() ? List.of(stem(word)) : lemmas;
    }

    /** The folded dictionary lemmas of a word form; empty when the dictionary does not know it. */
    public List<String> dictionaryLemmas(String word) {
        if (word.isEmpty() || !isCyrillic(word)) {
            return List.of();
        }
        if (ABBREVIATIONS.contains(word)) {
            return List.of(word);
        }
        List<String> cached = lemmaCache.get(word);
        if (cached != null) {
            return cached;
        }
        List<String> lemmas = lookUp(word);
        if (lemmaCache.size() < CACHE_LIMIT) {
            lemmaCache.put(word, lemmas);
        }
        return lemmas;
    }

    /**
     * Whether the dictionary reads the word only as a person's first name, patronymic or surname. Its list of surnames
     * is long enough to take in many misspellings of ordinary words («диловой» is a form of the surname Дилова,
     * «лагином» of the name Лагин), so such a reading should not stop a typo repair.
     */
    public boolean personalNameOnly(String word) {
        if (word.isEmpty() || !isCyrillic(word) || ABBREVIATIONS.contains(word)) {
            return false;
        }
        List<WordData> readings = lookups.get().lookup(word);
        if (readings.isEmpty()) {
            return false;
        }
        for (WordData reading : readings) {
            CharSequence tag = reading.getTag();
            String text = tag == null ? "" : tag.toString();
            if (!(text.startsWith("NN:Name") || text.startsWith("NN:Fam") || text.startsWith("NN:Patr"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * How common a word is in Russian at large: the frequency class, 0 (rare or unknown) to 25 (the commonest words),
     * that LanguageTool's speller dictionary carries from aot.ru's frequency list. It is given for dictionary forms,
     * so ask it of a lemma.
     */
    public int commonness(String lemma) {
        Integer cached = commonnessCache.get(lemma);
        if (cached != null) {
            return cached;
        }
        int value = 0;
        if (isCyrillic(lemma)) {
            FSA fsa = Frequencies.FSA;
            byte[] bytes = lemma.getBytes(KOI8_R);
            MatchResult match = new FSATraversal(fsa).match(bytes, 0, bytes.length, fsa.getRootNode());
            if (match.kind == MatchResult.SEQUENCE_IS_A_PREFIX) {
                // an entry is the word, the separator and one letter for its frequency class
                int arc = fsa.getArc(match.node, FREQUENCY_SEPARATOR);
                if (arc != 0 && !fsa.isArcFinal(arc)) {
                    ByteSequenceIterator entries = new ByteSequenceIterator(fsa, fsa.getEndNode(arc));
                    if (entries.hasNext()) {
                        ByteBuffer entry = entries.next();
                        value = Math.clamp(entry.array()[entry.remaining() - 1] - 'A', 0, MOST_COMMON);
                    }
                }
            }
        }
        if (commonnessCache.size() < CACHE_LIMIT) {
            commonnessCache.put(lemma, value);
        }
        return value;
    }

    /** Like {@link #dictionaryLemmas} without remembering the word: for the many candidate spellings of a typo. */
    public List<String> dictionaryLemmasUncached(String word) {
        if (word.isEmpty() || !isCyrillic(word)) {
            return List.of();
        }
        List<String> cached = lemmaCache.get(word);
        if (cached != null) {
            return cached;
        }
        return ABBREVIATIONS.contains(word) ? List.of(word) : lookUp(word);
    }

    private List<String> lookUp(String word) {
        List<WordData> readings = lookups.get().lookup(word);
        if (readings.isEmpty()) {
            return List.of();
        }
        List<String> lemmas = new ArrayList<>(2);
        for (WordData reading : readings) {
            CharSequence stem = reading.getStem();
            if (stem == null || stem.isEmpty()) {
                continue;
            }
            String lemma = Letters.foldYo(stem.toString().toLowerCase(java.util.Locale.ROOT));
            if (!lemmas.contains(lemma)) {
                lemmas.add(lemma);
            }
        }
        return List.copyOf(lemmas);
    }

    /** The light stem of a word the dictionary does not know (ё folded first). */
    public String stem(String word) {
        String folded = Letters.foldYo(word);
        if (!isCyrillic(folded)) {
            return folded;
        }
        try (TokenStream stream = lightStemmer.tokenStream("", folded)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String stem = stream.incrementToken() ? term.toString() : folded;
            stream.end();
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isCyrillic(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.UnicodeBlock.of(word.charAt(i)) == Character.UnicodeBlock.CYRILLIC) {
                return true;
            }
        }
        return false;
    }
}
