package dev.supportgateway.infra;

import dev.supportgateway.channels.widget.WidgetChannelConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The composition root: starts the gateway with the desks its configuration names. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(WidgetChannelConfiguration.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
