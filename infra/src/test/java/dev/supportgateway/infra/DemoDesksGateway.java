package dev.supportgateway.infra;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The gateway the infra tests start: the project's demo desks, a data folder of the test's own, no article watch. */
public final class DemoDesksGateway {

    private DemoDesksGateway() {
    }

    /** Registers the settings; {@code data} is read when the context starts, after JUnit has made the folder. */
    public static void register(DynamicPropertyRegistry registry, Supplier<Path> data) {
        registry.add("gateway.desks", () -> Path.of("..", "desks").toAbsolutePath().normalize().toString());
        registry.add("gateway.data", () -> data.get().toString());
        // the tests change no article; a watcher would only add threads
        registry.add("gateway.help-center.watch-articles", () -> "false");
    }
}
