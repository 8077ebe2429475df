package dev.supportgateway.infra.console;

import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.privacy.PersonalData;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The console's operators by login: who they are to customers, which desks they serve, their password hash. */
public final class OperatorDirectory implements UserDetailsService {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorDirectory.class);
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    /** One operator as the console knows them; {@code desks} empty means all desks. */
    public record Entry(String username, String displayName, String passwordHash, Set<String> desks, boolean supervisor) {

        public Operator operator() {
            return new Operator(username, displayName);
        }

        public boolean serves(DeskId desk) {
            return desks.isEmpty() || desks.contains(desk.value());
        }

        /** Without the hash. */
        @Override
        public String toString() {
            return "Operator[" + username + ", desks=" + (desks.isEmpty() ? "*" : desks) + ", supervisor=" + supervisor + "]";
        }
    }

    private final Map<String, Entry> entries;

    private OperatorDirectory(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** The configured operators, plus the demo operator when it is enabled (its password hashed now). */
    public static OperatorDirectory of(OperatorAccounts accounts, PasswordEncoder encoder) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < accounts.operators().size(); i++) {
            OperatorAccounts.Account a = accounts.operators().get(i);
            if (!BCRYPT.matcher(a.passwordHash().value()).matches()) {
                throw new IllegalStateException("gateway.operators[" + i + "].password-hash of operator '" + a.username()
                        + "' is not a BCrypt hash ($2a$10$…); generate one with htpasswd -bnBC 10 \"\" <password>");
            }
            add(entries, new Entry(a.username(), name(a.displayName(), a.username()), a.passwordHash().value(),
                    desks(a.desks()), a.supervisor()));
        }
        OperatorAccounts.DemoOperator demo = accounts.demoOperator();
        if (demo.enabled()) {
            if (OperatorAccounts.DemoOperator.DEFAULT_PASSWORD.equals(demo.password().value())) {
                LOG.warn("the demo operator '{}' has the default password: set gateway.demo-operator.password or disable it "
                        + "with gateway.demo-operator.enabled=false before exposing the console", demo.username());
            }
            add(entries, new Entry(demo.username(), name(demo.displayName(), demo.username()),
                    encoder.encode(demo.password().value()), desks(demo.desks()), demo.supervisor()));
        }
        LOG.info("console operators: {}", entries.values());
        return new OperatorDirectory(Map.copyOf(entries));
    }

    private static void add(Map<String, Entry> entries, Entry entry) {
        if (entries.putIfAbsent(entry.username(), entry) != null) {
            throw new IllegalStateException("operator login '" + entry.username() + "' is configured twice");
        }
    }

    private static String name(String displayName, String username) {
        return displayName == null || displayName.isBlank() ? username : displayName.strip();
    }

    private static Set<String> desks(Collection<String> desks) {
        return desks.contains("*") ? Set.of() : Set.copyOf(new TreeSet<>(desks));
    }

    public Optional<Entry> find(String username) {
        return Optional.ofNullable(entries.get(username));
    }

    public Entry require(String username) {
        return find(username).orElseThrow(() -> new IllegalStateException("no operator " + PersonalData.mask(username)));
    }

    public List<Entry> all() {
        return List.copyOf(entries.values());
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Entry entry = entries.get(username);
        if (entry == null) {
            throw new UsernameNotFoundException("unknown operator");
        }
        List<String> roles = entry.supervisor() ? List.of("ROLE_OPERATOR", "ROLE_SUPERVISOR") : List.of("ROLE_OPERATOR");
        return User.withUsername(entry.username()).password(entry.passwordHash())
                .authorities(AuthorityUtils.createAuthorityList(roles)).build();
    }
}
