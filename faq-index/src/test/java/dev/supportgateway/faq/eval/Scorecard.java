package dev.supportgateway.faq.eval;

import dev.supportgateway.engine.helpcenter.HelpCenterAnswer;
import java.util.List;
import java.util.Locale;

/** The retrieval and decision figures for a group of development questions. */
record Scorecard(String name, int answerable, int top1, int top3, int directWrong, int directRight, int none, int noneDirect) {

    static Scorecard of(String name, List<DevQuestion> questions, List<HelpCenterAnswer> answers) {
        int answerable = 0, top1 = 0, top3 = 0, wrong = 0, right = 0, none = 0, noneDirect = 0;
        for (int i = 0; i < questions.size(); i++) {
            DevQuestion q = questions.get(i);
            HelpCenterAnswer a = answers.get(i);
            boolean direct = a.decision() == HelpCenterAnswer.Decision.ANSWER;
            if (q.answerable()) {
                answerable++;
                List<String> ids = a.candidates().stream().map(HelpCenterAnswer.Candidate::id).toList();
                if (!ids.isEmpty() && ids.get(0).equals(q.expected())) {
                    top1++;
                }
                if (ids.subList(0, Math.min(3, ids.size())).contains(q.expected())) {
                    top3++;
                }
                if (direct) {
                    if (q.expected().equals(a.answer())) {
                        right++;
                    } else {
                        wrong++;
                    }
                }
            } else {
                none++;
                if (direct) {
                    noneDirect++;
                }
            }
        }
        return new Scorecard(name, answerable, top1, top3, wrong, right, none, noneDirect);
    }

    double hitAt1() {
        return ratio(top1, answerable);
    }

    double recallAt3() {
        return ratio(top3, answerable);
    }

    double wrongDirectRate() {
        return ratio(directWrong, answerable);
    }

    double directRate() {
        return ratio(directRight + directWrong, answerable);
    }

    double noneDirectRate() {
        return ratio(noneDirect, none);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-10s hit@1 %.3f  recall@3 %.3f  answered directly %.3f  wrong direct %.3f  NONE answered %.3f  (%d answerable, %d NONE)",
                name, hitAt1(), recallAt3(), directRate(), wrongDirectRate(), noneDirectRate(), answerable, none);
    }
}
