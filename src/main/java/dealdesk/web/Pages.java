package dealdesk.web;

import dealdesk.DealdeskConfiguration;
import io.dropwizard.views.common.ViewBundle;

import java.util.Map;

/** The Freemarker set-up of the pages. */
public final class Pages {
    private Pages() {
    }

    /**
     * Views rendered by Freemarker with HTML auto-escaping (Dropwizard's default output format) and
     * template errors rethrown: a broken template is a logged 500, never a stack trace in the page.
     */
    public static ViewBundle<DealdeskConfiguration> viewBundle() {
        return new ViewBundle<>() {
            @Override
            public Map<String, Map<String, String>> getViewConfiguration(DealdeskConfiguration configuration) {
                return Map.of("freemarker", Map.of(
                        "template_exception_handler", "rethrow",
                        "log_template_exceptions", "false",
                        "auto_escaping_policy", "enable_if_supported"));
            }
        };
    }
}
