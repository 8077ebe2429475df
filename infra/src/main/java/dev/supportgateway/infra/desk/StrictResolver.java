package dev.supportgateway.infra.desk;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML scalars resolved the way a desk administrator reads them: only {@code true}/{@code false} are
 * booleans, only plain decimal numbers are numbers, and dates and times stay text. YAML 1.1 would
 * otherwise read {@code no} as false, {@code 13:00} as the number 780 and {@code 08} as a bad octal.
 */
final class StrictResolver extends Resolver {

    private static final Pattern BOOLEAN = Pattern.compile("^(?:true|false)$");
    private static final Pattern INTEGER = Pattern.compile("^[-+]?(?:0|[1-9][0-9]*)$");
    private static final Pattern DECIMAL = Pattern.compile("^[-+]?(?:0|[1-9][0-9]*)\\.[0-9]+$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOLEAN, "tf");
        addImplicitResolver(Tag.INT, INTEGER, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, DECIMAL, "-+0123456789");
        addImplicitResolver(Tag.NULL, NULL, "~nN\0");
        addImplicitResolver(Tag.NULL, EMPTY, null);
    }
}
