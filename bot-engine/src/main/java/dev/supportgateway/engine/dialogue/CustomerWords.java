package dev.supportgateway.engine.dialogue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Recognises what a customer's words do besides asking a question: greet, thank, say goodbye, ask
 * for a person or a callback, answer the closing question. Russian as customers write it: colloquial,
 * with typos, without punctuation, sometimes Kazakh courtesies.
 */
final class CustomerWords {

    /** A message that is only politeness. */
    enum Courtesy { GREETING, THANKS, GOODBYE }

    private static final String W = "(?<!\\p{L})";   // a word starts here
    private static final String L = "\\p{L}*";        // the rest of the word

    private static final Pattern GREETING = Pattern.compile(W + "(?:здр" + L + "|драст" + L + "|здаров" + L + "|дарова|привет" + L
            + "|прив|приветик|хай|хелло|hello|hi|салем" + L + "|салам" + L + "|сәлем" + L + "|добр(?:ый|ого|ое|ой)\\s+(?:день|дня|вечер|вечера|утро|утра|ночи|времени(?:\\s+суток)?)"
            + "|доброе)(?!\\p{L})");
    private static final Pattern THANKS = Pattern.compile(W + "(?:спасиб" + L + "|пасиб" + L + "|спс|сп|благодар" + L + "|сенкс|thanks|thank you|thx|рахмет"
            + L + "|мерси)(?!\\p{L})");
    private static final Pattern GOODBYE = Pattern.compile(W + "(?:до\\s*свидани" + L + "|досвидос|пока|покеда|всего\\s+(?:доброго|хорошего)|до\\s+встречи"
            + "|до\\s+связи|хорошего\\s+(?:дня|вечера))(?!\\p{L})");

    /** Words that carry no question next to a courtesy («спасибо вам большое», «добрый день, уважаемая поддержка»). */
    private static final Set<String> FILLER = Set.of("ну", "вам", "вас", "тебе", "большое", "огромное", "очень", "же", "и", "еще", "раз",
            "всем", "уважаемые", "уважаемая", "уважаемый", "поддержка", "техподдержка", "служба", "друзья", "коллеги", "а", "ок", "ok",
            "хорошо", "понятно", "ясно", "все", "за", "помощь", "ответ", "вы", "мне", "помогли", "супер", "отлично", "да", "так", "и вам",
            "день", "вечер", "утро", "суток", "ребята", "бот", "там", "здесь", "добрый", "бе", "снова", "опять", "еще раз");

    private static final Pattern PERSON = Pattern.compile(W + "(?:оператор" + L + "|специалист" + L + "|сотрудник" + L + "|консультант" + L
            + "|менеджер" + L + "|инженер" + L + "|человек" + L + "|человеч" + L + "|люд" + L + ")");
    private static final Pattern LIVE_PERSON = Pattern.compile(W + "жив(?:ой|ого|ым|ому)\\s+(?:человек|оператор|специалист)" + L);
    private static final Pattern CALL_A_PERSON = Pattern.compile(W + "(?:позов" + L + "|позва" + L + "|соедин" + L + "|переключ" + L + "|свяж" + L
            + "|перевед" + L + "|дайте|дай|нужен|нужна|нужно|хочу|хотел" + L + "|можно|пригласи" + L + "|поговор" + L + "|пообщат" + L + "|связат" + L
            + "|подключите)(?!\\p{L})");
    /** «оператор ЭДО», «оператор связи»: the word names a company in these desks' domain, not a person to talk to. */
    private static final Pattern OPERATOR_AS_COMPANY = Pattern.compile(W + "(?:эдо|офд|фискальн" + L + "|связи|сотов" + L + "|мобильн" + L
            + "|электронного\\s+документооборота)(?!\\p{L})");
    private static final Set<String> PERSON_VOCABULARY = Set.of("с", "со", "на", "мне", "пожалуйста", "срочно", "пжл", "плиз", "живой",
            "живым", "живого", "меня", "к", "ко", "вашим", "вашего", "ваш", "нормальным", "нормальный", "реальным", "реальный");

    private static final Pattern CALLBACK = Pattern.compile(W + "(?:перезвон" + L + "|обратн" + L + "\\s+(?:звон|вызов)" + L
            + "|позвонит" + L + "\\s+мне|позвоните|наберите\\s+(?:меня|мне)|зака[зж]" + L + "\\s+звон" + L + "|звонок\\s+от\\s+вас)");

    private static final Pattern NOTHING_REMAINS = Pattern.compile(W + "(?:нет|неа|нету|не\\s+остал" + L + "|не\\s+имею|решен" + L + "|всё|все понятно|вопросов\\s+нет|больше\\s+нет|никаких)(?!\\p{L})");
    private static final Pattern SOMETHING_REMAINS = Pattern.compile(W + "(?:да|есть|остал" + L + "|ещ[её]\\s+вопрос" + L + "|ещ[её]\\s+один)(?!\\p{L})");
    private static final Pattern HELPED = Pattern.compile(W + "(?:помогло|помогла|помог|получилось|заработало|работает)(?!\\p{L})");
    private static final Pattern NOT_HELPED = Pattern.compile(W + "(?:не\\s+помог" + L + "|не\\s+получ" + L + "|не\\s+подход" + L + "|не\\s+то|не\\s+работает|бесполезно)(?!\\p{L})");

