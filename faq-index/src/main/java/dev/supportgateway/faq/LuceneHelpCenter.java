package dev.supportgateway.faq;

import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.helpcenter.Article;
import dev.supportgateway.engine.helpcenter.HelpCenter;
import dev.supportgateway.engine.helpcenter.HelpCenterAnswer;
import dev.supportgateway.engine.helpcenter.HelpCenterAnswer.Candidate;
import dev.supportgateway.engine.helpcenter.HelpCenterAnswer.Decision;
import dev.supportgateway.faq.analysis.Glossary;
import dev.supportgateway.faq.analysis.RussianMorphology;
import dev.supportgateway.faq.article.ArticleFolder;
import dev.supportgateway.faq.article.ArticleSet;
import dev.supportgateway.faq.article.Problem;
import dev.supportgateway.faq.search.Concept;
import dev.supportgateway.faq.search.ConfidenceModel;
import dev.supportgateway.faq.search.DeskIndex;
import dev.supportgateway.faq.search.DeskSearch;
import dev.supportgateway.faq.search.Hit;
import dev.supportgateway.faq.search.QuestionReader;
import dev.supportgateway.faq.search.RankingModel;
import dev.supportgateway.faq.search.ReadQuestion;
import dev.supportgateway.faq.search.SearchOutcome;
import dev.supportgateway.faq.search.SearchTuning;
import dev.supportgateway.faq.search.Signals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The help centers of all desks on Lucene: one index per desk, rebuilt from its article folder while questions
 * keep being answered from the previous index, which is swapped out atomically.
 */
