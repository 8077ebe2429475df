package dev.supportgateway.faq.search;

import dev.supportgateway.faq.analysis.Glossary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/** Ranks one desk's articles for a read question (BM25 over weighted fields) and measures the best hit. */
public final class DeskSearch {

    private static final String[] MATCH_FIELDS = {ArticleField.ALL, ArticleField.TITLE.fieldName(), ArticleField.QUESTIONS.fieldName()};

    private final SearchTuning tuning;

    public DeskSearch(SearchTuning tuning) {
        this.tuning = tuning;
    }

    public SearchOutcome search(DeskIndex index, ReadQuestion question, int limit) {
        if (question.concepts().isEmpty() || index.size() == 0) {
            return new SearchOutcome(question, List.of(), new Signals(0, 0, 0, 0));
        }
        try {
            TopDocs top = index.searcher().search(query(question), Math.max(limit, tuning.rerankDepth()));
            ScoreDoc[] docs = top.scoreDocs;
            Map<String, long[]> presence = presence(index, question, docs);
            double[] informativeness = new double[question.concepts().size()];
            double total = 0;
            for (int c = 0; c < informativeness.length; c++) {
                Concept concept = question.concepts().get(c);
                informativeness[c] = concept.weight() * idf(index, concept);
                total += informativeness[c];
            }
            double topScore = docs.length == 0 ? 1 : docs[0].score;
            List<Hit> hits = new ArrayList<>(docs.length);
            for (int i = 0; i < docs.length; i++) {
                List<Concept> matched = new ArrayList<>();
                List<Concept> inTitle = new ArrayList<>();
                double covered = 0;
                double titled = 0;
                for (int c = 0; c < informativeness.length; c++) {
                    Concept concept = question.concepts().get(c);
                    if (contains(concept, presence, 0, i)) {
                        matched.add(concept);
                        covered += informativeness[c];
                    }
                    if (contains(concept, presence, 1, i) || contains(concept, presence, 2, i)) {
                        inTitle.add(concept);
                        titled += informativeness[c];
                    }
                }
                // BM25 rewards repeating a few words; a short FAQ answer that has all of the question's words,
                // or has them in its title, is the better answer.
                double score = docs[i].score / topScore + tuning.coverageBonus() * covered / total + tuning.titleBonus() * titled / total;
                hits.add(new Hit(index.articleOf(docs[i].doc), score, docs[i].score, matched, inTitle));
            }
            hits.sort(java.util.Comparator.comparingDouble(Hit::score).reversed());
            if (hits.size() > limit) {
                hits = new ArrayList<>(hits.subList(0, limit));
            }
            return new SearchOutcome(question, hits, signals(index, question, hits));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Query query(ReadQuestion question) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (Concept concept : question.concepts()) {
            if (concept.expansions().isEmpty() && tuning.fieldTieBreaker() >= 1 && !tuning.combinedFields()) {
                // Fields add up, so each field's term is its own clause of the top-level query: that lets
                // Lucene's max-score pruning skip documents that only have a common word in the body.
                addFlat(builder, concept.lemmas(), (float) concept.weight());
                continue;
            }
            Query main = acrossFields(concept.lemmas());
            Query query = main;
            if (!concept.expansions().isEmpty()) {
                List<Query> alternatives = new ArrayList<>();
                alternatives.add(main);
                for (Glossary.Variant variant : concept.expansions()) {
                    BooleanQuery.Builder words = new BooleanQuery.Builder();
                    for (List<String> lemmas : variant.words()) {
                        words.add(acrossFields(lemmas), BooleanClause.Occur.SHOULD);
                    }
                    alternatives.add(new BoostQuery(words.build(), tuning.glossaryWeight() / variant.words().size()));
                }
                query = new DisjunctionMaxQuery(alternatives, 0.1f);
            }
            builder.add(new BoostQuery(query, (float) concept.weight()), BooleanClause.Occur.SHOULD);
        }
        if (tuning.pairWeight() > 0) {
            // Two question words next to each other in the article («восстановить базу») tell more than either alone.
            List<Concept> concepts = question.concepts();
            for (int i = 0; i + 1 < concepts.size(); i++) {
                List<Query> perField = new ArrayList<>();
                for (ArticleField field : ArticleField.values()) {
                    MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder().setSlop(tuning.pairSlop());
                    phrase.add(terms(field.fieldName(), concepts.get(i).lemmas()));
                    phrase.add(terms(field.fieldName(), concepts.get(i + 1).lemmas()));
                    perField.add(new BoostQuery(phrase.build(), tuning.weight(field)));
                }
                float weight = (float) Math.min(concepts.get(i).weight(), concepts.get(i + 1).weight()) * tuning.pairWeight();
                builder.add(new BoostQuery(new DisjunctionMaxQuery(perField, 0.0f), weight), BooleanClause.Occur.SHOULD);
            }
        }
        return builder.build();
    }

    private void addFlat(BooleanQuery.Builder builder, List<String> lemmas, float weight) {
        List<String> roots = lemmas.stream().map(tuning::root).distinct().toList();
        for (ArticleField field : ArticleField.values()) {
            float fieldWeight = tuning.weight(field) * weight;
            builder.add(new BoostQuery(anyOf(field.fieldName(), lemmas), fieldWeight), BooleanClause.Occur.SHOULD);
            if (tuning.rootWeight() > 0) {
                builder.add(new BoostQuery(anyOf(field.fieldName(), roots), fieldWeight * tuning.rootWeight()), BooleanClause.Occur.SHOULD);
            }
        }
    }

    private Query acrossFields(List<String> lemmas) {
        List<String> roots = lemmas.stream().map(tuning::root).distinct().toList();
        if (tuning.combinedFields()) {
            // BM25F: a word's occurrences in all fields saturate together, so a long body cannot outweigh the title
            Query exact = combined(lemmas);
            if (tuning.rootWeight() <= 0) {
                return exact;
            }
            return new BooleanQuery.Builder()
                    .add(exact, BooleanClause.Occur.SHOULD)
                    .add(new BoostQuery(combined(roots), tuning.rootWeight()), BooleanClause.Occur.SHOULD)
                    .build();
        }
        List<Query> perField = new ArrayList<>();
        for (ArticleField field : ArticleField.values()) {
            Query query = anyOf(field.fieldName(), lemmas);
            if (tuning.rootWeight() > 0) {
                // the exact lemma scores on both clauses, a derivation (same root) only on the second
                query = new BooleanQuery.Builder()
                        .add(query, BooleanClause.Occur.SHOULD)
                        .add(new BoostQuery(anyOf(field.fieldName(), roots), tuning.rootWeight()), BooleanClause.Occur.SHOULD)
                        .build();
            }
            perField.add(new BoostQuery(query, tuning.weight(field)));
        }
        return new DisjunctionMaxQuery(perField, tuning.fieldTieBreaker());
    }

    private Query combined(List<String> terms) {
        List<Query> readings = new ArrayList<>(terms.size());
        for (String term : terms) {
            CombinedFieldQuery.Builder builder = new CombinedFieldQuery.Builder(term);
            for (ArticleField field : ArticleField.values()) {
                builder.addField(field.fieldName(), Math.max(1f, tuning.weight(field)));
            }
            readings.add(builder.build());
        }
        return readings.size() == 1 ? readings.get(0) : new DisjunctionMaxQuery(readings, 0.0f);
    }

    private static Term[] terms(String field, List<String> lemmas) {
        return lemmas.stream().map(lemma -> new Term(field, lemma)).toArray(Term[]::new);
    }

    private static Query anyOf(String field, List<String> terms) {
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.get(0)));
        }
        SynonymQuery.Builder synonyms = new SynonymQuery.Builder(field);
        for (String term : terms) {
            synonyms.addTerm(new Term(field, term));
        }
        return synonyms.build();
    }

    /** For each lemma and match field, a bit mask of the hits whose article contains it. */
    private static Map<String, long[]> presence(DeskIndex index, ReadQuestion question, ScoreDoc[] docs) throws IOException {
        Set<String> lemmas = new LinkedHashSet<>();
        for (Concept concept : question.concepts()) {
            lemmas.addAll(concept.lemmas());
            for (Glossary.Variant variant : concept.expansions()) {
                variant.words().forEach(lemmas::addAll);
            }
        }
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(docs[a].doc, docs[b].doc));
        List<LeafReaderContext> leaves = index.reader().leaves();
        Map<String, long[]> presence = new HashMap<>();
        for (String lemma : lemmas) {
            long[] masks = new long[MATCH_FIELDS.length];
            BytesRef bytes = new BytesRef(lemma);
            for (int f = 0; f < MATCH_FIELDS.length; f++) {
                LeafReaderContext current = null;
                PostingsEnum postings = null;
                for (Integer hit : order) {
                    int doc = docs[hit].doc;
                    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                    if (leaf != current) {
                        current = leaf;
                        postings = null;
                        Terms terms = leaf.reader().terms(MATCH_FIELDS[f]);
                        if (terms != null) {
                            TermsEnum termsEnum = terms.iterator();
                            if (termsEnum.seekExact(bytes)) {
                                postings = termsEnum.postings(null, PostingsEnum.NONE);
                            }
                        }
                    }
                    if (postings == null) {
                        continue;
                    }
                    int local = doc - leaf.docBase;
                    int at = postings.docID() >= local ? postings.docID() : postings.advance(local);
                    if (at == local) {
                        masks[f] |= 1L << hit;
                    }
                }
            }
            presence.put(lemma, masks);
        }
        return presence;
    }

    private static boolean contains(Concept concept, Map<String, long[]> presence, int field, int hit) {
        if (anyPresent(concept.lemmas(), presence, field, hit)) {
            return true;
        }
        for (Glossary.Variant variant : concept.expansions()) {
            boolean all = true;
            for (List<String> word : variant.words()) {
                all &= anyPresent(word, presence, field, hit);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyPresent(List<String> lemmas, Map<String, long[]> presence, int field, int hit) {
        for (String lemma : lemmas) {
            long[] masks = presence.get(lemma);
            if (masks != null && (masks[field] & (1L << hit)) != 0) {
                return true;
            }
        }
        return false;
    }

    private Signals signals(DeskIndex index, ReadQuestion question, List<Hit> hits) {
        if (hits.isEmpty()) {
            return new Signals(0, 0, 0, 0);
        }
        Hit best = hits.get(0);
        double total = 0;
        double covered = 0;
        double inTitle = 0;
        for (Concept concept : question.concepts()) {
            double informativeness = concept.weight() * idf(index, concept);
            total += informativeness;
            if (best.matched().contains(concept)) {
                covered += informativeness;
            }
            if (best.matchedInTitle().contains(concept)) {
                inTitle += informativeness;
            }
        }
        double second = hits.size() > 1 ? hits.get(1).score() : 0;
        double margin = best.score() <= 0 ? 0 : (best.score() - second) / best.score();
        double ceiling = total * tuning.weight(ArticleField.TITLE) * (tuning.bm25K1() + 1);
        double relative = ceiling <= 0 ? 0 : Math.min(1, best.retrievalScore() / ceiling);
        return new Signals(total <= 0 ? 0 : covered / total, total <= 0 ? 0 : inTitle / total, margin, relative);
    }

    /** How informative a concept is in this desk: rare words tell more; a word no article has tells the most. */
    static double idf(DeskIndex index, Concept concept) {
        int frequency = 0;
        for (String lemma : concept.lemmas()) {
            frequency = Math.max(frequency, index.documentFrequency(lemma));
        }
        int n = index.size();
        return Math.log(1 + (n - frequency + 0.5) / (frequency + 0.5));
    }
}
