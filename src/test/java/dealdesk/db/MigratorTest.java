package dealdesk.db;

import dealdesk.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;

class MigratorTest {

    @Test
    void aMigratedDatabaseHasNothingPendingAndASecondRunAppliesNothing() throws Exception {
        String url = TestDatabase.freshUrl();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            assertThat(Migrator.migrate(connection)).isZero();
            assertThat(Migrator.status(connection)).isNotEmpty().allMatch(line -> line.startsWith("applied"));
        }
    }

    @Test
    void migrationsAreOrderedByVersionWithoutGaps() {
        var versions = Migrator.load().stream().map(Migrator.Migration::version).toList();
        assertThat(versions).isSorted().doesNotHaveDuplicates().contains(1, 2);
    }
}
