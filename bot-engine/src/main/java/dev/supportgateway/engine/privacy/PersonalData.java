package dev.supportgateway.engine.privacy;

/** Masks personal data (phones, e-mails, ИНН/ИИН, chat ids) before it reaches a log line or an exception message. */
public final class PersonalData {

    private PersonalData() {
    }

    /**
     * Keeps the first and last characters visible so that two values can still be told apart in a
     * log, and hides the rest; an e-mail keeps its domain because that identifies an organisation, not a person.
     */
    public static String mask(String value) {
        if (value == null) {
            return "null";
        }
        String text = value.strip();
        int at = text.indexOf('@');
        if (at > 0) {
            return maskPart(text.substring(0, at)) + text.substring(at);
        }
        return maskPart(text);
    }

    private static String maskPart(String text) {
        int n = text.length();
        if (n <= 2) {
            return "*".repeat(n);
        }
        if (n <= 6) {
            return text.charAt(0) + "*".repeat(n - 1);
        }
        return text.substring(0, 2) + "*".repeat(n - 4) + text.substring(n - 2);
    }
}
