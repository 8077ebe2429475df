package dev.supportgateway.faq.search;

import dev.supportgateway.faq.analysis.Glossary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Ranks one desk's articles for a read question in two stages: one cheap Lucene query (a SHOULD clause per distinct
 * lemma, root and glossary lemma over the single text field, top {@link #CANDIDATES} by BM25 with block-max WAND
 * pruning), then a rerank of those candidates by a linear model over {@link Features} computed from the articles'
 * forward index in memory. Small desks (no more articles than candidates) are reranked whole, so that an article
 * that only shares a misspelt word's character grams with the question still competes.
 */
public final class DeskSearch {

    /** How many first-stage candidates are reranked. */
    public static final int CANDIDATES = 40;
    private static final double GLOSSARY_MATCH = 0.8;
    private static final double ROOT_MATCH = 0.5;
    private static final float ROOT_BOOST = 0.4f;
    private static final float GLOSSARY_BOOST = 0.5f;
    private static final double GRAM_K1 = 1.2;
    private static final double GRAM_B = 0.75;

    private final SearchTuning tuning;
    private final RankingModel model;

    public DeskSearch(SearchTuning tuning) {
        this(tuning, RankingModel.standard());
    }

    public DeskSearch(SearchTuning tuning, RankingModel model) {
        this.tuning = tuning;
        this.model = model;
    }

    /** A question concept resolved against the desk's vocabulary. */
    private record Resolved(Concept concept, int[] lemmas, int[] roots, int[][][] variants, double informativeness) {
    }

