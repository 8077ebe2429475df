package dev.supportgateway.faq.search;

import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.helpcenter.Article;
import dev.supportgateway.faq.analysis.HelpCenterAnalyzer;
import dev.supportgateway.faq.analysis.RussianMorphology;
import dev.supportgateway.faq.analysis.Transliteration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * One desk's help center as an immutable, searchable snapshot: the articles and their Lucene index. A rebuild makes
 * a new snapshot; the old one is closed when the last search that started on it has finished (reference counted).
 */
public final class DeskIndex {

    private static final FieldType SURFACE_TYPE = new FieldType();

    static {
        SURFACE_TYPE.setIndexOptions(IndexOptions.DOCS);
        SURFACE_TYPE.setTokenized(true);
        SURFACE_TYPE.setOmitNorms(true);
        SURFACE_TYPE.freeze();
    }

    private final DeskId desk;
    private final List<Article> articles;
    private final Map<String, Article> byId;
    private final DirectoryReader reader;
    private final int[][] ordinals;
    private final SpellingIndex speller;
    private final AtomicBoolean retired = new AtomicBoolean();
    private final Map<String, Integer> vocabulary;
    private final Map<String, List<LatinWord>> latinByConsonants;
    private final int[] documentFrequencies;
    private final int[] headFrequencies;
    private final int[][] postings;
    private final double averageLength;
    private final double averageTitleGrams;
    private final ArticleProfile[] profiles;
    private final Map<Integer, Integer> gramFrequencies;
    private final double averageGrams;
    private final double averageHeadGrams;

    private DeskIndex(DeskId desk, List<Article> articles, DirectoryReader reader, SearchTuning tuning, ForwardIndex forward) throws IOException {
        this.vocabulary = forward.vocabulary();
        this.documentFrequencies = forward.documentFrequencies();
        this.headFrequencies = forward.headFrequencies();
        this.postings = forward.postings();
        this.averageLength = forward.averageLength();
        this.averageTitleGrams = forward.averageTitleGrams();
        this.profiles = forward.profiles();
        this.gramFrequencies = forward.gramFrequencies();
        this.averageGrams = forward.averageGrams();
        this.averageHeadGrams = forward.averageHeadGrams();
        this.desk = desk;
        this.articles = List.copyOf(articles);
        Map<String, Article> index = new LinkedHashMap<>();
        for (Article article : this.articles) {
            index.put(article.id(), article);
        }
        this.byId = Map.copyOf(index);
        this.reader = reader;
        // Lucene may reorder documents when it merges segments: keep the article position per document.
        List<LeafReaderContext> leaves = reader.leaves();
        this.ordinals = new int[leaves.size()][];
        for (LeafReaderContext leaf : leaves) {
            int[] ords = new int[leaf.reader().maxDoc()];
            NumericDocValues values = leaf.reader().getNumericDocValues(ArticleField.ORDINAL);
            for (int doc = 0; doc < ords.length; doc++) {
                ords[doc] = values != null && values.advanceExact(doc) ? (int) values.longValue() : -1;
            }
            ordinals[leaf.ord] = ords;
        }
        Map<String, Integer> surface = surfaceWords(reader);
        this.speller = new SpellingIndex(surface);
        this.latinByConsonants = latinByConsonants(surface.keySet());
    }

    /** An article word in Latin letters with its sound key, made once when the desk is indexed. */
    private record LatinWord(String word, String sound) {
    }

    /** The articles' words in Latin letters (four or more), by the consonants of their sound. */
    private static Map<String, List<LatinWord>> latinByConsonants(Iterable<String> words) {
        Map<String, List<LatinWord>> byConsonants = new HashMap<>();
        for (String word : words) {
            if (word.length() >= 4 && word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                String sound = Transliteration.soundKey(word);
                byConsonants.computeIfAbsent(Transliteration.consonants(sound), k -> new ArrayList<>(1)).add(new LatinWord(word, sound));
            }
        }
        return byConsonants;
    }

