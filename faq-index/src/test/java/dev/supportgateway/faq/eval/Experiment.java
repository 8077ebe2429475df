package dev.supportgateway.faq.eval;

import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.helpcenter.HelpCenterAnswer;
import dev.supportgateway.faq.LuceneHelpCenter;
import dev.supportgateway.faq.analysis.Glossary;
import dev.supportgateway.faq.analysis.RussianMorphology;
import dev.supportgateway.faq.search.ArticleField;
import dev.supportgateway.faq.search.ConfidenceModel;
import dev.supportgateway.faq.search.SearchOutcome;
import dev.supportgateway.faq.search.SearchTuning;
import dev.supportgateway.faq.search.Signals;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Hand-run tuning aid (not a test): prints misses and the signals table of the development set. */
public final class Experiment {

    private static float f(String name, float fallback) {
        return Float.parseFloat(System.getProperty(name, String.valueOf(fallback)));
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path shared = Path.of(args.length > 0 ? args[0] : "/work/shared");
        Path eval = shared.resolve("faq-eval");
        List<DevQuestion> questions = DevQuestion.read(eval.resolve("dev-questions.tsv"));
        SearchTuning base = SearchTuning.standard();
        Map<ArticleField, Float> weights = new java.util.EnumMap<>(ArticleField.class);
        for (ArticleField field : ArticleField.values()) {
            weights.put(field, Float.parseFloat(System.getProperty("w." + field.fieldName(), String.valueOf(base.weight(field)))));
        }
        SearchTuning tuning = new SearchTuning(weights, f("tie", base.fieldTieBreaker()), f("glossary", base.glossaryWeight()),
                f("correction", base.correctionWeight()), f("k1", base.bm25K1()), f("b", base.bm25B()), f("root", base.rootWeight()),
                (int) f("rootLength", base.rootLength()),
                f("coverageBonus", base.coverageBonus()), f("titleBonus", base.titleBonus()), (int) f("depth", base.rerankDepth()),
                f("pair", base.pairWeight()), (int) f("slop", base.pairSlop()),
                Boolean.parseBoolean(System.getProperty("bm25f", String.valueOf(base.combinedFields()))));
        RussianMorphology morphology = RussianMorphology.get();
        Glossary glossary = Boolean.getBoolean("noGlossary") ? Glossary.empty() : Glossary.standard(morphology);
        LuceneHelpCenter helpCenter = new LuceneHelpCenter(morphology, glossary, tuning, ConfidenceModel.standard());
        for (DeskId desk : questions.stream().map(DevQuestion::desk).distinct().toList()) {
            helpCenter.load(desk, eval.resolve("kb").resolve(desk.value()));
        }
        List<HelpCenterAnswer> answers = new ArrayList<>();
        StringBuilder table = new StringBuilder("row\tdesk\tlabel\tcoverage\ttitle\tmargin\trelative\tconfidence\n");
        for (DevQuestion q : questions) {
            HelpCenterAnswer a = helpCenter.ask(q.desk(), q.question(), 5);
            answers.add(a);
            SearchOutcome outcome = helpCenter.inspect(q.desk(), q.question(), 10).orElseThrow();
            Signals s = outcome.signals();
            String top = a.candidates().isEmpty() ? "-" : a.candidates().get(0).id();
            int label = q.expected().equals(top) ? 1 : 0;
            table.append(String.format(Locale.ROOT, "%d\t%s\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f%n", q.row(), q.desk(), label,
                    s.coverage(), s.titleCoverage(), s.margin(), s.relativeScore(), a.confidence()));
            boolean miss = q.answerable() ? !q.expected().equals(top) : a.decision() == HelpCenterAnswer.Decision.ANSWER;
            boolean wrongDirect = q.answerable() && a.decision() == HelpCenterAnswer.Decision.ANSWER && !q.expected().equals(a.answer());
            if (args.length > 1 && (miss || wrongDirect)) {
                out.printf("%s %s | expected %s | got %s | %s%n   %s%n", wrongDirect ? "WRONG-DIRECT" : q.answerable() ? "MISS" : "NONE-DIRECT",
                        q.question(), q.expected(), a.candidates().stream().limit(3).map(HelpCenterAnswer.Candidate::id).toList(), a.decision(), a.explanation());
            }
        }
        java.nio.file.Files.writeString(Path.of("/tmp/signals.tsv"), table);
        Map<String, List<Integer>> byDesk = new TreeMap<>();
        for (int i = 0; i < questions.size(); i++) {
            byDesk.computeIfAbsent(questions.get(i).desk().value(), d -> new ArrayList<>()).add(i);
        }
        for (var entry : byDesk.entrySet()) {
            out.println(Scorecard.of(entry.getKey(), entry.getValue().stream().map(questions::get).toList(), entry.getValue().stream().map(answers::get).toList()));
        }
        out.println(Scorecard.of("total", questions, answers));
    }
}
