package dealdesk.common;

import io.dropwizard.lifecycle.ServerLifecycleListener;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.List;

/** One clear line when the service is ready: where it listens, how long it took, and the demo logins. */
public class StartupBanner implements ServerLifecycleListener {
    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);
    private final List<String> demoLogins;
    private final String demoPassword;

    public StartupBanner(List<String> demoLogins, String demoPassword) {
        this.demoLogins = demoLogins;
        this.demoPassword = demoPassword;
    }

    @Override
    public void serverStarted(Server server) {
        long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        String url = "http://localhost:" + getLocalPort(server) + "/";
        String logins = demoLogins.isEmpty() ? "" : " -- demo logins (password '" + demoPassword + "'): "
                + String.join(", ", demoLogins);
        LOG.info("dealdesk is ready at {} (API under {}api/v1) after {} ms{}", url, url, millis, logins);
    }
}
