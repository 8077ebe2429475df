package dev.supportgateway.routing.identity;

/**
 * СНИЛС: 11 digits, usually written {@code 112-233-445 95}; the last two are a checksum, which is not
 * defined for numbers up to 001-001-998 (issued before the checksum was introduced).
 */
public final class SnilsNumber {

    private static final long LAST_UNCHECKED = 1_001_998L;

    private SnilsNumber() {
    }

    /** Null when {@code value} is a valid СНИЛС, else the customer-facing reason. */
    public static String problem(String value) {
        String digits = Digits.only(value);
        if (digits == null || digits.length() != 11) {
            return "СНИЛС должен содержать 11 цифр, например 112-233-445 95";
        }
        long number = Long.parseLong(digits.substring(0, 9));
        if (number <= LAST_UNCHECKED) {
            return null;
        }
        return checksum(digits.substring(0, 9)) == Integer.parseInt(digits.substring(9))
                ? null : "Контрольное число СНИЛС не совпадает — проверьте номер";
    }

    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    /** The two check digits of a 9-digit СНИЛС body. */
    static int checksum(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (9 - i);
        }
        if (sum < 100) {
            return sum;
        }
        if (sum == 100 || sum == 101) {
            return 0;
        }
        int rest = sum % 101;
        return rest == 100 ? 0 : rest;
    }
}
