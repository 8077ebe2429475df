package dev.supportgateway.infra.helpcenter;

import dev.supportgateway.faq.LuceneHelpCenter;
import dev.supportgateway.infra.config.GatewayProperties;
import dev.supportgateway.infra.desk.DeskCatalog;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The desks' help centers: one Lucene index per desk, built at start and rebuilt when its articles change. */
@Configuration(proxyBeanMethods = false)
public class HelpCenterConfiguration {

    @Bean(destroyMethod = "close")
    LuceneHelpCenter helpCenter() {
        return new LuceneHelpCenter();
    }

    @Bean
    HelpCenterLibrary helpCenterLibrary(LuceneHelpCenter helpCenter, DeskCatalog catalog, GatewayProperties properties) {
        return new HelpCenterLibrary(helpCenter, catalog, properties.helpCenter(),
                Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("help-center-rebuild").daemon().factory()));
    }
}
