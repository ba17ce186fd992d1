package dealdesk;

import dealdesk.common.Json;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.jersey.validation.Validators;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped config.yml and the defaults of an empty one. */
class ConfigurationTest {

    private static DealdeskConfiguration load(String file) throws Exception {
        var factory = new YamlConfigurationFactory<>(DealdeskConfiguration.class, Validators.newValidator(),
                Json.configure(Jackson.newObjectMapper()), "dw");
        return factory.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                new EnvironmentVariableSubstitutor(false)), file);
    }

    private static HttpConnectorFactory admin(DealdeskConfiguration configuration) {
        return (HttpConnectorFactory) ((DefaultServerFactory) configuration.getServerFactory()).getAdminConnectors().get(0);
    }

    @Test
    void theShippedConfigurationBindsTheAdminPortToLoopbackOnly() throws Exception {
        DealdeskConfiguration shipped = load("config.yml");
        assertThat(admin(shipped).getBindHost()).isEqualTo(System.getenv().getOrDefault("ADMIN_BIND", "127.0.0.1"));
    }

    @Test
    void withoutAConfigurationTheAdminPortIsLoopbackAndTheClockIsTheSystems() {
        DealdeskConfiguration defaults = new DealdeskConfiguration();
        assertThat(admin(defaults).getBindHost()).isEqualTo("127.0.0.1");
        Instant before = Instant.now();
        assertThat(defaults.getClock().build().instant()).isBetween(before, Instant.now().plusSeconds(1));
    }
}
