package dev.supportgateway.routing.identity;

/**
 * ИИН (a person) and БИН (an organisation) of Kazakhstan: 12 digits, the last a check digit computed
 * with two passes of weights modulo 11. They share the algorithm and differ in the middle digits:
 * an ИИН starts with the birth date YYMMDD and a century/sex digit 1–6, a БИН with YYMM and a type digit 4–6.
 */
public final class IinNumber {

    private static final int[] FIRST_PASS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_PASS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private IinNumber() {
    }

    /** Null when {@code value} is a valid ИИН, else the customer-facing reason. */
    public static String problem(String value) {
        String digits = Digits.only(value);
        if (digits == null || digits.length() != 12) {
            return "ИИН должен содержать 12 цифр";
        }
        int month = Integer.parseInt(digits.substring(2, 4));
        int day = Integer.parseInt(digits.substring(4, 6));
        int century = digits.charAt(6) - '0';
        if (month < 1 || month > 12 || day < 1 || day > 31 || century < 1 || century > 6) {
            return "ИИН начинается с даты рождения (ГГММДД) — проверьте номер";
        }
        return checksumMatches(digits) ? null : "Контрольная цифра ИИН не совпадает — проверьте номер";
    }

    /** Null when {@code value} is a valid БИН, else the customer-facing reason. */
    public static String binProblem(String value) {
        String digits = Digits.only(value);
        if (digits == null || digits.length() != 12) {
            return "БИН должен содержать 12 цифр";
        }
        int month = Integer.parseInt(digits.substring(2, 4));
        int type = digits.charAt(4) - '0';
        if (month < 1 || month > 12 || type < 4 || type > 6) {
            return "Это не похоже на БИН: после года и месяца регистрации должна стоять цифра 4, 5 или 6";
        }
        return checksumMatches(digits) ? null : "Контрольная цифра БИН не совпадает — проверьте номер";
    }

    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    public static boolean isValidBin(String value) {
        return binProblem(value) == null;
    }

    /** The check digit of 11 digits, or -1 when the algorithm gives none (such numbers are never issued). */
    static int checkDigit(String elevenDigits) {
        int first = Digits.weightedSum(elevenDigits, FIRST_PASS) % 11;
        if (first != 10) {
            return first;
        }
        int second = Digits.weightedSum(elevenDigits, SECOND_PASS) % 11;
        return second == 10 ? -1 : second;
    }

    private static boolean checksumMatches(String digits) {
        int expected = checkDigit(digits.substring(0, 11));
        return expected >= 0 && expected == digits.charAt(11) - '0';
    }
}
