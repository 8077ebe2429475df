package dev.supportgateway.routing.identity;

import java.math.BigInteger;

/** ОГРН (13 digits, an organisation) or ОГРНИП (15 digits, an individual entrepreneur) with its check digit. */
public final class OgrnNumber {

    private OgrnNumber() {
    }

    /** Null when {@code value} is a valid ОГРН or ОГРНИП, else the customer-facing reason. */
    public static String problem(String value) {
        String digits = Digits.only(value);
        if (digits == null || (digits.length() != 13 && digits.length() != 15)) {
            return "ОГРН должен содержать 13 цифр (ОГРНИП — 15 цифр)";
        }
        int length = digits.length();
        // ОГРН: the first 12 digits mod 11; ОГРНИП: the first 14 digits mod 13; then the last digit of that
        BigInteger body = new BigInteger(digits.substring(0, length - 1));
        int modulus = length == 13 ? 11 : 13;
        int expected = body.mod(BigInteger.valueOf(modulus)).intValue() % 10;
        return expected == digits.charAt(length - 1) - '0' ? null : "Контрольная цифра ОГРН не совпадает — проверьте номер";
    }

    public static boolean isValid(String value) {
        return problem(value) == null;
    }
}
