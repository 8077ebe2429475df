package dev.supportgateway.faq.search;

import java.util.List;
import java.util.Set;

/**
 * What kind of answer a question asks for, told by its question words (сколько, когда, где, почему, как), and
 * whether an article's title, section or tags promise that kind of answer. Generic: no article is named.
 */
enum Intent {
    /** how long / by when / at what hours */
    TIME(Set.of("когда", "скоро", "быстро", "долго", "срок", "время", "час", "сутки", "сколько", "ждать"),
            Set.of("срок", "время", "час", "режим", "график", "сутки", "день", "минута", "реакция", "длительность", "когда", "скорость")),
    /** how much money */
    PRICE(Set.of("стоить", "стоимость", "цена", "платный", "бесплатный", "заплатить", "оплатить"),
            Set.of("стоимость", "цена", "тариф", "платный", "бесплатный", "оплата", "прайс")),
    /** where / whom to contact */
    PLACE(Set.of("где", "куда", "откуда", "кому", "написать", "позвонить", "связаться"),
            Set.of("где", "куда", "контакт", "канал", "адрес", "связь", "связаться", "телефон", "почта", "раздел")),
    /** why */
    REASON(Set.of("почему", "зачем", "причина"),
            Set.of("почему", "зачем", "причина", "нужный", "требование", "основание")),
    /** a difference between things */
    DIFFERENCE(Set.of("отличаться", "отличие", "разница", "различие", "сравнение", "выбрать"),
            Set.of("отличаться", "отличие", "разница", "различие", "сравнение", "выбрать", "уровень"));

    private final Set<String> asked;
    private final Set<String> promised;

    Intent(Set<String> asked, Set<String> promised) {
        this.asked = asked;
        this.promised = promised;
    }

    /** The intents a question's lemmas (and words as written) ask for, as a bit mask. */
    static int asked(List<String> lemmasAndWords) {
        int mask = 0;
        for (Intent intent : values()) {
            for (String lemma : lemmasAndWords) {
                if (intent.asked.contains(lemma)) {
                    mask |= 1 << intent.ordinal();
                }
            }
        }
        return mask;
    }

    /** The intents an article's heading lemmas promise, as a bit mask. */
    static int promised(List<String> headLemmas) {
        int mask = 0;
        for (Intent intent : values()) {
            for (String lemma : headLemmas) {
                if (intent.promised.contains(lemma)) {
                    mask |= 1 << intent.ordinal();
                }
            }
        }
        return mask;
    }
}
