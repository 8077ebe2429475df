package dev.supportgateway.faq.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a chat message into the parts worth searching for: greetings, thanks and politeness go, and in a long
 * message the sentences that ask something weigh more than the context around them.
 */
public final class QuestionCleaner {

    /** A piece of the message with how much it counts (1 for the question itself). */
    public record Part(String text, double weight) {
    }

    /** The cleaned message and what was done to it, for the explanation. */
    public record Cleaned(List<Part> parts, List<String> signals) {
        public Cleaned {
            parts = List.copyOf(parts);
            signals = List.copyOf(signals);
        }

        public String text() {
            return String.join(" ", parts.stream().map(Part::text).toList());
        }
    }

    private static final double CONTEXT_WEIGHT = 0.5;

    private static final Pattern POLITENESS = Pattern.compile(
            "(?iu)(?<![\\p{L}\\d])(?:"
                    + "здравствуйте|здравствуй|здрасте|здрасьте|добрый\\s+(?:день|вечер|утро)|доброе\\s+утро|"
                    + "доброго\\s+(?:дня|утра|вечера|времени\\s+суток)|приветствую|привет|салем|сәлеметсіз\\s+бе|"
                    + "hello|hi|"
                    + "заранее\\s+(?:спасибо|благодарю|благодарна|благодарен)|большое\\s+спасибо|спасибо|благодарю|"
                    + "пожалуйста|пожалуйсто|пожалуста|плиз|пжл|пж|"
                    + "будьте\\s+добры|будьте\\s+любезны|буду\\s+(?:очень\\s+)?благодарн(?:а|ы|ен)|"
                    + "извините|простите|подскажите|подскажи|скажите|скажи|помогите\\s+разобраться|"
                    + "с\\s+уважением|уважаемые|уважаемый|коллеги|девушка"
                    + ")(?![\\p{L}\\d])");

    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s,.!;:—-]+|[\\s,;:—-]+$");

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+|\\n+");

    private static final Pattern ASKS = Pattern.compile(
            "(?iu)\\?|(?<![\\p{L}])(?:как|где|когда|почему|зачем|что|чем|сколько|какой|какая|какое|какие|каким|куда|"
                    + "откуда|кто|можно|нельзя|нужно|надо|ли|не\\s+могу|не\\s+получается|не\\s+приходит|не\\s+работает)(?![\\p{L}])");

    private QuestionCleaner() {
    }

    public static Cleaned clean(String message) {
        List<String> signals = new ArrayList<>();
        Matcher politeness = POLITENESS.matcher(message);
        String text = message;
        if (politeness.find()) {
            text = politeness.replaceAll(" ");
            signals.add("greeting/politeness stripped");
        }
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            String stripped = EDGE_PUNCTUATION.matcher(sentence).replaceAll("").strip();
            if (stripped.codePoints().anyMatch(Character::isLetterOrDigit)) {
                sentences.add(stripped);
            }
        }
        if (sentences.size() <= 1) {
            return new Cleaned(sentences.stream().map(s -> new Part(s, 1.0)).toList(), signals);
        }
        List<Boolean> asking = sentences.stream().map(s -> ASKS.matcher(s).find()).toList();
        boolean anyAsks = asking.contains(true);
        boolean allAsk = !asking.contains(false);
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            boolean context = anyAsks && !allAsk && !asking.get(i);
            parts.add(new Part(sentences.get(i), context ? CONTEXT_WEIGHT : 1.0));
        }
        if (anyAsks && !allAsk) {
            signals.add("question part weighted over context");
        }
        return new Cleaned(parts, signals);
    }
}
