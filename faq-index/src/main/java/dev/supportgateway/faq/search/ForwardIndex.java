package dev.supportgateway.faq.search;

import dev.supportgateway.engine.helpcenter.Article;
import dev.supportgateway.faq.analysis.LemmaFilter;
import dev.supportgateway.faq.analysis.RussianMorphology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The desk's vocabulary, document frequencies and one {@link ArticleProfile} per article, built at index time. */
record ForwardIndex(Map<String, Integer> vocabulary, int[] documentFrequencies, int[] headFrequencies,
                    ArticleProfile[] profiles, int[][] postings, double averageLength, Map<Integer, Integer> gramFrequencies,
                    double averageGrams, double averageHeadGrams, double averageTitleGrams) {

    /** A posting packs the article's position (high bits) and the term's frequency in it, at most 255 (low 8 bits). */
    static int posting(int ordinal, int frequency) {
        return ordinal << 8 | Math.min(frequency, 255);
    }

    static ForwardIndex build(List<Article> articles, RussianMorphology morphology, SearchTuning tuning) {
        Builder builder = new Builder(morphology, tuning);
        ArticleProfile[] profiles = new ArticleProfile[articles.size()];
        for (int i = 0; i < profiles.length; i++) {
            profiles[i] = builder.profile(articles.get(i));
        }
        int[] df = new int[builder.vocabulary.size()];
        int[] headDf = new int[builder.vocabulary.size()];
        long titleGrams = 0;
        long words = 0;
        Map<Integer, Integer> gramDf = new HashMap<>();
        long grams = 0;
        long headGrams = 0;
        for (ArticleProfile profile : profiles) {
            for (int i = 0; i < profile.terms().length; i++) {
                df[profile.terms()[i]]++;
                if ((profile.where()[i] & ArticleProfile.HEAD) != 0) {
                    headDf[profile.terms()[i]]++;
                }
            }
            titleGrams += profile.titleGrams().total();
            words += profile.length();
            for (int gram : profile.grams().grams()) {
                gramDf.merge(gram, 1, Integer::sum);
            }
            grams += profile.grams().total();
            headGrams += profile.headGrams().total();
        }
        int[][] postings = new int[df.length][];
        for (int t = 0; t < df.length; t++) {
            postings[t] = new int[df[t]];
        }
        int[] filled = new int[df.length];
        for (int ordinal = 0; ordinal < profiles.length; ordinal++) {
            ArticleProfile profile = profiles[ordinal];
            for (int i = 0; i < profile.terms().length; i++) {
                int term = profile.terms()[i];
                postings[term][filled[term]++] = posting(ordinal, profile.frequencies()[i]);
            }
        }
        int n = Math.max(1, profiles.length);
        return new ForwardIndex(builder.vocabulary, df, headDf, profiles, postings, Math.max(1.0, (double) words / n), gramDf,
                Math.max(1.0, (double) grams / n), Math.max(1.0, (double) headGrams / n), Math.max(1.0, (double) titleGrams / n));
    }

    /** Text to words to term ids, growing the vocabulary. */
    private static final class Builder {
        final Map<String, Integer> vocabulary = new HashMap<>();
        final RussianMorphology morphology;
        final SearchTuning tuning;

        Builder(RussianMorphology morphology, SearchTuning tuning) {
            this.morphology = morphology;
            this.tuning = tuning;
        }

        int id(String term) {
            return vocabulary.computeIfAbsent(term, t -> vocabulary.size());
        }

        /** One content word: its lemma ids and root ids. */
        private record Word(int[] lemmas, int[] roots, List<String> lemmaText) {
        }

        List<List<Word>> sentences(String text) {
            List<List<Word>> sentences = new ArrayList<>();
            List<Word> current = new ArrayList<>();
            int start = -1;
            for (int i = 0; i <= text.length(); i++) {
                char c = i < text.length() ? text.charAt(i) : '\n';
                if (Character.isLetterOrDigit(c)) {
                    if (start < 0) {
                        start = i;
                    }
                    continue;
                }
                if (start >= 0) {
                    Word word = word(text.substring(start, i).toLowerCase(Locale.ROOT));
                    if (word != null) {
                        current.add(word);
                    }
                    start = -1;
                }
                if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ';') {
                    if (!current.isEmpty()) {
                        sentences.add(current);
                        current = new ArrayList<>();
                    }
                }
            }
            return sentences;
        }

        private Word word(String raw) {
            List<String> lemmas = LemmaFilter.contentLemmas(morphology, raw);
            if (lemmas.isEmpty()) {
                return null;
            }
            int[] ids = new int[lemmas.size()];
            int[] roots = new int[lemmas.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = id(lemmas.get(i));
                roots[i] = id(tuning.root(lemmas.get(i)));
            }
            return new Word(ids, roots, lemmas);
        }

        ArticleProfile profile(Article article) {
            List<List<Word>> title = sentences(article.title());
            List<List<Word>> heading = new ArrayList<>(title);
            List<List<Word>> passages = new ArrayList<>();
            for (String question : article.questions()) {
                List<List<Word>> q = sentences(question);
                heading.addAll(q);
                passages.addAll(q);
            }
            for (String tag : article.tags()) {
                heading.addAll(sentences(tag));
            }
            List<List<Word>> section = sentences(article.section());
            heading.addAll(section);
            List<List<Word>> body = sentences(article.body());
            passages.addAll(body);
            List<List<Word>> all = new ArrayList<>(heading);
            all.addAll(body);

            List<String> promising = new ArrayList<>();
            for (List<List<Word>> part : List.of(title, section)) {
                for (List<Word> sentence : part) {
                    sentence.forEach(w -> promising.addAll(w.lemmaText()));
                }
            }
            for (String tag : article.tags()) {
                for (List<Word> sentence : sentences(tag)) {
                    sentence.forEach(w -> promising.addAll(w.lemmaText()));
                }
            }
            List<int[]> titleWords = new ArrayList<>();
            for (List<Word> sentence : title) {
                for (Word w : sentence) {
                    titleWords.add(w.lemmas());
                }
            }
            // term -> {where, passage mask}
            Map<Integer, long[]> terms = new HashMap<>();
            mark(terms, title, TITLE_AND_HEAD, -1);
            mark(terms, heading, ArticleProfile.HEAD, -1);
            for (int p = 0; p < passages.size(); p++) {
                mark(terms, List.of(passages.get(p)), 0, Math.min(p, 63));
            }
            mark(terms, body, 0, -1);
            // how often each term occurs, the heading counted twice as the first stage's text had it
            Map<Integer, Integer> counts = new HashMap<>();
            int length = count(counts, heading, 2) + count(counts, body, 1);
            int[] ids = terms.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            byte[] where = new byte[ids.length];
            long[] masks = new long[ids.length];
            short[] frequencies = new short[ids.length];
            for (int i = 0; i < ids.length; i++) {
                long[] info = terms.get(ids[i]);
                where[i] = (byte) info[0];
                masks[i] = info[1];
                frequencies[i] = (short) Math.min(Short.MAX_VALUE, counts.getOrDefault(ids[i], 0));
            }
            String headingText = String.join("\n", article.title(), String.join("\n", article.questions()),
                    String.join("\n", article.tags()), article.section());
            return new ArticleProfile(ids, where, masks, frequencies, length, pairs(all), titleWords.toArray(int[][]::new),
                    CharGrams.of(headingText + "\n" + article.body()), CharGrams.of(headingText), CharGrams.of(article.title()),
                    Intent.promised(promising));
        }

        /** Adds each word's lemma and root occurrences, {@code times} over; returns the number of words. */
        private static int count(Map<Integer, Integer> counts, List<List<Word>> sentences, int times) {
            int words = 0;
            for (List<Word> sentence : sentences) {
                for (Word w : sentence) {
                    words += times;
                    for (int[] ids : new int[][] {w.lemmas(), w.roots()}) {
                        for (int id : java.util.Arrays.stream(ids).distinct().toArray()) {
                            counts.merge(id, times, Integer::sum);
                        }
                    }
                }
            }
            return words;
        }

        private static final int TITLE_AND_HEAD = ArticleProfile.TITLE | ArticleProfile.HEAD;

        private static void mark(Map<Integer, long[]> terms, List<List<Word>> sentences, int where, int passage) {
            for (List<Word> sentence : sentences) {
                for (Word w : sentence) {
                    for (int[] ids : new int[][] {w.lemmas(), w.roots()}) {
                        for (int id : ids) {
                            long[] info = terms.computeIfAbsent(id, k -> new long[2]);
                            info[0] |= where;
                            if (passage >= 0) {
                                info[1] |= 1L << passage;
                            }
                        }
                    }
                }
            }
        }

        private static int[] pairs(List<List<Word>> sentences) {
            List<Integer> pairs = new ArrayList<>();
            for (List<Word> sentence : sentences) {
                for (int i = 0; i < sentence.size(); i++) {
                    for (int j = i + 1; j < sentence.size() && j <= i + 2; j++) {
                        for (int a : sentence.get(i).lemmas()) {
                            for (int b : sentence.get(j).lemmas()) {
                                pairs.add(ArticleProfile.pair(a, b));
                            }
                        }
                    }
                }
            }
            return pairs.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        }
    }
}
