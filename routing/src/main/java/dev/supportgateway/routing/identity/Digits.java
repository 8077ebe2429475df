package dev.supportgateway.routing.identity;

/** Reading a number as customers type it: digits with spaces, dashes or dots between them. */
final class Digits {

    private Digits() {
    }

    /** The digits of {@code value} when it has nothing but digits and separators, else null. */
    static String only(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.isEmpty() || !stripped.matches("[0-9\\s.\\-]+")) {
            return null;
        }
        return stripped.replaceAll("[\\s.\\-]", "");
    }

    static int weightedSum(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }
}
