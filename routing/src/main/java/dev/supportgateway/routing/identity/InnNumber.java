package dev.supportgateway.routing.identity;

/** ИНН of the Russian Federation: 10 digits for an organisation, 12 for a person or an ИП, with check digits. */
public final class InnNumber {

    private static final int[] ORG = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] PERSON_11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] PERSON_12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private InnNumber() {
    }

    /** Null when {@code value} is a valid ИНН, else the customer-facing reason. */
    public static String problem(String value) {
        String digits = Digits.only(value);
        if (digits == null || (digits.length() != 10 && digits.length() != 12)) {
            return "ИНН должен содержать 10 или 12 цифр";
        }
        boolean valid = digits.length() == 10
                ? check(digits, ORG) == digits.charAt(9) - '0'
                : check(digits, PERSON_11) == digits.charAt(10) - '0' && check(digits, PERSON_12) == digits.charAt(11) - '0';
        return valid ? null : "Контрольная цифра ИНН не совпадает — проверьте номер";
    }

    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    /** A 12-digit ИНН belongs to a person (or an individual entrepreneur). */
    public static boolean isPerson(String value) {
        return isValid(value) && Digits.only(value).length() == 12;
    }

    private static int check(String digits, int[] weights) {
        return Digits.weightedSum(digits, weights) % 11 % 10;
    }
}
