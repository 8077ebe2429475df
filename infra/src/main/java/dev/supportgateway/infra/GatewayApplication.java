package dev.supportgateway.infra;

import dev.supportgateway.channels.widget.WidgetChannelConfiguration;
import dev.supportgateway.infra.config.HeapSizing;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The composition root: starts the gateway with the desks its configuration names. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(WidgetChannelConfiguration.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }

    /** Says once, when the gateway is up, how its heap is sized: the first thing to check when replies slow down under load. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> heapSizingReport() {
        return ready -> LoggerFactory.getLogger(GatewayApplication.class).info(HeapSizing.ofThisJvm().describe());
    }
}
