package dev.supportgateway.faq.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replaces each lower-case word by its lemmas (all homonyms at one position, ё folded, no duplicates) and drops
 * function words; unknown words get their light stem. With a root length, each lemma's root ({@link #root}) is
 * added at the same position, so that derivations of one word (подписать, подписание) meet. The questions go
 * through the same rules.
 */
public final class LemmaFilter extends TokenFilter {

    /** Marks a root term apart from a lemma term in the same field. */
    public static final String ROOT_MARK = "~";

    private final RussianMorphology morphology;
    private final int rootLength;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private State current;
    private int skippedPositions;

    public LemmaFilter(TokenStream input, RussianMorphology morphology) {
        this(input, morphology, 0);
    }

    public LemmaFilter(TokenStream input, RussianMorphology morphology, int rootLength) {
        super(input);
        this.morphology = morphology;
        this.rootLength = rootLength;
    }

    /** The root term of a lemma: its first {@code length} letters, marked. */
    public static String root(String lemma, int length) {
        return ROOT_MARK + (lemma.length() <= length ? lemma : lemma.substring(0, length));
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(current);
            term.setEmpty().append(pending.poll());
            position.setPositionIncrement(0);
            return true;
        }
        while (input.incrementToken()) {
            List<String> lemmas = contentLemmas(morphology, term.toString());
            if (lemmas.isEmpty()) {
                skippedPositions += position.getPositionIncrement();
                continue;
            }
            position.setPositionIncrement(position.getPositionIncrement() + skippedPositions);
            skippedPositions = 0;
            term.setEmpty().append(lemmas.get(0));
            if (lemmas.size() > 1) {
                pending.addAll(lemmas.subList(1, lemmas.size()));
            }
            if (rootLength > 0) {
                for (String lemma : lemmas) {
                    String root = root(lemma, rootLength);
                    if (!pending.contains(root)) {
                        pending.add(root);
                    }
                }
            }
            if (!pending.isEmpty()) {
                current = captureState();
            }
            return true;
        }
        return false;
    }

    /** The lemmas of a word that count for search. */
    public static List<String> contentLemmas(RussianMorphology morphology, String word) {
        return FunctionWords.content(morphology.lemmas(word));
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        current = null;
        skippedPositions = 0;
    }
}
