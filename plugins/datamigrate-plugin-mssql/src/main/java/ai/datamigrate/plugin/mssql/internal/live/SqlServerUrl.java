package ai.datamigrate.plugin.mssql.internal.live;

import ai.datamigrate.spi.DataMigrateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Microsoft JDBC URL, {@code jdbc:sqlserver://[host[\instance][:port]][;property=value]...}, split just enough to
 * refuse secrets in it, name the host in messages and print it without credentials. Property names are
 * case-insensitive and values may be braced ({@code {a;b}}), as the driver allows.
 */
final class SqlServerUrl {

    static final String PREFIX = "jdbc:sqlserver:";
    private static final String FULL_PREFIX = "jdbc:sqlserver://";

    private final String url;
    private final String server;
    /** Lower-case name to value, in URL order. */
    private final Map<String, String> properties;

    private SqlServerUrl(String url, String server, Map<String, String> properties) {
        this.url = url;
        this.server = server;
        this.properties = properties;
    }

    static boolean looksLikeOne(String location) {
        return location.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Parses {@code url}; fails with a one-line USER error, which never repeats a value, when the URL is malformed
     * or carries a password or another secret.
     */
    static SqlServerUrl parse(String url) {
        if (!url.regionMatches(true, 0, FULL_PREFIX, 0, FULL_PREFIX.length())) {
            throw new DataMigrateException(LiveCodes.BAD_URL,
                    "not a SQL Server JDBC URL: expected jdbc:sqlserver://host[:port][;property=value...]");
        }
        List<String> parts = split(url.substring(FULL_PREFIX.length()));
        String server = parts.get(0).strip();
        if (server.contains("@")) {
            // user:password@host is not a form the driver knows; it is a credential in the URL all the same
            throw secret("a user:password@ part");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String part : parts.subList(1, parts.size())) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            if (isSecret(name)) {
                throw secret("the property '" + name + "'");
            }
            if (eq < 0) {
                throw new DataMigrateException(LiveCodes.BAD_URL,
                        "malformed SQL Server JDBC URL: property '" + name + "' has no '=value'");
            }
            properties.put(name, unbrace(part.substring(eq + 1).strip()));
        }
        return new SqlServerUrl(url, server, Map.copyOf(properties));
    }

    private static boolean isSecret(String lowerName) {
        return lowerName.contains("password") || lowerName.contains("secret") || lowerName.equals("pwd")
                || lowerName.equals("accesstoken");
    }

    private static DataMigrateException secret(String what) {
        return new DataMigrateException(LiveCodes.SECRET_IN_URL, "the SQL Server URL must not contain " + what
                + "; give the password with the environment variable " + MssqlLiveSourceReaderFactory.PASSWORD_ENV
                + " or the setting " + MssqlLiveSourceReaderFactory.PASSWORD_KEY);
    }

    /** Splits on {@code ;} outside braces. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean braced = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '{') {
                braced = true;
            } else if (ch == '}') {
                braced = false;
            }
            if (ch == ';' && !braced) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unbrace(String value) {
        return value.length() >= 2 && value.startsWith("{") && value.endsWith("}")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** The URL as given, to hand to the driver. */
    String url() {
        return url;
    }

    Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name.toLowerCase(Locale.ROOT)));
    }

    /** {@code host[\instance][:port]} for messages; from {@code serverName}/{@code portNumber} when the URL uses them. */
    String host() {
        String host = server.isEmpty() ? property("serverName").orElse("localhost") : server;
        if (!host.contains(":")) {
            Optional<String> port = property("portNumber").or(() -> property("port"));
            if (port.isPresent()) {
                host = host + ":" + port.get();
            }
        }
        return host;
    }

    /** Names the database without any other property (user names, tokens, options): used in source locations. */
    String redacted() {
        return FULL_PREFIX + host() + property("databaseName").or(() -> property("database"))
                .map(db -> ";databaseName=" + db).orElse("");
    }

    @Override
    public String toString() {
        return redacted();
    }
}
