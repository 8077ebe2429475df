package dev.supportgateway.infra.desk;

import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.Desks;
import dev.supportgateway.infra.config.GatewayProperties;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the desk files once at start-up; a desk file with an error stops the start with the file and field named. */
@Configuration(proxyBeanMethods = false)
public class DeskConfiguration {

    @Bean
    DeskCatalog deskCatalog(GatewayProperties properties) {
        return DeskFiles.load(properties.desks());
    }

    @Bean
    Desks desks(DeskCatalog catalog) {
        return new CatalogDesks(catalog);
    }

    /** The engine's view of the configured desks. */
    private record CatalogDesks(DeskCatalog catalog) implements Desks {
        @Override
        public Optional<Desk> find(DeskId id) {
            return catalog.desk(id);
        }
    }
}
