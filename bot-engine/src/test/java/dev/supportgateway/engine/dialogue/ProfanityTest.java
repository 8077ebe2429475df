package dev.supportgateway.engine.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfanityTest {

    @ParameterizedTest
    @ValueSource(strings = {"бля, опять не работает", "вы там все дебилы", "идиоты", "х*й вам", "п**дец какой-то", "пиздец", "заебали уже",
            "ёбаный портал", "сууука", "xyй", "6лядь", "е#ать", "мудаки", "нахуя это", "ублюдки", "это херня",
            "CYKA, где ответ", "сУуУка", "п$дец"})
    void obscenitiesAndInsultsAreFound(String text) {
        assertThat(Profanity.in(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Прошу потребовать ответ", "хулиганство", "Херсонская область", "сукно", "ухудшение работы", "употреблять",
            "Я требую оператора", "небольшой вопрос", "учеба", "ребята, помогите", "страховка", "команда", "Сергей Блинов",
            "Ошибка *** при подписи", "правила оскорблений", "idiom", "hi", "скребок",
            "ok", "proxy не работает", "зовите Аллу"})
    void ordinaryWordsAreNot(String text) {
        assertThat(Profanity.in(text)).isFalse();
    }
}
