package dev.supportgateway.faq.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionCleanerTest {

    @Test
    void greetingsAndPolitenessAreStripped() {
        QuestionCleaner.Cleaned cleaned = QuestionCleaner.clean("Здравствуйте! Подскажите, пожалуйста, как сменить пароль? Спасибо");
        assertThat(cleaned.text().toLowerCase()).doesNotContain("здравствуйте", "подскажите", "пожалуйста", "спасибо")
                .contains("как сменить пароль");
    }

    @Test
    void theQuestionOutweighsItsContext() {
        QuestionCleaner.Cleaned cleaned = QuestionCleaner.clean(
                "Добрый день. Я бухгалтер, работаем с вами третий год. Где скачать акт сверки?");
        assertThat(cleaned.parts()).hasSize(2);
        assertThat(cleaned.parts().get(0).weight()).isLessThan(cleaned.parts().get(1).weight());
        assertThat(cleaned.parts().get(1).text()).contains("акт сверки");
    }

    @Test
    void aGreetingAloneLeavesNothingToSearch() {
        assertThat(QuestionCleaner.clean("Добрый вечер!").parts()).isEmpty();
    }

    @Test
    void wordsThatOnlyContainAGreetingAreKept() {
        assertThat(QuestionCleaner.clean("приветственное письмо не пришло").text()).contains("приветственное");
    }
}
