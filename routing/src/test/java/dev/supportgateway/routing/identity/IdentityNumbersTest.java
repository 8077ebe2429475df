package dev.supportgateway.routing.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"7707083893", "500301234503", "772512345622", " 7707 083 893 "})
    void validInnOfAnOrganisationOrAPersonIsAccepted(String inn) {
        assertThat(InnNumber.problem(inn)).isNull();
    }

    @Test
    void innWithAWrongLengthIsRejectedWithTheRule() {
        assertThat(InnNumber.problem("77070838")).isEqualTo("ИНН должен содержать 10 или 12 цифр");
        assertThat(InnNumber.problem("77070838AB")).isEqualTo("ИНН должен содержать 10 или 12 цифр");
    }

    @Test
    void innWithAWrongCheckDigitIsRejected() {
        assertThat(InnNumber.problem("7707083894")).isEqualTo("Контрольная цифра ИНН не совпадает — проверьте номер");
        assertThat(InnNumber.problem("500301234504")).isEqualTo("Контрольная цифра ИНН не совпадает — проверьте номер");
        assertThat(InnNumber.isPerson("500301234503")).isTrue();
        assertThat(InnNumber.isPerson("7707083893")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1027700132195", "1152801001231", "304500116000157", "318774600123452"})
    void validOgrnAndOgrnipAreAccepted(String ogrn) {
        assertThat(OgrnNumber.problem(ogrn)).isNull();
    }

    @Test
    void ogrnWithAWrongCheckDigitOrLengthIsRejected() {
        assertThat(OgrnNumber.problem("1027700132196")).isEqualTo("Контрольная цифра ОГРН не совпадает — проверьте номер");
        assertThat(OgrnNumber.problem("304500116000158")).isEqualTo("Контрольная цифра ОГРН не совпадает — проверьте номер");
        assertThat(OgrnNumber.problem("10277001321")).isEqualTo("ОГРН должен содержать 13 цифр (ОГРНИП — 15 цифр)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"112-233-445 95", "11223344595", "987-654-321 83", "123-456-789 64", "001-001-998 00"})
    void validSnilsIsAccepted(String snils) {
        assertThat(SnilsNumber.problem(snils)).isNull();
    }

    @Test
    void snilsWithAWrongChecksumIsRejectedButEarlyNumbersAreExempt() {
        assertThat(SnilsNumber.problem("112-233-445 96")).isEqualTo("Контрольное число СНИЛС не совпадает — проверьте номер");
        assertThat(SnilsNumber.problem("001-001-997 55")).as("issued before the checksum").isNull();
        assertThat(SnilsNumber.problem("112-233-445")).isEqualTo("СНИЛС должен содержать 11 цифр, например 112-233-445 95");
    }

    @Test
    void snilsChecksumFollowsTheModulo101Rule() {
        assertThat(SnilsNumber.checksum("112233445")).isEqualTo(95);   // below 100: the sum itself
        assertThat(SnilsNumber.checksum("987654321")).isEqualTo(83);   // 285 mod 101
    }

    @ParameterizedTest
    @ValueSource(strings = {"900515300127", "851203401235", "040215500039", "880612301807"})
    void validIinIsAccepted(String iin) {
        assertThat(IinNumber.problem(iin)).isNull();
    }

    @Test
    void iinCheckDigitUsesTheSecondPassWhenTheFirstGivesTen() {
        assertThat(IinNumber.checkDigit("88061230180")).isEqualTo(7);
        assertThat(IinNumber.problem("880612301800")).isEqualTo("Контрольная цифра ИИН не совпадает — проверьте номер");
    }

    @Test
    void iinWithAWrongCheckDigitLengthOrDateIsRejected() {
        assertThat(IinNumber.problem("900515300128")).isEqualTo("Контрольная цифра ИИН не совпадает — проверьте номер");
        assertThat(IinNumber.problem("90051530012")).isEqualTo("ИИН должен содержать 12 цифр");
        assertThat(IinNumber.problem("901315300127")).isEqualTo("ИИН начинается с даты рождения (ГГММДД) — проверьте номер");
    }

    @Test
    void binIsCheckedLikeAnIinButMustHaveAnOrganisationTypeDigit() {
        assertThat(IinNumber.binProblem("120340012345")).isNull();
        assertThat(IinNumber.binProblem("180850123457")).isNull();
        assertThat(IinNumber.binProblem("120340012346")).isEqualTo("Контрольная цифра БИН не совпадает — проверьте номер");
        assertThat(IinNumber.binProblem("900515300127")).startsWith("Это не похоже на БИН");
    }
}