    public SearchOutcome search(DeskIndex index, ReadQuestion question, int limit) {
        if (question.concepts().isEmpty() || index.size() == 0) {
            return new SearchOutcome(question, List.of(), Signals.NONE);
        }
        List<Resolved> concepts = resolve(index, question);
        double total = 0;
        for (Resolved r : concepts) {
            total += r.informativeness();
        }
        Map<Integer, Double> retrieved = new LinkedHashMap<>();
        try {
            TopDocs top = index.searcher().search(query(question), CANDIDATES);
            for (ScoreDoc doc : top.scoreDocs) {
                retrieved.put(index.ordinalOf(doc.doc), (double) doc.score);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] candidates;
        if (index.size() <= CANDIDATES) {
            candidates = new int[index.size()];
            for (int i = 0; i < candidates.length; i++) {
                candidates[i] = i;
            }
        } else {
            candidates = retrieved.keySet().stream().mapToInt(Integer::intValue).toArray();
        }
        if (candidates.length == 0) {
            return new SearchOutcome(question, List.of(), Signals.NONE);
        }
        QuestionGrams grams = questionGrams(index, question);
        Set<Integer> questionLemmas = questionLemmas(concepts);
        int asked = Intent.asked(askedWords(question));

        double[][] features = new double[candidates.length][];
        double maxBm25 = 0;
        double maxGrams = 0;
        double maxHeadGrams = 0;
        for (int i = 0; i < candidates.length; i++) {
            ArticleProfile profile = index.profile(candidates[i]);
            double[] f = new double[Features.COUNT];
            f[Features.BM25] = retrieved.getOrDefault(candidates[i], 0.0);
            f[Features.GRAMS] = gramScore(index, grams, profile.grams(), index.averageGrams());
            f[Features.HEAD_GRAMS] = gramScore(index, grams, profile.headGrams(), index.averageHeadGrams());
            if (total > 0) {
                f[Features.COVERAGE] = coverage(concepts, profile.all()) / total;
                f[Features.HEAD_COVERAGE] = coverage(concepts, profile.head()) / total;
                f[Features.TITLE_COVERAGE] = coverage(concepts, profile.title()) / total;
                double best = 0;
                for (int[] passage : profile.passages()) {
                    best = Math.max(best, coverage(concepts, passage));
                }
                f[Features.PASSAGE_COVERAGE] = Math.max(best / total, f[Features.TITLE_COVERAGE]);
            }
            f[Features.PAIRS] = pairs(concepts, profile.pairs());
            f[Features.TITLE_PRECISION] = titlePrecision(index, profile, questionLemmas);
            f[Features.INTENT] = (asked & profile.intents()) != 0 ? 1 : 0;
            f[Features.GRAM_SIMILARITY] = grams.ceiling() <= 0 ? 0 : Math.min(1, f[Features.GRAMS] / grams.ceiling());
            maxBm25 = Math.max(maxBm25, f[Features.BM25]);
            maxGrams = Math.max(maxGrams, f[Features.GRAMS]);
            maxHeadGrams = Math.max(maxHeadGrams, f[Features.HEAD_GRAMS]);
            features[i] = f;
        }
        List<Hit> hits = new ArrayList<>(candidates.length);
        for (int i = 0; i < candidates.length; i++) {
            double[] f = features[i];
            double bm25 = f[Features.BM25];
            f[Features.BM25] = maxBm25 > 0 ? bm25 / maxBm25 : 0;
            f[Features.GRAMS] = maxGrams > 0 ? f[Features.GRAMS] / maxGrams : 0;
            f[Features.HEAD_GRAMS] = maxHeadGrams > 0 ? f[Features.HEAD_GRAMS] / maxHeadGrams : 0;
            ArticleProfile profile = index.profile(candidates[i]);
            List<Concept> matched = new ArrayList<>();
            List<Concept> inHead = new ArrayList<>();
            for (Resolved r : concepts) {
                if (match(r, profile.all()) > 0) {
                    matched.add(r.concept());
                }
                if (match(r, profile.head()) > 0) {
                    inHead.add(r.concept());
                }
            }
            hits.add(new Hit(index.articles().get(candidates[i]), model.score(f), bm25, matched, inHead, f));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        Signals signals = signals(hits);
        if (hits.size() > limit) {
            hits = new ArrayList<>(hits.subList(0, limit));
        }
        return new SearchOutcome(question, hits, signals);
    }

    private static Signals signals(List<Hit> hits) {
        Hit best = hits.get(0);
        double second = hits.size() > 1 ? hits.get(1).score() : 0;
        double[] f = best.features();
        return new Signals(best.score(), best.score() - second, f[Features.COVERAGE], f[Features.HEAD_COVERAGE],
                f[Features.TITLE_PRECISION], f[Features.GRAM_SIMILARITY]);
    }

    private List<Resolved> resolve(DeskIndex index, ReadQuestion question) {
        List<Resolved> out = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        int n = index.size();
        for (Concept concept : question.concepts()) {
            if (!seen.add(concept.lemmas())) {
                continue; // the same word twice says no more
            }
            int[] lemmas = concept.lemmas().stream().mapToInt(index::termId).toArray();
            int[] roots = concept.lemmas().stream().map(tuning::root).mapToInt(index::termId).toArray();
            int[][][] variants = new int[concept.expansions().size()][][];
            for (int v = 0; v < variants.length; v++) {
                List<List<String>> words = concept.expansions().get(v).words();
                variants[v] = new int[words.size()][];
                for (int w = 0; w < words.size(); w++) {
                    variants[v][w] = words.get(w).stream().mapToInt(index::termId).toArray();
                }
            }
            int frequency = 0;
            for (int id : lemmas) {
                frequency = Math.max(frequency, index.documentFrequency(id));
            }
            double idf = Math.log(1 + (n - frequency + 0.5) / (frequency + 0.5));
            out.add(new Resolved(concept, lemmas, roots, variants, concept.weight() * idf));
        }
        return out;
    }

    private static double coverage(List<Resolved> concepts, int[] terms) {
        double sum = 0;
        for (Resolved r : concepts) {
            sum += r.informativeness() * match(r, terms);
        }
        return sum;
    }

    /** 1 when the article part has one of the concept's lemmas, less for a glossary name or a shared root only. */
    private static double match(Resolved r, int[] terms) {
        for (int id : r.lemmas()) {
            if (ArticleProfile.contains(terms, id)) {
                return 1;
            }
        }
        for (int[][] variant : r.variants()) {
            boolean all = variant.length > 0;
            for (int[] word : variant) {
                boolean any = false;
                for (int id : word) {
                    any |= ArticleProfile.contains(terms, id);
                }
                all &= any;
            }
            if (all) {
                return GLOSSARY_MATCH;
            }
        }
        for (int id : r.roots()) {
            if (ArticleProfile.contains(terms, id)) {
                return ROOT_MATCH;
            }
        }
        return 0;
    }

    private static double pairs(List<Resolved> concepts, long[] pairs) {
        double total = 0;
        double found = 0;
        for (int i = 0; i + 1 < concepts.size(); i++) {
            Resolved a = concepts.get(i);
            Resolved b = concepts.get(i + 1);
            double weight = Math.min(a.informativeness(), b.informativeness());
            total += weight;
            boolean near = false;
            for (int x : a.lemmas()) {
                for (int y : b.lemmas()) {
                    near |= x >= 0 && y >= 0 && ArticleProfile.contains(pairs, ArticleProfile.pair(x, y));
                }
            }
            if (near) {
                found += weight;
            }
        }
        return total <= 0 ? 0 : found / total;
    }

    private static Set<Integer> questionLemmas(List<Resolved> concepts) {
        Set<Integer> ids = new HashSet<>();
        for (Resolved r : concepts) {
            for (int id : r.lemmas()) {
                ids.add(id);
            }
            for (int[][] variant : r.variants()) {
                for (int[] word : variant) {
                    for (int id : word) {
                        ids.add(id);
                    }
                }
            }
        }
        ids.remove(-1);
        return ids;
    }

    private static double titlePrecision(DeskIndex index, ArticleProfile profile, Set<Integer> questionLemmas) {
        double total = 0;
        double covered = 0;
        int n = index.size();
        for (int[] word : profile.titleWords()) {
            int frequency = index.documentFrequency(word[0]);
            double idf = Math.log(1 + (n - frequency + 0.5) / (frequency + 0.5));
            total += idf;
            for (int id : word) {
                if (questionLemmas.contains(id)) {
                    covered += idf;
                    break;
                }
            }
        }
        return total <= 0 ? 0 : covered / total;
    }

    private static List<String> askedWords(ReadQuestion question) {
        List<String> words = new ArrayList<>();
        for (Concept concept : question.concepts()) {
            words.add(concept.written());
            words.addAll(concept.lemmas());
        }
        return words;
    }

    /** The question's distinct character grams with their informativeness, and the most they could score. */
    private record QuestionGrams(int[] grams, double[] idf, double ceiling) {
    }

    private static QuestionGrams questionGrams(DeskIndex index, ReadQuestion question) {
        StringBuilder text = new StringBuilder();
        for (Concept concept : question.concepts()) {
            text.append(concept.written()).append(' ');
        }
        CharGrams.Bag bag = CharGrams.of(text.toString());
        int n = index.size();
        double[] idf = new double[bag.size()];
        double ceiling = 0;
        for (int i = 0; i < idf.length; i++) {
            int frequency = index.gramFrequency(bag.grams()[i]);
            idf[i] = Math.log(1 + (n - frequency + 0.5) / (frequency + 0.5));
            ceiling += idf[i];
        }
        return new QuestionGrams(bag.grams(), idf, ceiling);
    }

    private static double gramScore(DeskIndex index, QuestionGrams question, CharGrams.Bag article, double averageLength) {
        double norm = GRAM_K1 * (1 - GRAM_B + GRAM_B * article.total() / averageLength);
        double score = 0;
        for (int i = 0; i < question.grams().length; i++) {
            int tf = article.count(question.grams()[i]);
            if (tf > 0) {
                score += question.idf()[i] * tf * (GRAM_K1 + 1) / (tf + norm);
            }
        }
        return score;
    }

    /** The first stage: every distinct lemma, root and glossary lemma of the question as one SHOULD term clause. */
    Query query(ReadQuestion question) {
        Map<String, Float> boosts = new HashMap<>();
        for (Concept concept : question.concepts()) {
            float weight = (float) concept.weight();
            for (String lemma : concept.lemmas()) {
                boosts.merge(lemma, weight, Math::max);
                boosts.merge(tuning.root(lemma), weight * ROOT_BOOST, Math::max);
            }
            for (Glossary.Variant variant : concept.expansions()) {
                float each = weight * GLOSSARY_BOOST / variant.words().size();
                for (List<String> word : variant.words()) {
                    for (String lemma : word) {
                        boosts.merge(lemma, each, Math::max);
                    }
                }
            }
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> term : boosts.entrySet()) {
            builder.add(new BoostQuery(new TermQuery(new Term(ArticleField.TEXT, term.getKey())), term.getValue()), BooleanClause.Occur.SHOULD);
        }
        return builder.build();
    }
}
