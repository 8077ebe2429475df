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
 * function words; unknown words get their light stem. The questions go through the same rules.
 */
public final class LemmaFilter extends TokenFilter {

    private final RussianMorphology morphology;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private State current;
    private int skippedPositions;

    public LemmaFilter(TokenStream input, RussianMorphology morphology) {
        super(input);
        this.morphology = morphology;
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
