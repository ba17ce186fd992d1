package dealdesk.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL, run as a database that keeps money: fsync, full
 * page writes and synchronous commit on; a password generated on first start,
 * kept (owner-readable only) in the data directory and required for every
 * connection; and a start after kill -9 that finds the orphaned postmaster of
 * the dead process and stops it (fast shutdown: open transactions roll back)
 * before starting again.
 */
public final class EmbeddedDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String PASSWORD_FILE = "dealdesk-password";
    /** zonky's lock file: held by the live process that runs this data directory. */
    private static final String LOCK_FILE = "epg-lock";
    private static final String HBA = """
            # Written by dealdesk: every connection needs the password kept in dealdesk-password.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    private EmbeddedDatabase() {
    }

    /** A started embedded PostgreSQL, with the password its JDBC connections use. */
    public record Started(EmbeddedPostgres postgres, String password) {
    }

    public static Started start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        stopOrphanedPostmaster(dataDirectory);
        String password = readPassword(dataDirectory).orElseGet(EmbeddedDatabase::newPassword);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", password)
                .setPGStartupWait(Duration.ofSeconds(120));
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        requirePassword(postgres, dataDirectory, password);
        return new Started(postgres, password);
    }

    /**
     * Idempotent on every start, in an order that survives a crash at any step: the password is
     * written to its file, then given to PostgreSQL, then required by pg_hba.conf.
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path dataDirectory, String password)
            throws IOException {
        writeOwnerOnly(dataDirectory.resolve(PASSWORD_FILE), password);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("alter user postgres password '" + password.replace("'", "''") + "'");
            Path hba = dataDirectory.resolve("pg_hba.conf");
            if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
                writeOwnerOnly(hba, HBA);
                statement.execute("select pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the embedded database's password: " + e.getMessage(), e);
        }
    }

    private static Optional<String> readPassword(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    }

    private static String newPassword() {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, content, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                StandardOpenOption.SYNC);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A postmaster.pid naming a live postgres while no live process holds the data directory's lock
     * is the orphan of a process that was killed: stop it, fast, and wait for it to go.
     */
    static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(true));
        if (postmaster.isEmpty()) {
            return; // a stale pid file: PostgreSQL itself sees that its process is gone
        }
        if (!lockIsFree(dataDirectory.resolve(LOCK_FILE))) {
            throw new IllegalStateException("the embedded database in " + dataDirectory
                    + " is in use by another running dealdesk; stop it first or give this one another directory");
        }
        LOG.warn("Stopping the orphaned embedded PostgreSQL (pid {}) left in {} by a process that ended abruptly",
                pid, dataDirectory);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            if (!waitForExit(postmaster.get(), Duration.ofSeconds(60))) {
                LOG.warn("The orphaned PostgreSQL (pid {}) did not stop in 60 s; killing it", pid);
                postmaster.get().destroyForcibly();
                waitForExit(postmaster.get(), Duration.ofSeconds(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the orphaned PostgreSQL", e);
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) throws InterruptedException {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        }
    }

    private static boolean lockIsFree(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }
}
