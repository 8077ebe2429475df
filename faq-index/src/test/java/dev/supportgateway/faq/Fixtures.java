package dev.supportgateway.faq;

import dev.supportgateway.engine.desk.DeskId;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The small article sets under src/test/resources. */
public final class Fixtures {

    public static final DeskId DEMO = DeskId.of("demo");

    private Fixtures() {
    }

    /** The knowledge base with one desk, {@code demo}. */
    public static Path kb() {
        return resource("/kb");
    }

    /** A {@code demo} desk where most files are broken in different ways. */
    public static Path brokenKb() {
        return resource("/kb-broken");
    }

    private static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LuceneHelpCenter demoHelpCenter() {
        LuceneHelpCenter helpCenter = new LuceneHelpCenter();
        helpCenter.load(DEMO, kb().resolve("demo"));
        return helpCenter;
    }
}
