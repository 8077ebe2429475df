package dev.supportgateway.faq.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** Article text to searchable lemmas: standard tokens, lower case, dictionary lemmas (and roots), no function words. */
public final class HelpCenterAnalyzer extends Analyzer {

    private final RussianMorphology morphology;
    private final int rootLength;

    public HelpCenterAnalyzer(RussianMorphology morphology) {
        this(morphology, 0);
    }

    /** With {@code rootLength > 0}, each lemma's root is indexed beside it (see {@link LemmaFilter}). */
    public HelpCenterAnalyzer(RussianMorphology morphology, int rootLength) {
        this.morphology = morphology;
        this.rootLength = rootLength;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new LemmaFilter(stream, morphology, rootLength);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