    /** The article words as written, with how many articles have each. */
    private static Map<String, Integer> surfaceWords(DirectoryReader reader) throws IOException {
        Map<String, Integer> words = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            org.apache.lucene.index.Terms terms = leaf.reader().terms(ArticleField.SURFACE);
            if (terms == null) {
                continue;
            }
            org.apache.lucene.index.TermsEnum iterator = terms.iterator();
            for (org.apache.lucene.util.BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                words.merge(term.utf8ToString(), iterator.docFreq(), Integer::sum);
            }
        }
        return words;
    }

    /** Indexes the articles into a new in-memory snapshot. */
    public static DeskIndex build(DeskId desk, List<Article> articles, RussianMorphology morphology, SearchTuning tuning) {
        Analyzer lemmasAndRoots = new HelpCenterAnalyzer(morphology, tuning.rootLength());
        Map<String, Analyzer> perField = new HashMap<>();
        perField.put(ArticleField.SURFACE, new SurfaceAnalyzer());
        Analyzer analyzer = new PerFieldAnalyzerWrapper(lemmasAndRoots, perField);
        Directory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setSimilarity(new BM25Similarity(tuning.bm25K1(), tuning.bm25B()))
                .setRAMBufferSizeMB(64)
                .setUseCompoundFile(false)
                .setCommitOnClose(true);
        try {
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                int ordinal = 0;
                for (Article article : articles) {
                    writer.addDocument(document(article, ordinal++));
                }
                writer.forceMerge(1);
            }
            ForwardIndex forward = ForwardIndex.build(articles, morphology, tuning);
            return new DeskIndex(desk, articles, DirectoryReader.open(directory), tuning, forward);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index desk " + desk, e);
        }
    }

    private static Document document(Article article, int ordinal) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(ArticleField.ORDINAL, ordinal));
        String heading = String.join("\n", article.title(), String.join("\n", article.questions()),
                String.join("\n", article.tags()), article.section());
        doc.add(new Field(ArticleField.SURFACE, heading + "\n" + article.body(), SURFACE_TYPE));
        return doc;
    }

    public DeskId desk() {
        return desk;
    }

    public List<Article> articles() {
        return articles;
    }

    public Article article(String id) {
        return byId.get(id);
    }

    DirectoryReader reader() {
        return reader;
    }

    /** The article a document of this index stands for. */
    Article articleOf(int globalDoc) {
        List<LeafReaderContext> leaves = reader.leaves();
        int leaf = org.apache.lucene.index.ReaderUtil.subIndex(globalDoc, leaves);
        return articles.get(ordinals[leaf][globalDoc - leaves.get(leaf).docBase]);
    }

    public int size() {
        return articles.size();
    }

    /** In how many articles the lemma occurs (any field). */
    public int documentFrequency(String lemma) {
        Integer id = vocabulary.get(lemma);
        return id == null ? 0 : documentFrequencies[id];
    }

    /** The vocabulary id of a lemma or root term; -1 when no article has it. */
    int termId(String term) {
        Integer id = vocabulary.get(term);
        return id == null ? -1 : id;
    }

    int documentFrequency(int termId) {
        return termId < 0 ? 0 : documentFrequencies[termId];
    }

    ArticleProfile profile(int ordinal) {
        return profiles[ordinal];
    }

    /** The article's position in the desk's list, for a Lucene document. */
    int ordinalOf(int globalDoc) {
        List<LeafReaderContext> leaves = reader.leaves();
        int leaf = org.apache.lucene.index.ReaderUtil.subIndex(globalDoc, leaves);
        return ordinals[leaf][globalDoc - leaves.get(leaf).docBase];
    }

    /** In how many articles a character gram occurs. */
    int gramFrequency(int gram) {
        return gramFrequencies.getOrDefault(gram, 0);
    }

    double averageGrams() {
        return averageGrams;
    }

    /** The articles that have the term, in desk order, with its frequency ({@link ForwardIndex#posting}). */
    int[] postings(int termId) {
        return postings[termId];
    }

    /** The average article length in words, the heading counted twice. */
    double averageLength() {
        return averageLength;
    }

    /** In how many articles' title, questions, tags or section the term occurs. */
    int headFrequency(int termId) {
        return termId < 0 ? 0 : headFrequencies[termId];
    }

    double averageTitleGrams() {
        return averageTitleGrams;
    }

    double averageHeadGrams() {
        return averageHeadGrams;
    }

    /** Whether some article contains this lemma. */
    public boolean knowsLemma(String lemma) {
        return documentFrequency(lemma) > 0;
    }

    /** Whether some article contains this word exactly as written (lower case, ё folded). */
    public boolean knowsWord(String word) {
        try {
            return reader.docFreq(new Term(ArticleField.SURFACE, word)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The articles' Latin word that a word typed in Cyrillic spells by sound («нкалеер» → ncalayer, «виндовс» → windows),
     * or null: one with the same consonants (three or more) whose sound differs in at most a third of its letters, the
     * closest such.
     */
    public String latinWordSpelledAs(String cyrillicWord) {
        String latin = Transliteration.latin(cyrillicWord);
        if (latin == null || latin.length() < 4) {
            return null;
        }
        String sound = Transliteration.soundKey(latin);
        String consonants = Transliteration.consonants(sound);
        if (consonants.length() < 3) {
            return null;
        }
        String closest = null;
        int closestDistance = Integer.MAX_VALUE;
        for (LatinWord candidate : latinByConsonants.getOrDefault(consonants, List.of())) {
            int distance = EditDistance.damerau(sound, candidate.sound());
            if (distance <= Math.max(sound.length(), candidate.sound().length()) / 3 && distance < closestDistance) {
                closest = candidate.word();
                closestDistance = distance;
            }
        }
        return closest;
    }

    /** Words of the articles within a couple of edits of a word the index does not have, closest first. */
    public List<String> spellingSuggestions(String word, int count) {
        return speller.suggestions(word, count);
    }

    /** Takes a reference for one search; false when the snapshot has been closed meanwhile. */
    public boolean acquire() {
        return reader.tryIncRef();
    }

    public void release() {
        try {
            reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives up the snapshot's own reference: it closes once the searches still running on it finish. */
    public void retire() {
        if (retired.compareAndSet(false, true)) {
            release();
        }
    }
}
