package dev.supportgateway.routing.identity;

import dev.supportgateway.engine.desk.Identification;
import dev.supportgateway.engine.desk.IdentityField;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks what a customer told about themselves against a desk's {@link Identification}: required
 * fields present, each value well-formed for its kind (checksums of ИНН, ОГРН, СНИЛС, ИИН, БИН).
 * Messages are Russian and meant to be shown to the customer as they are.
 */
public final class IdentityFieldValidator {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+'-]+@[\\p{L}0-9-]+(\\.[\\p{L}0-9-]+)*\\.[\\p{L}]{2,}");
    private static final Pattern PHONE_CHARS = Pattern.compile("\\+?[0-9\\s()\\-]+");
    private static final Pattern NAME_WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*\\.?");
    private static final Pattern CONTRACT = Pattern.compile("[\\p{L}0-9№#/\\\\.\\- ]+");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_TEXT = 300;

    /** Problems with the values (keyed by field id) for the desk's identification; empty when all is well. */
    public List<IdentityProblem> validate(Identification identification, Map<String, String> values) {
        List<IdentityProblem> problems = new ArrayList<>();
        for (IdentityField field : identification.fields()) {
            String value = values.get(field.id());
            if (value == null || value.isBlank()) {
                if (field.required()) {
                    problems.add(new IdentityProblem(field.id(), field.label(), "Укажите: " + field.label()));
                }
                continue;
            }
            problem(field, value).ifPresent(message -> problems.add(new IdentityProblem(field.id(), field.label(), message)));
        }
        return List.copyOf(problems);
    }

    /** What is wrong with one non-blank value of a field, if anything. */
    public Optional<String> problem(IdentityField field, String value) {
        String v = value.strip();
        String message = switch (field.kind()) {
            case INN -> InnNumber.problem(v);
            case OGRN -> OgrnNumber.problem(v);
            case SNILS -> SnilsNumber.problem(v);
            case IIN -> IinNumber.problem(v);
            case BIN -> IinNumber.binProblem(v);
            case EMAIL -> EMAIL.matcher(v).matches() ? null : "Адрес электронной почты выглядит неверно, например: ivanov@example.ru";
            case PHONE -> phoneProblem(v);
            case FULL_NAME -> fullNameProblem(v);
            case CONTRACT -> contractProblem(v);
            case DATE -> dateProblem(v);
            case TEXT -> v.length() > MAX_TEXT ? "Слишком длинно: не больше " + MAX_TEXT + " символов" : null;
        };
        return Optional.ofNullable(message);
    }

    private static String phoneProblem(String v) {
        if (!PHONE_CHARS.matcher(v).matches()) {
            return "Телефон может содержать только цифры, пробелы, скобки, дефисы и «+», например +7 900 123-45-67";
        }
        String digits = v.replaceAll("\\D", "");
        if (digits.length() < 10 || digits.length() > 15) {
            return "В номере телефона должно быть от 10 до 15 цифр, например +7 900 123-45-67";
        }
        return null;
    }

    private static String fullNameProblem(String v) {
        String[] words = v.split("\\s+");
        if (words.length < 2 || words.length > 5) {
            return "Укажите фамилию, имя и (если есть) отчество, например: Иванов Иван Иванович";
        }
        for (String word : words) {
            if (!NAME_WORD.matcher(word).matches()) {
                return "ФИО может содержать только буквы, пробелы и дефисы";
            }
        }
        return null;
    }

    private static String contractProblem(String v) {
        if (v.length() < 3 || v.length() > 60 || !CONTRACT.matcher(v).matches() || v.chars().noneMatch(Character::isDigit)) {
            return "Укажите номер договора или сертификата технической поддержки, например: № 125/2026";
        }
        return null;
    }

    private static String dateProblem(String v) {
        try {
            LocalDate.parse(v, DATE);
            return null;
        } catch (DateTimeParseException e) {
            return "Укажите дату в формате ДД.ММ.ГГГГ, например 31.12.2026";
        }
    }
}
