package dev.supportgateway.infra.console;

import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.infra.console.ConsoleProblems.Problem;
import dev.supportgateway.infra.storage.ServiceRatings;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What supervisors see across chats in the console: how customers rated the service. */
@RestController
@RequestMapping("/api/v1/console")
class SupervisorReports {

    private static final int LATEST_BAD_RATINGS = 20;

    /** A desk's ratings of the service for a supervisor: counts, the share satisfied, and the latest «плохо» chats. */
    record RatingsView(String desk, int days, long satisfied, long dissatisfied, Double satisfiedShare,
                       List<BadRating> latestDissatisfied) {
    }

    record BadRating(String conversationId, String ticketNumber, String operatorName, Instant ratedAt) {
    }

    private final ConsoleAccess access;
    private final ServiceRatings ratings;
    private final Clock clock;

    SupervisorReports(ConsoleAccess access, ServiceRatings ratings, Clock clock) {
        this.access = access;
        this.ratings = ratings;
        this.clock = clock;
    }

    /**
     * How a desk's customers rated the service over the last {@code days} (1–365, 30 by default), for supervisors:
     * the counts and up to 20 of the chats rated «плохо», newest first, to open and look into.
     */
    @GetMapping("/ratings")
    ResponseEntity<?> ratings(@RequestParam("desk") String desk, @RequestParam(name = "days", defaultValue = "30") int days,
                              Principal principal) {
        OperatorDirectory.Entry me = access.me(principal);
        if (!me.supervisor()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new Problem("Отчёт об оценках доступен супервизору"));
        }
        Optional<DeskId> id = access.servedDesk(desk, principal).map(Desk::id);
        if (id.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("Служба не найдена"));
        }
        int period = Math.clamp(days, 1, 365);
        ServiceRatings.Report report = ratings.report(id.get(), clock.instant().minus(Duration.ofDays(period)), LATEST_BAD_RATINGS);
        long all = report.satisfied() + report.dissatisfied();
        return ResponseEntity.ok(new RatingsView(id.get().value(), period, report.satisfied(), report.dissatisfied(),
                all == 0 ? null : (double) report.satisfied() / all,
                report.latestDissatisfied().stream().map(r -> new BadRating(r.conversation().value(), r.ticketNumber(),
                        r.servedBy() == null ? null : r.servedBy().displayName(), r.at())).toList()));
    }
}
