package dev.supportgateway.faq.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Splits text into words exactly as the index does (Unicode word boundaries), before any normalisation. */
public final class Words {

    // a tokenizer allocates its scanner's buffers when made, and every question is split several times
    private static final ThreadLocal<StandardTokenizer> TOKENIZERS = ThreadLocal.withInitial(StandardTokenizer::new);

    private Words() {
    }

    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StandardTokenizer tokenizer = TOKENIZERS.get();
        CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
        try {
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                words.add(term.toString());
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                tokenizer.close();
            } catch (IOException e) {
                // a StringReader does not fail to close; the tokenizer is ready for the next text either way
            }
        }
        return words;
    }
}
