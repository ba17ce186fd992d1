package dealdesk.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Applies {@code db/migration/V###__name.sql} from the classpath in version
 * order, each in its own transaction, recording version and checksum. A
 * session-level advisory lock keeps two instances from migrating at once; an
 * applied migration whose file changed stops the start.
 */
public final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    private static final String LOCATION = "db/migration";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([\\w-]+)\\.sql");
    private static final long LOCK_KEY = 0x6465616c6465736bL; // "dealdesk"

    private Migrator() {
    }

    public record Migration(int version, String name, String sql, String checksum) {
    }

    /** Applies pending migrations; returns how many ran. */
    public static int migrate(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return migrate(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("migration failed: " + e.getMessage(), e);
        }
    }

    public static int migrate(Connection connection) throws SQLException {
        List<Migration> migrations = load();
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
        }
        try {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        create table if not exists schema_migrations (
                          version integer primary key,
                          name text not null,
                          checksum text not null,
                          applied_at timestamptz not null default now())""");
            }
            Map<Integer, String> applied = new TreeMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select version, checksum from schema_migrations")) {
                while (rows.next()) {
                    applied.put(rows.getInt(1), rows.getString(2));
                }
            }
            int count = 0;
            for (Migration migration : migrations) {
                String checksum = applied.get(migration.version());
                if (checksum != null) {
                    if (!checksum.equals(migration.checksum())) {
                        throw new IllegalStateException("migration V" + migration.version() + "__" + migration.name()
                                + " was changed after it was applied");
                    }
                    continue;
                }
                apply(connection, migration);
                count++;
            }
            if (count > 0) {
                LOG.info("Applied {} database migration(s); schema at V{}", count,
                        migrations.get(migrations.size() - 1).version());
            }
            return count;
        } finally {
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        }
    }

    /** Versions applied and pending, for the {@code db status} command. */
    public static List<String> status(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        Map<Integer, String> applied = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists schema_migrations (version integer primary key,"
                    + " name text not null, checksum text not null, applied_at timestamptz not null default now())");
            try (ResultSet rows = statement.executeQuery("select version, name from schema_migrations")) {
                while (rows.next()) {
                    applied.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        for (Migration migration : load()) {
            lines.add((applied.containsKey(migration.version()) ? "applied  " : "pending  ")
                    + "V" + migration.version() + "__" + migration.name());
        }
        return lines;
    }

    private static void apply(Connection connection, Migration migration) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement();
             PreparedStatement record = connection.prepareStatement(
                     "insert into schema_migrations (version, name, checksum) values (?, ?, ?)")) {
            statement.execute(migration.sql());
            record.setInt(1, migration.version());
            record.setString(2, migration.name());
            record.setString(3, migration.checksum());
            record.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("V" + migration.version() + "__" + migration.name() + ": " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The migrations on the classpath, ordered by version; duplicate versions are an error. */
    public static List<Migration> load() {
        TreeMap<Integer, Migration> byVersion = new TreeMap<>();
        for (String fileName : listFileNames()) {
            Matcher matcher = NAME.matcher(fileName);
            if (!matcher.matches()) {
                continue;
            }
            int version = Integer.parseInt(matcher.group(1));
            String sql = read(LOCATION + "/" + fileName);
            Migration migration = new Migration(version, matcher.group(2), sql, sha256(sql));
            Migration clash = byVersion.put(version, migration);
            if (clash != null) {
                throw new IllegalStateException("two migrations share version " + version);
            }
        }
        return List.copyOf(byVersion.values());
    }

    private static List<String> listFileNames() {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> roots = Migrator.class.getClassLoader().getResources(LOCATION);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                        files.forEach(file -> names.add(file.getFileName().toString()));
                    }
                } else if ("jar".equals(root.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) root.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            String entry = entries.nextElement().getName();
                            if (entry.startsWith(LOCATION + "/") && entry.length() > LOCATION.length() + 1) {
                                names.add(entry.substring(LOCATION.length() + 1));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static String read(String resource) {
        try (InputStream in = Migrator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
