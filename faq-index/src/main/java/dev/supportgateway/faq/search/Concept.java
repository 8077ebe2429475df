package dev.supportgateway.faq.search;

import dev.supportgateway.faq.analysis.Glossary;
import java.util.List;

/**
 * One meaningful word of a question: what the customer wrote, the lemmas it is searched by (several for homonyms),
 * how much it counts, a correction note when the word was repaired, the glossary names it also goes by, and how rare
 * the word is in Russian at large (1 for a rare or unknown word, towards 0 for the commonest).
 */
public record Concept(String written, List<String> lemmas, double weight, String correction,
                      List<Glossary.Variant> expansions, double generalRarity) {
    public Concept {
        lemmas = List.copyOf(lemmas);
        expansions = List.copyOf(expansions);
    }

    /** A concept whose rarity is not known yet: counted as rare. */
    public Concept(String written, List<String> lemmas, double weight, String correction, List<Glossary.Variant> expansions) {
        this(written, lemmas, weight, correction, expansions, 1);
    }

    Concept withGeneralRarity(double rarity) {
        return new Concept(written, lemmas, weight, correction, expansions, rarity);
    }

    Concept withExpansions(List<Glossary.Variant> more) {
        List<Glossary.Variant> all = new java.util.ArrayList<>(expansions);
        for (Glossary.Variant variant : more) {
            if (!all.contains(variant)) {
                all.add(variant);
            }
        }
        return new Concept(written, lemmas, weight, correction, all, generalRarity);
    }

    /** The word as it was understood: the correction when it was repaired. */
    public String label() {
        return correction == null ? written : correction;
    }
}