    /** «отмена», «передумал», «не надо», «уже не нужно», «вопрос снят», «сам разобрался». */
    private static final Pattern CANCEL = Pattern.compile(W + "(?:отмен" + L + "|передумал" + L + "|не\\s+надо|не\\s+нужно|ненадо|не\\s+актуально|неактуально"
            + "|вопрос\\s+снят|снимаю\\s+вопрос|забудьте|разобрал" + L + "|сам\\s+разберусь|сама\\s+разберусь)(?!\\p{L})");
    /** Words around a cancellation that change nothing: «я передумал, не надо уже», «отмените заявку». */
    private static final Set<String> CANCEL_VOCABULARY = Set.of("я", "уже", "ладно", "пожалуйста", "заявку", "заявка", "обращение", "запрос",
            "передачу", "ничего", "никого", "не", "сам", "сама", "сами", "всё", "нет", "тогда", "пока");

    /** «вопрос не решён», «проблема осталась», «всё ещё не работает», «откройте заново»: the request was closed too early. */
    private static final Pattern NOT_SOLVED = Pattern.compile(W + "(?:(?:вопрос|проблем" + L + "|ошибк" + L + "|обращени" + L + "|заявк" + L + ")\\s+(?:так\\s+и\\s+)?(?:не\\s+решен" + L
            + "|не\\s+устранен" + L + "|остал" + L + "|не\\s+ушл" + L + "|сохраня" + L + "|повторя" + L + "|вернул" + L + ")"
            + "|не\\s+решен" + L + "|не\\s+решили|нерешен" + L + "|не\\s+помогл" + L
            + "|(?:вс[её]\\s+ещ[её]|до\\s+сих\\s+пор|по\\s+прежнему|так\\s+и)\\s+не\\s+(?:работает|получается|решен" + L + ")"
            + "|(?:откр" + L + "|переоткр" + L + ")\\s+(?:(?:обращени" + L + "|заявк" + L + ")\\s+)?(?:заново|снова|повторно)|переоткр" + L + ")(?!\\p{L})");

    // compiled once: every customer message is normalized and split several times
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private CustomerWords() {
    }

