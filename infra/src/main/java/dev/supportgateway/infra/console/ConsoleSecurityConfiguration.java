package dev.supportgateway.infra.console;

import dev.supportgateway.channels.widget.WidgetChannelConfiguration;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Who may do what over HTTP: the console API and its WebSocket need a logged-in operator (session cookie,
 * CSRF token on every change, BCrypt passwords); the widget, the demo pages, the ask API and health are public.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

    static final String LOGIN = "/api/v1/console/login";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    OperatorDirectory operatorDirectory(OperatorAccounts accounts, PasswordEncoder encoder) {
        return OperatorDirectory.of(accounts, encoder);
    }

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/console/csrf", LOGIN).permitAll()
                        .requestMatchers("/api/v1/console/**", "/ws/console").authenticated()
                        // re-indexing costs CPU for every desk: a supervisor's job, not an anonymous caller's
                        .requestMatchers("/api/v1/admin/**").hasRole("SUPERVISOR")
                        .requestMatchers("/api/v1/desks/**", "/actuator/health/**", "/actuator/health").permitAll()
                        .anyRequest().permitAll())
                // the console's script reads the token from /api/v1/console/csrf and sends it as X-CSRF-TOKEN;
                // the ask API is called by other servers without a browser session, so it has no CSRF token; the
                // widget's file calls come from customers' pages with the widget's session token and a checked Origin, no cookie
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers("/api/v1/desks/**", WidgetChannelConfiguration.HTTP_PATHS))
                .formLogin(form -> form.loginProcessingUrl(LOGIN)
                        .successHandler((request, response, authentication) -> json(response, HttpStatus.OK, "{\"ok\":true}"))
                        .failureHandler((request, response, exception) -> json(response, HttpStatus.UNAUTHORIZED,
                                "{\"error\":\"Неверный логин или пароль\"}")))
                .logout(logout -> logout.logoutUrl("/api/v1/console/logout")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    private static void json(HttpServletResponse response, HttpStatus status, String body) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }
}
