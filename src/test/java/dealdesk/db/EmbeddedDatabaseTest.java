package dealdesk.db;

import dealdesk.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseTest {

    @Test
    void theEmbeddedDatabaseIsDurableAndTakesOnlyItsGeneratedPassword(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("postgres");
        try (var started = EmbeddedDatabase.start(data, 0).postgres()) {
            String url = started.getJdbcUrl("postgres", "postgres");
            Path passwordFile = data.resolve(EmbeddedDatabase.PASSWORD_FILE);
            String password = Files.readString(passwordFile).strip();

            assertThat(password).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            try (Connection connection = DriverManager.getConnection(url, "postgres", password)) {
                assertThat(setting(connection, "fsync")).isEqualTo("on");
                assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
            }
        }
        try (var again = EmbeddedDatabase.start(data, 0).postgres();
             Connection connection = DriverManager.getConnection(again.getJdbcUrl("postgres", "postgres"), "postgres",
                     Files.readString(data.resolve(EmbeddedDatabase.PASSWORD_FILE)).strip())) {
            assertThat(setting(connection, "fsync")).isEqualTo("on");
        }
    }

    @Test
    void aStartAfterTheOwnerWasKilledStopsTheOrphanedPostmasterAndComesUp(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("postgres");
        long orphan;
        try (ChildJvm child = ChildJvm.start(HoldDatabase.class, data.toString())) {
            child.await("ready", 180);
            orphan = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            child.kill();
        }
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

        try (var restarted = EmbeddedDatabase.start(data, 0).postgres();
             Connection connection = DriverManager.getConnection(restarted.getJdbcUrl("postgres", "postgres"),
                     "postgres", Files.readString(data.resolve(EmbeddedDatabase.PASSWORD_FILE)).strip());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from kept")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("show " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The child: starts the database, commits a row, says ready, and waits to be killed. */
    public static final class HoldDatabase {
        public static void main(String[] arguments) throws Exception {
            EmbeddedDatabase.Started started = EmbeddedDatabase.start(Path.of(arguments[0]), 0);
            try (Connection connection = DriverManager.getConnection(started.postgres().getJdbcUrl("postgres", "postgres"),
                    "postgres", started.password()); Statement statement = connection.createStatement()) {
                statement.execute("create table kept (id int)");
                statement.execute("insert into kept values (1)");
            }
            System.out.println("ready");
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
