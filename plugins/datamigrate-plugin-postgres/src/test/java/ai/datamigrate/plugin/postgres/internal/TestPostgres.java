package ai.datamigrate.plugin.postgres.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The PostgreSQL the tests use: {@code DATAMIGRATE_PG_HOST}, {@code _PORT}, {@code _DATABASE}, {@code _USER},
 * {@code _PASSWORD}. Unset is allowed on a laptop (the caller skips) but fails the test under {@code CI=true}.
 */
final class TestPostgres {

    private TestPostgres() {
    }

    /**
     * The server's JDBC URL; empty when none is configured, a failure under CI.
     *
     * @param what what CI must check there, for the failure's message
     */
    static Optional<String> url(String what) {
        String host = System.getenv("DATAMIGRATE_PG_HOST");
        if (host == null || host.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("DATAMIGRATE_PG_HOST is not set but CI=true: " + what);
            }
            return Optional.empty();
        }
        return Optional.of("jdbc:postgresql://" + host + ":" + System.getenv().getOrDefault("DATAMIGRATE_PG_PORT",
                "5432") + "/" + System.getenv().getOrDefault("DATAMIGRATE_PG_DATABASE", "postgres"));
    }

    static String user() {
        return System.getenv().getOrDefault("DATAMIGRATE_PG_USER", "postgres");
    }

    static String password() {
        return System.getenv().getOrDefault("DATAMIGRATE_PG_PASSWORD", "");
    }

    static Connection open(String url) throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }
}
