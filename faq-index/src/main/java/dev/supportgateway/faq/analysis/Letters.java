package dev.supportgateway.faq.analysis;

/** Letter-level normalisation of Russian text that both the index and the questions go through. */
public final class Letters {

    private Letters() {
    }

    /** ё → е (users rarely type ё); й stays й: «мой» and «мои» are different words. */
    public static String foldYo(String text) {
        if (text.indexOf('ё') < 0 && text.indexOf('Ё') < 0) {
            return text;
        }
        return text.replace('ё', 'е').replace('Ё', 'Е');
    }
}
