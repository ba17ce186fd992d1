package dealdesk.db;

import dealdesk.testing.TestDatabase;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationsTest {

    @Test
    void aMigratedDatabaseHasNothingPendingAndASecondRunAppliesNothing() throws Exception {
        Migrations migrations = Migrations.of(dataSource(TestDatabase.freshUrl()));

        assertThat(migrations.migrate()).isZero();
        assertThat(migrations.status()).hasSize(migrationFiles().size())
                .allMatch(line -> line.startsWith("applied"))
                .contains("applied  V001__users", "applied  V020__commission");
    }

    @Test
    void flywayRefusesToStartWhenAnAppliedMigrationWasChanged(@TempDir Path directory) throws Exception {
        copyMigrations(directory);
        Path users = directory.resolve("V001__users.sql");
        Files.writeString(users, Files.readString(users) + "\ncreate index users_name on users (name);\n");

        Migrations changed = Migrations.of(dataSource(TestDatabase.freshUrl()), "filesystem:" + directory);

        assertThatThrownBy(changed::migrate)
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("001");
    }

    @Test
    void aNewMigrationIsAppliedOnceAndListedAsApplied(@TempDir Path directory) throws Exception {
        copyMigrations(directory);
        Files.writeString(directory.resolve("V999__probe.sql"), "create table migration_probe (id int);\n");
        PGSimpleDataSource dataSource = dataSource(TestDatabase.freshUrl());
        Migrations migrations = Migrations.of(dataSource, "filesystem:" + directory);

        assertThat(migrations.migrate()).isEqualTo(1);
        assertThat(migrations.migrate()).isZero();
        assertThat(migrations.status()).contains("applied  V999__probe");
        assertThat(count(dataSource, "select count(*) from migration_probe")).isZero();
    }

    @Test
    void aDatabaseFromTheHandMadeMigratorIsAdoptedAsABaselineWithoutRerunningItsMigrations() throws Exception {
        PGSimpleDataSource dataSource = dataSource(TestDatabase.freshUrl());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop table flyway_schema_history");
            statement.execute("""
                    create table schema_migrations (version integer primary key, name text not null,
                      checksum text not null, applied_at timestamptz not null default now())""");
            for (Path file : migrationFiles()) {
                Matcher name = Pattern.compile("V(\\d+)__(\\w+)\\.sql").matcher(file.getFileName().toString());
                assertThat(name.matches()).isTrue();
                statement.execute("insert into schema_migrations (version, name, checksum) values ("
                        + Integer.parseInt(name.group(1)) + ", '" + name.group(2) + "', 'x')");
            }
        }
        Migrations migrations = Migrations.of(dataSource);

        assertThat(migrations.migrate()).isZero();
        assertThat(count(dataSource, "select count(*) from flyway_schema_history where type = 'BASELINE'"))
                .isEqualTo(1);
    }

    private static List<Path> migrationFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(Path.of(MigrationsTest.class.getResource("/db/migration").toURI()))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".sql")).toList();
        }
    }

    private static void copyMigrations(Path directory) throws IOException, URISyntaxException {
        for (Path file : migrationFiles()) {
            Files.copy(file, directory.resolve(file.getFileName()));
        }
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        return dataSource;
    }

    private static long count(PGSimpleDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