public final class LuceneHelpCenter implements HelpCenter, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LuceneHelpCenter.class.getName());
    /** How many candidates the dialogue offers when it is not sure. */
    public static final int SUGGESTIONS = 3;
    private static final int RETRIEVED = 10;

    private final RussianMorphology morphology;
    private final SearchTuning tuning;
    private final QuestionReader reader;
    private final DeskSearch search;
    private final ConfidenceModel confidence;
    private final Map<DeskId, DeskIndex> indexes = new ConcurrentHashMap<>();
    private final Map<DeskId, List<Problem>> problems = new ConcurrentHashMap<>();
    private final Map<DeskId, Object> buildLocks = new ConcurrentHashMap<>();

    public LuceneHelpCenter() {
        this(RussianMorphology.get(), Glossary.standard(RussianMorphology.get()), SearchTuning.standard(), ConfidenceModel.standard());
    }

    public LuceneHelpCenter(RussianMorphology morphology, Glossary glossary, SearchTuning tuning, ConfidenceModel confidence) {
        this(morphology, glossary, tuning, RankingModel.standard(), confidence);
    }

    public LuceneHelpCenter(RussianMorphology morphology, Glossary glossary, SearchTuning tuning, RankingModel ranking,
                            ConfidenceModel confidence) {
        this.morphology = Objects.requireNonNull(morphology);
        this.tuning = Objects.requireNonNull(tuning);
        this.reader = new QuestionReader(morphology, glossary, tuning);
        this.search = new DeskSearch(tuning, ranking);
        this.confidence = Objects.requireNonNull(confidence);
    }

    /** (Re)builds the desk's index from its article folder; broken articles are reported and skipped. */
    public ArticleSet load(DeskId desk, Path articlesDir) {
        ArticleSet set = ArticleFolder.load(articlesDir, desk);
        load(desk, set.articles(), set.problems());
        return set;
    }

    /** (Re)builds the desk's index from articles already in memory. */
    public void load(DeskId desk, List<Article> articles) {
        load(desk, articles, List.of());
    }

    private void load(DeskId desk, List<Article> articles, List<Problem> found) {
        for (Article article : articles) {
            if (!article.desk().equals(desk)) {
                throw new IllegalArgumentException("article " + article.id() + " belongs to desk " + article.desk() + ", not " + desk);
            }
        }
        // Concurrent loads of one desk are serialised so that the last one started is the one that stays.
        synchronized (buildLocks.computeIfAbsent(desk, d -> new Object())) {
            long start = System.nanoTime();
            DeskIndex fresh = DeskIndex.build(desk, articles, morphology, tuning);
            DeskIndex previous = indexes.put(desk, fresh);
            problems.put(desk, List.copyOf(found));
            if (previous != null) {
                previous.retire();
            }
            LOG.log(System.Logger.Level.INFO, "desk {0}: indexed {1} articles in {2} ms ({3} skipped)", desk,
                    articles.size(), (System.nanoTime() - start) / 1_000_000, found.size());
        }
    }

    /** Removes a desk; questions to it get no answer from now on. */
    public void unload(DeskId desk) {
        synchronized (buildLocks.computeIfAbsent(desk, d -> new Object())) {
            DeskIndex previous = indexes.remove(desk);
            problems.remove(desk);
            if (previous != null) {
                previous.retire();
            }
        }
    }

    public Set<DeskId> desks() {
        return new TreeSet<>(indexes.keySet());
    }

    public List<Article> articles(DeskId desk) {
        DeskIndex index = indexes.get(desk);
        return index == null ? List.of() : index.articles();
    }

    /** The problems found in the desk's folder by its last load. */
    public List<Problem> problems(DeskId desk) {
        return problems.getOrDefault(desk, List.of());
    }

    @Override
    public Optional<Article> article(DeskId desk, String articleId) {
        DeskIndex index = indexes.get(desk);
        return index == null || articleId == null ? Optional.empty() : Optional.ofNullable(index.article(articleId));
    }

    /**
     * The dialogue's lookup: without the explanation, which costs a tenth of the lookup and, kept with every bot
     * decision, a fifth of a busy gateway's heap; {@code ask(desk, question, n)} gives it on demand.
     */
    @Override
    public HelpCenterAnswer ask(DeskId desk, String question) {
        return ask(desk, question, SUGGESTIONS, false);
    }

    /**
     * Like {@link #ask(DeskId, String)}, listing up to {@code candidates} articles (best first) whatever the decision,
     * with the explanation (the question as read, matched terms, margin to the second hit).
     */
    public HelpCenterAnswer ask(DeskId desk, String question, int candidates) {
        return ask(desk, question, candidates, true);
    }

    private HelpCenterAnswer ask(DeskId desk, String question, int candidates, boolean explain) {
        if (question == null || question.isBlank()) {
            return HelpCenterAnswer.none(question, "empty question");
        }
        while (true) {
            DeskIndex index = indexes.get(desk);
            if (index == null) {
                return HelpCenterAnswer.none(question, "no help center for desk " + desk);
            }
            if (!index.acquire()) {
                continue; // swapped and closed in between: take the new one
            }
            try {
                return answer(index, question, candidates, explain);
            } finally {
                index.release();
            }
        }
    }

    /** The raw search behind an answer (question as read, ranked hits, signals): for tuning and diagnostics. */
    public Optional<SearchOutcome> inspect(DeskId desk, String question, int limit) {
        while (true) {
            DeskIndex index = indexes.get(desk);
            if (index == null) {
                return Optional.empty();
            }
            if (!index.acquire()) {
                continue;
            }
            try {
                return Optional.of(search.search(index, reader.read(question, index), limit));
            } finally {
                index.release();
            }
        }
    }

    /** The confidence model that turns signals into decisions. */
    public ConfidenceModel confidenceModel() {
        return confidence;
    }

    private HelpCenterAnswer answer(DeskIndex index, String question, int limit, boolean explain) {
        ReadQuestion read = reader.read(question, index);
        SearchOutcome outcome = search.search(index, read, Math.max(limit, RETRIEVED));
        if (outcome.hits().isEmpty()) {
            String why = read.concepts().isEmpty() ? "no meaningful words in the question" : "no article shares a word with the question";
            return new HelpCenterAnswer(question, Decision.NO_ANSWER, null, 0, List.of(),
                    explain ? explain(read, outcome, 0, Decision.NO_ANSWER) + "; " + why : "");
        }
        double p = confidence.confidence(outcome.signals());
        Decision decision = confidence.decide(p);
        List<Candidate> candidates = new ArrayList<>();
        for (Hit hit : outcome.hits().subList(0, Math.min(limit, outcome.hits().size()))) {
            candidates.add(new Candidate(hit.article().id(), hit.article().title(), Math.round(hit.score() * 1000) / 1000.0));
        }
        String answer = decision == Decision.ANSWER ? outcome.hits().get(0).article().id() : null;
        return new HelpCenterAnswer(question, decision, answer, p, candidates, explain ? explain(read, outcome, p, decision) : "");
    }

    private String explain(ReadQuestion read, SearchOutcome outcome, double p, Decision decision) {
        StringBuilder out = new StringBuilder();
        List<String> words = read.concepts().stream().map(c -> c.label() + "=" + String.join("|", c.lemmas())).toList();
        out.append("read as [").append(String.join(", ", words)).append(']');
        if (!read.signals().isEmpty()) {
            out.append("; signals: ").append(String.join("; ", read.signals()));
        }
        if (!outcome.hits().isEmpty()) {
            Hit best = outcome.hits().get(0);
            Signals s = outcome.signals();
            out.append("; best ").append(best.article().id()).append(" (score ").append(fixed(best.score(), 2)).append(')');
            out.append("; matched [").append(String.join(", ", best.matched().stream().map(Concept::label).toList())).append(']');
            List<String> missing = read.concepts().stream().filter(c -> !best.matched().contains(c)).map(Concept::label).toList();
            if (!missing.isEmpty()) {
                out.append("; not in it [").append(String.join(", ", missing)).append(']');
            }
            if (!best.matchedInTitle().isEmpty()) {
                out.append("; in title/questions [").append(String.join(", ", best.matchedInTitle().stream().map(Concept::label).toList())).append(']');
            }
            if (outcome.hits().size() > 1) {
                Hit second = outcome.hits().get(1);
                out.append("; margin ").append(fixed(s.margin(), 2)).append(" to ").append(second.article().id())
                        .append(" (").append(fixed(second.score(), 2)).append(')');
            }
            out.append("; coverage ").append(fixed(s.coverage(), 2)).append(", heading coverage ").append(fixed(s.titleCoverage(), 2))
                    .append(", title covered ").append(fixed(s.titlePrecision(), 2)).append(", gram similarity ").append(fixed(s.gramSimilarity(), 2));
        }
        out.append("; confidence ").append(fixed(p, 3)).append(" → ").append(decision).append(" (answer ≥ ").append(fixed(confidence.answerAt(), 2))
                .append(", suggest ≥ ").append(fixed(confidence.suggestAt(), 2)).append(')');
        return out.toString();
    }

    /** As {@code %.Nf} would write it: every answer is explained, and {@code String.format} was half the cost of explaining. */
    private static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString() : String.valueOf(value);
    }

    @Override
    public void close() {
        for (DeskId desk : desks()) {
            unload(desk);
        }
    }
}