    /** Lower case, ё as е, punctuation as spaces, spaces collapsed: the form all patterns here expect. */
    static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        return NOT_WORD.matcher(lower).replaceAll(" ").strip();
    }

    /** The courtesy when the message is nothing but politeness; empty when it also says something else. */
    static Optional<Courtesy> courtesyOnly(String text) {
        return courtesyOnly(Said.of(text));
    }

    static Optional<Courtesy> courtesyOnly(Said said) {
        String words = said.words();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        boolean goodbye = GOODBYE.matcher(words).find();
        boolean thanks = THANKS.matcher(words).find();
        boolean greeting = GREETING.matcher(words).find();
        if (!goodbye && !thanks && !greeting) {
            return Optional.empty();
        }
        String rest = GREETING.matcher(THANKS.matcher(GOODBYE.matcher(words).replaceAll(" ")).replaceAll(" ")).replaceAll(" ");
        boolean onlyFiller = Arrays.stream(SPACES.split(rest)).filter(w -> !w.isBlank()).allMatch(FILLER::contains);
        if (!onlyFiller) {
            return Optional.empty();
        }
        // «спасибо, до свидания» ends the talk; «здравствуйте, спасибо» thanks
        return Optional.of(goodbye ? Courtesy.GOODBYE : thanks ? Courtesy.THANKS : Courtesy.GREETING);
    }

    /** «оператор», «живой человек», «позовите специалиста», «соедините с сотрудником». */
    static boolean asksForPerson(String text) {
        return asksForPerson(Said.of(text));
    }

    static boolean asksForPerson(Said said) {
        String words = said.words();
        if (LIVE_PERSON.matcher(words).find()) {
            return true;
        }
        if (!PERSON.matcher(words).find() || OPERATOR_AS_COMPANY.matcher(words).find()) {
            return false;
        }
        if (CALL_A_PERSON.matcher(words).find()) {
            return true;
        }
        // a bare «оператора!» or «специалиста пожалуйста»: nothing but the person and politeness
        String rest = GREETING.matcher(PERSON.matcher(words).replaceAll(" ")).replaceAll(" ");
        List<String> left = Arrays.stream(SPACES.split(rest)).filter(w -> !w.isBlank()).toList();
        return left.stream().allMatch(w -> PERSON_VOCABULARY.contains(w) || FILLER.contains(w));
    }

    /** «перезвоните», «обратный звонок», «закажите звонок». */
    static boolean asksForCallback(Said said) {
        return CALLBACK.matcher(said.words()).find();
    }

    /** An answer to «Остались ли у вас вопросы?» that means no: «нет», «нет, спасибо», «всё понятно», a goodbye. */
    static boolean nothingRemains(String text) {
        Said said = Said.of(text);
        String words = said.words();
        if (courtesyOnly(said).filter(c -> c != Courtesy.GREETING).isPresent()) {
            return true;
        }
        return NOTHING_REMAINS.matcher(words).find() && !SOMETHING_REMAINS.matcher(words).find() && words.split(" ").length <= 6;
    }

    /** An answer to «Остались ли у вас вопросы?» that means yes, without the question itself. */
    static boolean somethingRemains(String text) {
        String words = normalize(text);
        return SOMETHING_REMAINS.matcher(words).find() && words.split(" ").length <= 4;
    }

    /**
     * A request to stop handing the question to a person: the message is nothing but a cancellation and
     * politeness («отмена», «я передумал, спасибо», «не надо уже»), so «отмена заказа не проходит» is not one.
     */
    static boolean cancels(String text) {
        String words = normalize(text);
        if (!CANCEL.matcher(words).find()) {
            return false;
        }
        String rest = GREETING.matcher(THANKS.matcher(CANCEL.matcher(words).replaceAll(" ")).replaceAll(" ")).replaceAll(" ");
        return Arrays.stream(SPACES.split(rest)).filter(w -> !w.isBlank())
                .allMatch(w -> CANCEL_VOCABULARY.contains(w) || FILLER.contains(w));
    }

    /** The customer says a closed request is not solved («вопрос не решён», «проблема осталась», «откройте обращение заново»). */
    static boolean saysNotSolved(String text) {
        return NOT_SOLVED.matcher(normalize(text)).find();
    }

    /** «не помогло» typed instead of pressing the button. */
    static boolean notHelped(Said said) {
        return NOT_HELPED.matcher(said.words()).find();
    }

    /** «помогло», «получилось» typed instead of pressing the button. */
    static boolean helped(Said said) {
        String words = said.words();
        return HELPED.matcher(words).find() && !NOT_HELPED.matcher(words).find() && words.split(" ").length <= 5;
    }

    /**
     * Whether the text mentions {@code keyword}: every word of the keyword, crudely stemmed, begins a
     * word of the text, so «прокси-сервер» finds «прокси» and «стороннее программное обеспечение» finds «стороннего ПО»'s stems.
     */
    static boolean mentions(String text, String keyword) {
        return mentions(Said.of(text), keyword);
    }

    /** {@link #mentions(String, String)} for a text normalized once and checked against many keywords. */
    static boolean mentions(Said said, String keyword) {
        List<String> stems = KEYWORD_STEMS.computeIfAbsent(keyword, k -> Arrays.stream(normalize(k).split(" "))
                .filter(part -> !part.isEmpty()).map(CustomerWords::stem).toList());
        if (stems.isEmpty()) {
            return false;
        }
        for (String stem : stems) {
            if (!said.spacedWords().contains(" " + stem)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A customer's text normalized once for all the checks of one message: {@code words} as {@link #normalize} gives
     * it, and {@code spacedWords} with a leading space, so that a word start is {@code " " + stem}.
     */
    record Said(String words, String spacedWords) {
        static Said of(String text) {
            String words = normalize(text);
            return new Said(words, " " + words);
        }
    }

    // Keywords come from desk files, so the map holds a bounded set; it spares re-stemming them for every message.
    private static final Map<String, List<String>> KEYWORD_STEMS = new ConcurrentHashMap<>();

    /**
     * Whether the text uses {@code word} in some inflected form: a word of the text begins with its stem
     * and adds at most an ending. Standard terms that a jargon word distorts («прокси» for «прокся») do not count.
     */
    static boolean usesWord(String text, String word) {
        String stem = stem(normalize(word));
        if (stem.isEmpty()) {
            return false;
        }
        for (String token : normalize(text).split(" ")) {
            if (token.startsWith(stem) && token.length() <= stem.length() + 3 && !STANDARD_TERMS.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** Proper words that look like an inflection of an operator jargon word. */
    private static final Set<String> STANDARD_TERMS = Set.of("прокси", "сервер", "сервера", "windows");

    private static final Pattern ENDING = Pattern.compile("(?:ого|его|ому|ему|ыми|ими|ами|ями|ая|яя|ое|ее|ые|ие|ый|ий|ой|ую|юю|ов|ев|ам|ям|ах|ях|ом|ем|ей|ы|и|а|я|о|е|у|ю|ь)$");

    /** Strips one inflection ending from words long enough that the rest still means something. */
    static String stem(String word) {
        if (word.length() <= 4) {
            return word;
        }
        String stripped = ENDING.matcher(word).replaceFirst("");
        return stripped.length() >= 4 ? stripped : word;
    }
}
