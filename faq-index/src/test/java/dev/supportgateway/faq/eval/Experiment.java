package dev.supportgateway.faq.eval;

import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.helpcenter.HelpCenterAnswer;
import dev.supportgateway.faq.LuceneHelpCenter;
import dev.supportgateway.faq.analysis.Glossary;
import dev.supportgateway.faq.analysis.RussianMorphology;
import dev.supportgateway.faq.search.ConfidenceModel;
import dev.supportgateway.faq.search.Features;
import dev.supportgateway.faq.search.Hit;
import dev.supportgateway.faq.search.RankingModel;
import dev.supportgateway.faq.search.SearchOutcome;
import dev.supportgateway.faq.search.SearchTuning;
import dev.supportgateway.faq.search.Signals;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hand-run tuning aid (not a test): prints the misses and scorecards of the development set and writes the ranking
 * features of every candidate ({@code /tmp/faq-features.tsv}) and the confidence signals of every question
 * ({@code /tmp/faq-signals.tsv}) for fitting the ranking and confidence models offline (with cross-validation).
 * Arguments: the shared directory, then anything to print the misses.
 */
public final class Experiment {

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path shared = Path.of(args.length > 0 ? args[0] : "/work/shared");
        Path eval = shared.resolve("faq-eval");
        List<DevQuestion> questions = DevQuestion.read(eval.resolve("dev-questions.tsv"));
        RussianMorphology morphology = RussianMorphology.get();
        Glossary glossary = Boolean.getBoolean("noGlossary") ? Glossary.empty() : Glossary.standard(morphology);
        String weights = System.getProperty("ranking");
        RankingModel ranking = weights == null ? RankingModel.standard()
                : new RankingModel(java.util.Arrays.stream(weights.split(",")).mapToDouble(Double::parseDouble).toArray());
        LuceneHelpCenter helpCenter = new LuceneHelpCenter(morphology, glossary, SearchTuning.standard(), ranking, ConfidenceModel.standard());
        for (DeskId desk : questions.stream().map(DevQuestion::desk).distinct().toList()) {
            helpCenter.load(desk, eval.resolve("kb").resolve(desk.value()));
        }
        List<HelpCenterAnswer> answers = new ArrayList<>();
        StringBuilder features = new StringBuilder("row\tdesk\texpected\tarticle\t" + String.join("\t", Features.NAMES) + "\n");
        StringBuilder signals = new StringBuilder("row\tdesk\texpected\ttop\tscore\tmargin\tcoverage\theadCoverage\ttitlePrecision\tgramSimilarity\n");
        for (DevQuestion q : questions) {
            HelpCenterAnswer a = helpCenter.ask(q.desk(), q.question(), 5);
            answers.add(a);
            SearchOutcome outcome = helpCenter.inspect(q.desk(), q.question(), 10_000).orElseThrow();
            for (Hit hit : outcome.hits()) {
                features.append(q.row()).append('\t').append(q.desk()).append('\t').append(q.expected()).append('\t').append(hit.article().id());
                for (double f : hit.features()) {
                    features.append(String.format(Locale.ROOT, "\t%.5f", f));
                }
                features.append('\n');
            }
            Signals s = outcome.signals();
            String top = outcome.hits().isEmpty() ? "-" : outcome.hits().get(0).article().id();
            signals.append(q.row()).append('\t').append(q.desk()).append('\t').append(q.expected()).append('\t').append(top);
            for (double v : s.values()) {
                signals.append(String.format(Locale.ROOT, "\t%.5f", v));
            }
            signals.append('\n');
            String first = a.candidates().isEmpty() ? "-" : a.candidates().get(0).id();
            boolean miss = q.answerable() ? !q.expected().equals(first) : a.decision() == HelpCenterAnswer.Decision.ANSWER;
            boolean wrongDirect = q.answerable() && a.decision() == HelpCenterAnswer.Decision.ANSWER && !q.expected().equals(a.answer());
            if (args.length > 1 && (miss || wrongDirect)) {
                out.printf("%s %s | expected %s | got %s | %s%n   %s%n", wrongDirect ? "WRONG-DIRECT" : q.answerable() ? "MISS" : "NONE-DIRECT",
                        q.question(), q.expected(), a.candidates().stream().limit(3).map(HelpCenterAnswer.Candidate::id).toList(), a.decision(), a.explanation());
            }
        }
        Files.writeString(Path.of("/tmp/faq-features.tsv"), features);
        Files.writeString(Path.of("/tmp/faq-signals.tsv"), signals);
        Map<String, List<Integer>> byDesk = new TreeMap<>();
        for (int i = 0; i < questions.size(); i++) {
            byDesk.computeIfAbsent(questions.get(i).desk().value(), d -> new ArrayList<>()).add(i);
        }
        for (var entry : byDesk.entrySet()) {
            out.println(Scorecard.of(entry.getKey(), entry.getValue().stream().map(questions::get).toList(), entry.getValue().stream().map(answers::get).toList()));
        }
        out.println(Scorecard.of("total", questions, answers));
        helpCenter.close();
    }
}
