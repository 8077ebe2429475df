package dev.supportgateway.engine.dialogue;

import java.util.List;

/** An operator reply used words the desk forbids (eorder: jargon such as «прокся», «винда»); nothing was sent. */
public final class ForbiddenWordsInReply extends IllegalArgumentException {

    private final List<String> words;

    public ForbiddenWordsInReply(List<String> words) {
        super("the reply uses words the desk forbids in operator replies: " + words);
        this.words = List.copyOf(words);
    }

    public List<String> words() {
        return words;
    }
}
