package dealdesk.common;

import com.codahale.metrics.health.HealthCheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Healthy while the rules directory holds DRL; each rule base adds its own check of what it compiled. */
public class RulesDirectoryHealthCheck extends HealthCheck {
    private final Path directory;

    public RulesDirectoryHealthCheck(Path directory) {
        this.directory = directory;
    }

    @Override
    protected Result check() throws IOException {
        if (!Files.isDirectory(directory)) {
            return Result.unhealthy("no rules directory at " + directory.toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(directory)) {
            long count = files.filter(file -> file.toString().endsWith(".drl")).count();
            return count > 0 ? Result.healthy(count + " DRL files under " + directory)
                    : Result.unhealthy("no DRL files under " + directory.toAbsolutePath());
        }
    }
}
