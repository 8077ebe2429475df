package dev.supportgateway.engine.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerWordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Здравствуйте", "здраствуйте!!!", "Здрасьте", "привет", "Приветствую", "Добрый вечер", "доброго времени суток", "Салем"})
    void greetings(String text) {
        assertThat(CustomerWords.courtesyOnly(text)).contains(CustomerWords.Courtesy.GREETING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Здравствуйте, не могу войти", "привет, как сменить пароль?", "спасибо, а как выгрузить отчёт?", "добрый день, ошибка 500"})
    void courtesyWithAQuestionIsNotCourtesyOnly(String text) {
        assertThat(CustomerWords.courtesyOnly(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"позовите оператора", "ОПЕРАТОР", "живого человека дайте", "соедините со специалистом", "переключите на сотрудника",
            "нужен консультант", "хочу поговорить с живым человеком", "специалиста пожалуйста"})
    void requestsForAPerson(String text) {
        assertThat(CustomerWords.asksForPerson(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Оператор ЭДО не принимает документы", "как сменить оператора фискальных данных", "человек в доверенности указан неверно",
            "сотрудник уволился, как отозвать его ЭЦП", "Как добавить сотрудника в организацию?"})
    void personWordsInAQuestionAreAQuestion(String text) {
        assertThat(CustomerWords.asksForPerson(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"перезвоните мне", "Можно обратный звонок?", "закажите звонок", "позвоните мне на мобильный", "жду обратного вызова"})
    void callbackRequests(String text) {
        assertThat(CustomerWords.asksForCallback(CustomerWords.Said.of(text))).isTrue();
    }

    @Test
    void aQuestionAboutCallsIsNotACallbackRequest() {
        assertThat(CustomerWords.asksForCallback(CustomerWords.Said.of("Как записываются звонки в системе?"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"нет", "Нет, спасибо", "вопросов нет", "всё понятно, спасибо", "до свидания", "спасибо"})
    void nothingRemains(String text) {
        assertThat(CustomerWords.nothingRemains(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"да", "Да, есть", "остался один вопрос", "ещё вопрос"})
    void somethingRemains(String text) {
        assertThat(CustomerWords.nothingRemains(text)).isFalse();
        assertThat(CustomerWords.somethingRemains(text)).isTrue();
    }

    @Test
    void mentionsMatchesInflectedKeywords() {
        assertThat(CustomerWords.mentions("Помогите установить стороннюю программу", "сторонняя программа")).isTrue();
        assertThat(CustomerWords.mentions("Нет интернета", "интернет")).isTrue();
        assertThat(CustomerWords.mentions("Не работает прокси-сервер", "прокси")).isTrue();
        assertThat(CustomerWords.mentions("Не работает подпись", "интернет")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"отмена", "Отмените", "я передумал", "Передумала, спасибо", "не надо", "не нужно уже", "уже не актуально",
            "вопрос снят", "сам разобрался, спасибо"})
    void cancellations(String text) {
        assertThat(CustomerWords.cancels(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Отмена заказа не проходит", "не надо было обновлять, теперь ошибка", "Иванов Иван", "123456789012", "ТОО Ромашка"})
    void wordsOfCancellationInsideAnAnswerAreNoCancellation(String text) {
        assertThat(CustomerWords.cancels(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"вопрос не решен", "Вопрос так и не решён!", "проблема осталась", "ошибка повторяется", "всё ещё не работает",
            "до сих пор не работает", "не помогло", "откройте обращение заново"})
    void aClosedRequestIsNotSolved(String text) {
        assertThat(CustomerWords.saysNotSolved(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Как выгрузить отчёт?", "спасибо, всё работает", "Как открыть новый счёт?", "привет"})
    void aNewQuestionDoesNotSayTheLastOneIsNotSolved(String text) {
        assertThat(CustomerWords.saysNotSolved(text)).isFalse();
    }
}
