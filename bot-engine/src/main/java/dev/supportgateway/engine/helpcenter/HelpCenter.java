package dev.supportgateway.engine.helpcenter;

import dev.supportgateway.engine.desk.DeskId;
import java.util.Optional;

/** The help centers of all desks, as the dialogue sees them: ask a question, get a decision. */
public interface HelpCenter {

    /** Searches the desk's help center; an unknown desk or an empty question gives {@link HelpCenterAnswer.Decision#NO_ANSWER}. */
    HelpCenterAnswer ask(DeskId desk, String question);

    Optional<Article> article(DeskId desk, String articleId);
}
