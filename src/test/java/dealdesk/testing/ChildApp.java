package dealdesk.testing;

import dealdesk.DealdeskApplication;
import dealdesk.DealdeskConfiguration;
import io.dropwizard.core.setup.Environment;
import org.eclipse.jetty.server.NetworkConnector;

/** The service in a JVM of its own (for kill -9 tests): prints {@code ready <port>} once it listens. */
public final class ChildApp extends DealdeskApplication {

    public static void main(String[] arguments) throws Exception {
        new ChildApp().run("server", arguments[0]);
    }

    @Override
    public void run(DealdeskConfiguration configuration, Environment environment) {
        super.run(configuration, environment);
        environment.lifecycle().addServerLifecycleListener(server -> {
            for (var connector : server.getConnectors()) {
                if (connector instanceof NetworkConnector network && "application".equals(connector.getName())) {
                    System.out.println("ready " + network.getLocalPort());
                    System.out.flush();
                    return;
                }
            }
            System.out.println("ready " + ((NetworkConnector) server.getConnectors()[0]).getLocalPort());
            System.out.flush();
        });
    }
}
