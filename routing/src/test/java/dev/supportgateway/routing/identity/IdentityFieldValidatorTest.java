package dev.supportgateway.routing.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.engine.desk.Identification;
import dev.supportgateway.engine.desk.IdentityField;
import dev.supportgateway.engine.desk.IdentityField.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityFieldValidatorTest {

    private final IdentityFieldValidator validator = new IdentityFieldValidator();

    /** edoc §11: ИИН and ФИО; БИН and organisation name only when speaking for one. */
    private static final Identification EDOC = new Identification(true, List.of(
            new IdentityField("iin", "ИИН", Kind.IIN, true),
            new IdentityField("full-name", "Фамилия, имя, отчество", Kind.FULL_NAME, true),
            new IdentityField("bin", "БИН организации", Kind.BIN, false),
            new IdentityField("organization", "Наименование организации", Kind.TEXT, false)));

    /** eorder §4.1: login e-mail, ФИО, ИНН, organisation and the paid support period. */
    private static final Identification EORDER = new Identification(true, List.of(
            new IdentityField("login", "Логин (e-mail) в Системе", Kind.EMAIL, true),
            new IdentityField("full-name", "ФИО", Kind.FULL_NAME, true),
            new IdentityField("inn", "ИНН организации", Kind.INN, true),
            new IdentityField("organization", "Наименование организации", Kind.TEXT, true),
            new IdentityField("support-paid-until", "Период поддержки оплачен до", Kind.DATE, true)));

    @Test
    void edocCustomerWithValidIinAndNameIsIdentified() {
        assertThat(validator.validate(EDOC, Map.of("iin", "900515300127", "full-name", "Сериков Алмас Ерланович"))).isEmpty();
    }

    @Test
    void edocCustomerWithoutIinIsAskedForIt() {
        List<IdentityProblem> problems = validator.validate(EDOC, Map.of("full-name", "Сериков Алмас"));

        assertThat(problems).containsExactly(new IdentityProblem("iin", "ИИН", "Укажите: ИИН"));
    }

    @Test
    void edocOrganisationWithAMistypedBinIsToldTheCheckDigitIsWrong() {
        List<IdentityProblem> problems = validator.validate(EDOC,
                Map.of("iin", "900515300127", "full-name", "Сериков Алмас", "bin", "120340012346"));

        assertThat(problems).extracting(IdentityProblem::fieldId, IdentityProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bin", "Контрольная цифра БИН не совпадает — проверьте номер"));
    }

    @Test
    void eorderRequestCollectsEveryProblemAtOnce() {
        List<IdentityProblem> problems = validator.validate(EORDER, Map.of(
                "login", "buyer@", "full-name", "Иванов", "inn", "7707083894", "organization", "ООО «Ромашка»",
                "support-paid-until", "31.02.2026"));

        assertThat(problems).extracting(IdentityProblem::fieldId).containsExactly("login", "full-name", "inn", "support-paid-until");
        assertThat(problems.get(2).message()).isEqualTo("Контрольная цифра ИНН не совпадает — проверьте номер");
        assertThat(problems.get(3).message()).isEqualTo("Укажите дату в формате ДД.ММ.ГГГГ, например 31.12.2026");
    }

    @Test
    void eorderRequestWithFullIdentificationPasses() {
        assertThat(validator.validate(EORDER, Map.of(
                "login", "zakupki@romashka.ru", "full-name", "Иванова Мария Петровна", "inn", "7707083893",
                "organization", "ООО «Ромашка»", "support-paid-until", "30.06.2026"))).isEmpty();
    }

    @Test
    void phonesAreAcceptedAsCustomersTypeThem() {
        IdentityField phone = new IdentityField("phone", "Телефон", Kind.PHONE, true);

        assertThat(validator.problem(phone, "+7 (3012) 43-72-33")).isEmpty();
        assertThat(validator.problem(phone, "8 900 123 45 67")).isEmpty();
        assertThat(validator.problem(phone, "12-34")).contains("В номере телефона должно быть от 10 до 15 цифр, например +7 900 123-45-67");
        assertThat(validator.problem(phone, "позвоните мне")).isPresent();
    }

    @Test
    void konusContractNumberMustLookLikeANumber() {
        IdentityField contract = new IdentityField("contract", "Номер договора", Kind.CONTRACT, true);

        assertThat(validator.problem(contract, "№ ТП-125/2026")).isEmpty();
        assertThat(validator.problem(contract, "договор есть")).isPresent();
    }

    @Test
    void personalNumbersOfAtlasAreChecked() {
        assertThat(validator.problem(new IdentityField("snils", "СНИЛС", Kind.SNILS, false), "112-233-445 95")).isEmpty();
        assertThat(validator.problem(new IdentityField("ogrn", "ОГРН", Kind.OGRN, false), "1027700132195")).isEmpty();
        assertThat(validator.problem(new IdentityField("name", "ФИО", Kind.FULL_NAME, false), "Иван 007")).isPresent();
    }
}
