package dev.supportgateway.faq.search;

import dev.supportgateway.faq.analysis.Glossary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks one desk's articles for a read question in two stages: BM25 over the articles' text (lemmas and roots, the
 * heading counted twice) from the desk's in-memory postings, top {@link #CANDIDATES} (only the rarer question words
 * are looked up on a big desk), then a rerank of those candidates by a linear model over {@link Features} computed from the articles'
 * forward index in memory. Small desks (up to {@link #WHOLE_DESK} articles) are reranked whole, so that an article
 * that only shares a misspelt word's character grams with the question still competes.
 */
public final class DeskSearch {

    /** How many first-stage candidates are reranked. */
    public static final int CANDIDATES = 24;
    /** A desk with no more articles than this is reranked whole. */
    public static final int WHOLE_DESK = 64;
    private static final double GLOSSARY_MATCH = 0.8;
    private static final double ROOT_MATCH = 0.9;
    private static final float ROOT_BOOST = 0.4f;
    private static final float GLOSSARY_BOOST = 0.5f;
    private static final double GRAM_K1 = 1.2;
    private static final int KEEP_RAREST = 3;
    private static final int MAX_CLAUSES = 12;
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
    private record Resolved(Concept concept, int[] lemmas, int[] roots, int[][][] variants, double informativeness,
                            double headInformativeness, double generalInformativeness) {
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
        FirstStage stage = firstStage(index, question);
        int[] candidates;
        double[] retrieved;
        if (index.size() <= WHOLE_DESK) {
            candidates = new int[index.size()];
            retrieved = new double[candidates.length];
            for (int i = 0; i < candidates.length; i++) {
                candidates[i] = i;
                retrieved[i] = bm25(index, stage, index.profile(i));
            }
        } else {
            candidates = topCandidates(index, stage);
            retrieved = new double[candidates.length];
            for (int i = 0; i < candidates.length; i++) {
                retrieved[i] = bm25(index, stage, index.profile(candidates[i]));
            }
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
        double maxTitleGrams = 0;
        for (int i = 0; i < candidates.length; i++) {
            ArticleProfile profile = index.profile(candidates[i]);
            double[] f = new double[Features.COUNT];
            f[Features.BM25] = retrieved[i];
            f[Features.GRAMS] = gramScore(index, grams, profile.grams(), index.averageGrams());
            f[Features.HEAD_GRAMS] = gramScore(index, grams, profile.headGrams(), index.averageHeadGrams());
            if (total > 0) {
                coverage(concepts, profile, f, total);
            }
            f[Features.PAIRS] = pairs(concepts, profile.pairs());
            f[Features.TITLE_PRECISION] = titlePrecision(index, profile, questionLemmas);
            int intents = asked & profile.intents();
            f[Features.INTENT] = (intents & (1 << Intent.TIME.ordinal())) != 0 ? 1 : 0;
            f[Features.INTENT_PRICE] = (intents & (1 << Intent.PRICE.ordinal())) != 0 ? 1 : 0;
            f[Features.INTENT_PLACE] = (intents & (1 << Intent.PLACE.ordinal())) != 0 ? 1 : 0;
            f[Features.INTENT_REASON] = (intents & (1 << Intent.REASON.ordinal())) != 0 ? 1 : 0;
            f[Features.INTENT_DIFFERENCE] = (intents & (1 << Intent.DIFFERENCE.ordinal())) != 0 ? 1 : 0;
            f[Features.TITLE_GRAMS] = gramScore(index, grams, profile.titleGrams(), index.averageTitleGrams());
            f[Features.GRAM_SIMILARITY] = grams.ceiling() <= 0 ? 0 : Math.min(1, f[Features.GRAMS] / grams.ceiling());
            maxBm25 = Math.max(maxBm25, f[Features.BM25]);
            maxGrams = Math.max(maxGrams, f[Features.GRAMS]);
            maxHeadGrams = Math.max(maxHeadGrams, f[Features.HEAD_GRAMS]);
            maxTitleGrams = Math.max(maxTitleGrams, f[Features.TITLE_GRAMS]);
            features[i] = f;
        }
        double[] scores = new double[candidates.length];
        double[] bm25 = new double[candidates.length];
        Integer[] order = new Integer[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            double[] f = features[i];
            bm25[i] = f[Features.BM25];
            f[Features.BM25] = maxBm25 > 0 ? bm25[i] / maxBm25 : 0;
            f[Features.GRAMS] = maxGrams > 0 ? f[Features.GRAMS] / maxGrams : 0;
            f[Features.HEAD_GRAMS] = maxHeadGrams > 0 ? f[Features.HEAD_GRAMS] / maxHeadGrams : 0;
            f[Features.TITLE_GRAMS] = maxTitleGrams > 0 ? f[Features.TITLE_GRAMS] / maxTitleGrams : 0;
            scores[i] = model.score(f);
            order[i] = i;
        }
        // ties keep the desk's order, so that the ranking does not depend on how the first stage listed them
        java.util.Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a])
                : Integer.compare(candidates[a], candidates[b]));
        int shown = Math.min(Math.max(limit, 2), order.length);
        List<Hit> hits = new ArrayList<>(shown);
        for (int k = 0; k < shown; k++) {
            int i = order[k];
            ArticleProfile profile = index.profile(candidates[i]);
            List<Concept> matched = new ArrayList<>();
            List<Concept> inHead = new ArrayList<>();
            for (Resolved r : concepts) {
                Match m = match(r, profile);
                if (m.all() > 0) {
                    matched.add(r.concept());
                }
                if (m.head() > 0) {
                    inHead.add(r.concept());
                }
            }
            hits.add(new Hit(index.articles().get(candidates[i]), scores[i], bm25[i], matched, inHead, features[i]));
        }
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
            int headFrequency = 0;
            for (int id : lemmas) {
                frequency = Math.max(frequency, index.documentFrequency(id));
                headFrequency = Math.max(headFrequency, index.headFrequency(id));
            }
            double idf = Math.log(1 + (n - frequency + 0.5) / (frequency + 0.5));
            double headIdf = Math.log(1 + (n - headFrequency + 0.5) / (headFrequency + 0.5));
            out.add(new Resolved(concept, lemmas, roots, variants, concept.weight() * idf, concept.weight() * headIdf,
                    concept.weight() * idf * concept.generalRarity()));
        }
        return out;
    }

    /** How well one concept matches an article: in its title, heading, anywhere, and in which passages. */
    private record Match(double title, double head, double all, long exact, long glossary, long root) {
    }

    /** Coverage of the question anywhere, in the heading, in the title and in the best passage. */
    private static void coverage(List<Resolved> concepts, ArticleProfile profile, double[] f, double total) {
        double all = 0;
        double head = 0;
        double title = 0;
        double rareHead = 0;
        double rareTotal = 0;
        double generalAll = 0;
        double generalHead = 0;
        double generalTitle = 0;
        double generalTotal = 0;
        Match[] matches = new Match[concepts.size()];
        long union = 0;
        for (int c = 0; c < matches.length; c++) {
            Resolved r = concepts.get(c);
            Match m = match(r, profile);
            matches[c] = m;
            all += r.informativeness() * m.all();
            head += r.informativeness() * m.head();
            title += r.informativeness() * m.title();
            rareHead += r.headInformativeness() * m.head();
            rareTotal += r.headInformativeness();
            generalAll += r.generalInformativeness() * m.all();
            generalHead += r.generalInformativeness() * m.head();
            generalTitle += r.generalInformativeness() * m.title();
            generalTotal += r.generalInformativeness();
            union |= m.exact() | m.glossary() | m.root();
        }
        double best = 0;
        while (union != 0) {
            long bit = Long.lowestOneBit(union);
            union &= ~bit;
            double sum = 0;
            for (int c = 0; c < matches.length; c++) {
                Match m = matches[c];
                double level = (m.exact() & bit) != 0 ? 1 : (m.glossary() & bit) != 0 ? GLOSSARY_MATCH : (m.root() & bit) != 0 ? ROOT_MATCH : 0;
                sum += concepts.get(c).informativeness() * level;
            }
            best = Math.max(best, sum);
        }
        f[Features.COVERAGE] = all / total;
        f[Features.HEAD_COVERAGE] = head / total;
        f[Features.TITLE_COVERAGE] = title / total;
        f[Features.HEAD_RARE_COVERAGE] = rareTotal <= 0 ? 0 : rareHead / rareTotal;
        f[Features.GENERAL_COVERAGE] = generalTotal <= 0 ? 0 : generalAll / generalTotal;
        f[Features.GENERAL_HEAD_COVERAGE] = generalTotal <= 0 ? 0 : generalHead / generalTotal;
        f[Features.GENERAL_TITLE_COVERAGE] = generalTotal <= 0 ? 0 : generalTitle / generalTotal;
        f[Features.PASSAGE_COVERAGE] = Math.max(best / total, f[Features.TITLE_COVERAGE]);
    }

    /** 1 where the article has one of the concept's lemmas, less for a glossary name or a shared root only. */
    private static Match match(Resolved r, ArticleProfile profile) {
        int exactWhere = -1;
        long exact = 0;
        for (int id : r.lemmas()) {
            int at = profile.find(id);
            if (at >= 0) {
                exactWhere = Math.max(exactWhere, 0) | profile.where()[at];
                exact |= profile.passages()[at];
            }
        }
        int glossaryWhere = -1;
        long glossary = 0;
        for (int[][] variant : r.variants()) {
            int where = ArticleProfile.TITLE | ArticleProfile.HEAD;
            long passages = -1L;
            boolean all = variant.length > 0;
            for (int[] word : variant) {
                int wordWhere = -1;
                long wordPassages = 0;
                for (int id : word) {
                    int at = profile.find(id);
                    if (at >= 0) {
                        wordWhere = Math.max(wordWhere, 0) | profile.where()[at];
                        wordPassages |= profile.passages()[at];
                    }
                }
                if (wordWhere < 0) {
                    all = false;
                    break;
                }
                where &= wordWhere;
                passages &= wordPassages;
            }
            if (all) {
                glossaryWhere = Math.max(glossaryWhere, 0) | where;
                glossary |= passages;
            }
        }
        int rootWhere = -1;
        long root = 0;
        for (int id : r.roots()) {
            int at = profile.find(id);
            if (at >= 0) {
                rootWhere = Math.max(rootWhere, 0) | profile.where()[at];
                root |= profile.passages()[at];
            }
        }
        return new Match(level(exactWhere, glossaryWhere, rootWhere, ArticleProfile.TITLE),
                level(exactWhere, glossaryWhere, rootWhere, ArticleProfile.HEAD),
                exactWhere >= 0 ? 1 : glossaryWhere >= 0 ? GLOSSARY_MATCH : rootWhere >= 0 ? ROOT_MATCH : 0,
                exact, glossary & ~exact, root & ~exact & ~glossary);
    }

    private static double level(int exactWhere, int glossaryWhere, int rootWhere, int part) {
        if (exactWhere >= 0 && (exactWhere & part) != 0) {
            return 1;
        }
        if (glossaryWhere >= 0 && (glossaryWhere & part) != 0) {
            return GLOSSARY_MATCH;
        }
        return rootWhere >= 0 && (rootWhere & part) != 0 ? ROOT_MATCH : 0;
    }

    private static double pairs(List<Resolved> concepts, int[] pairs) {
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
        int[] grams = article.grams();
        int from = 0;
        // both sorted: gallop through the article's grams
        for (int i = 0; i < question.grams().length && from < grams.length; i++) {
            int gram = question.grams()[i];
            int step = 1;
            int hi = from;
            while (hi < grams.length && grams[hi] < gram) {
                from = hi + 1;
                hi += step;
                step <<= 1;
            }
            int at = java.util.Arrays.binarySearch(grams, from, Math.min(hi + 1, grams.length), gram);
            if (at >= 0) {
                int tf = article.counts()[at] & 0xff;
                score += question.idf()[i] * tf * (GRAM_K1 + 1) / (tf + norm);
                from = at + 1;
            } else {
                from = -at - 1;
            }
        }
        return score;
    }

    /** The first stage's terms with their weights and BM25 informativeness. */
    private record FirstStage(int[] terms, double[] weights) {
    }

    /**
     * The first stage's terms: every distinct lemma and glossary lemma of the question that the desk has (glossary
     * lemmas at half weight; a word whose lemmas no article has is searched by its root instead). On a big desk, the
     * words a tenth of the articles have are left out beyond the three rarest, and no more than a dozen are kept:
     * they cannot pick the candidates, only slow the search down; the reranker still counts them.
     */
    private FirstStage firstStage(DeskIndex index, ReadQuestion question) {
        Map<Integer, Float> boosts = new HashMap<>();
        for (Concept concept : question.concepts()) {
            float weight = (float) concept.weight();
            boolean known = false;
            for (String lemma : concept.lemmas()) {
                int id = index.termId(lemma);
                if (id >= 0) {
                    boosts.merge(id, weight, Math::max);
                    known = true;
                }
            }
            if (!known) {
                for (String lemma : concept.lemmas()) {
                    int id = index.termId(tuning.root(lemma));
                    if (id >= 0) {
                        boosts.merge(id, weight * ROOT_BOOST, Math::max);
                    }
                }
            }
            for (Glossary.Variant variant : concept.expansions()) {
                float each = weight * GLOSSARY_BOOST / variant.words().size();
                for (List<String> word : variant.words()) {
                    for (String lemma : word) {
                        int id = index.termId(lemma);
                        if (id >= 0) {
                            boosts.merge(id, each, Math::max);
                        }
                    }
                }
            }
        }
        List<Integer> terms = new ArrayList<>(boosts.keySet());
        terms.sort(Comparator.comparingInt((Integer t) -> index.documentFrequency(t)).thenComparingInt(t -> t));
        if (index.size() > WHOLE_DESK) {
            int common = index.size() / 10;
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < terms.size(); i++) {
                if (i < KEEP_RAREST || (i < MAX_CLAUSES && index.documentFrequency(terms.get(i)) <= common)) {
                    kept.add(terms.get(i));
                }
            }
            terms = kept;
        }
        int n = index.size();
        int[] ids = new int[terms.size()];
        double[] weights = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = terms.get(i);
            int df = index.documentFrequency(ids[i]);
            weights[i] = boosts.get(ids[i]) * Math.log(1 + (n - df + 0.5) / (df + 0.5));
        }
        return new FirstStage(ids, weights);
    }

    /** BM25 of an article's text (title, questions, tags and section twice, body once) for the first stage's terms. */
    private double bm25(DeskIndex index, FirstStage stage, ArticleProfile profile) {
        double norm = tuning.bm25K1() * (1 - tuning.bm25B() + tuning.bm25B() * profile.length() / index.averageLength());
        double score = 0;
        for (int t = 0; t < stage.terms().length; t++) {
            int at = profile.find(stage.terms()[t]);
            if (at >= 0) {
                int tf = profile.frequencies()[at];
                score += stage.weights()[t] * tf / (tf + norm);
            }
        }
        return score;
    }

    /** The big desk's {@link #CANDIDATES} best articles by an approximate BM25 (frequencies capped at 255) over the postings. */
    private int[] topCandidates(DeskIndex index, FirstStage stage) {
        int n = index.size();
        Scratch scratch = SCRATCH.get();
        if (scratch.scores.length < n) {
            scratch.scores = new float[n];
            scratch.touched = new int[n];
        }
        float[] scores = scratch.scores;
        int[] touched = scratch.touched;
        int touchedCount = 0;
        double k1 = tuning.bm25K1();
        double b = tuning.bm25B();
        double average = index.averageLength();
        for (int t = 0; t < stage.terms().length; t++) {
            double weight = stage.weights()[t];
            for (int posting : index.postings(stage.terms()[t])) {
                int ordinal = posting >>> 8;
                int tf = posting & 0xff;
                double norm = k1 * (1 - b + b * index.profile(ordinal).length() / average);
                if (scores[ordinal] == 0) {
                    touched[touchedCount++] = ordinal;
                }
                scores[ordinal] += (float) (weight * tf / (tf + norm));
            }
        }

        // the best few by insertion, ties to the earlier article
        int k = Math.min(CANDIDATES, touchedCount);
        int[] best = new int[k];
        int size = 0;
        for (int i = 0; i < touchedCount; i++) {
            int ordinal = touched[i];
            float score = scores[ordinal];
            if (score <= 0) {
                continue;
            }
            if (size == k && !better(score, ordinal, scores[best[k - 1]], best[k - 1])) {
                continue;
            }
            int at = size < k ? size++ : k - 1;
            while (at > 0 && better(score, ordinal, scores[best[at - 1]], best[at - 1])) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = ordinal;
        }
        for (int i = 0; i < touchedCount; i++) {
            scores[touched[i]] = 0; // clean for the next question on this thread
        }
        return size == k ? best : java.util.Arrays.copyOf(best, size);
    }

    /** Per-thread accumulators of the first stage, reused from question to question (all zero between them). */
    private static final class Scratch {
        float[] scores = new float[0];
        int[] touched = new int[0];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static boolean better(float score, int ordinal, float otherScore, int other) {
        return score > otherScore || (score == otherScore && ordinal < other);
    }
}
