package dealdesk.catalog;

import dealdesk.common.ApiException;
import dealdesk.common.Audit;
import dealdesk.common.Csv;
import dealdesk.common.Money;
import dealdesk.common.Validation;
import dealdesk.common.constraints.InRange;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import dealdesk.common.Values;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** Configuration rules: requires, excludes and quantity limits between skus or families. */
public class ConfigurationRuleService {
    private final CatalogService catalog;

    ConfigurationRuleService(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** The body of {@code POST /configuration-rules} and {@code PUT /configuration-rules/{id}}. */
    public record RuleRequest(
            @NotNull(message = "kind is required: REQUIRES, EXCLUDES or QUANTITY_LIMIT")
            RuleKind kind,
            @Size(max = NAME, message = "at most " + NAME + " characters")
            String subjectSku,
            @Size(max = NAME, message = "at most " + NAME + " characters")
            String subjectFamily,
            @Size(max = NAME, message = "at most " + NAME + " characters")
            String targetSku,
            @Size(max = NAME, message = "at most " + NAME + " characters")
            String targetFamily,
            @InRange(max = InRange.TRILLION, belowMin = "must be 0 or more")
            BigDecimal minQuantity,
            @InRange(max = InRange.TRILLION, belowMin = "must be 0 or more")
            BigDecimal maxQuantity,
            @NotBlank(message = "a message for the rep is required (at most 500)")
            @Size(max = 500, message = "a message for the rep is required (at most 500)")
            String message) {
        private static final int NAME = 64;
    }

    public ConfigurationRule createRule(RuleRequest request, String actor) {
        ConfigurationRule rule = validRule(0, request);
        return catalog.write(handle -> {
            long id = handle.attach(CatalogDao.class).insertRule(rule);
            ConfigurationRule created = withId(rule, id);
            Audit.record(handle, actor, "CREATE", "configuration_rule", Long.toString(id), null, created);
            return created;
        });
    }

    public ConfigurationRule updateRule(long id, RuleRequest request, String actor) {
        ConfigurationRule rule = validRule(id, request);
        return catalog.write(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            ConfigurationRule before = dao.ruleForUpdate(id)
                    .orElseThrow(() -> ApiException.notFound("configuration rule", id));
            dao.updateRule(rule);
            Audit.record(handle, actor, "UPDATE", "configuration_rule", Long.toString(id), before, rule);
            return rule;
        });
    }

    public void deleteRule(long id, String actor) {
        catalog.write(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            ConfigurationRule before = dao.ruleForUpdate(id)
                    .orElseThrow(() -> ApiException.notFound("configuration rule", id));
            dao.deleteRule(id);
            Audit.record(handle, actor, "DELETE", "configuration_rule", Long.toString(id), before, null);
            return null;
        });
    }

    private static ConfigurationRule withId(ConfigurationRule rule, long id) {
        return new ConfigurationRule(id, rule.kind(), rule.subjectSku(), rule.subjectFamily(), rule.targetSku(),
                rule.targetFamily(), rule.minQuantity(), rule.maxQuantity(), rule.message());
    }

    private ConfigurationRule validRule(long id, RuleRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "a configuration rule is required");
        }
        CatalogSnapshot current = catalog.snapshot();
        Validation validation = new Validation();
        validation.check(request, "");
        validation.require((request.subjectSku() == null) != (request.subjectFamily() == null), "subjectSku",
                "give exactly one of subjectSku and subjectFamily");
        validation.require(request.subjectSku() == null || current.product(request.subjectSku()).isPresent(),
                "subjectSku", "unknown sku " + request.subjectSku());
        validation.require(request.targetSku() == null || current.product(request.targetSku()).isPresent(),
                "targetSku", "unknown sku " + request.targetSku());
        validation.require(request.targetSku() == null || request.targetFamily() == null, "targetSku",
                "give at most one of targetSku and targetFamily");
        if (request.kind() == RuleKind.REQUIRES || request.kind() == RuleKind.EXCLUDES) {
            validation.require(request.targetSku() != null || request.targetFamily() != null, "targetSku",
                    request.kind() + " needs a targetSku or targetFamily");
        }
        if (request.kind() == RuleKind.QUANTITY_LIMIT) {
            validation.require(request.minQuantity() != null || request.maxQuantity() != null, "maxQuantity",
                    "QUANTITY_LIMIT needs minQuantity or maxQuantity");
        }
        validation.require(request.maxQuantity() == null || request.minQuantity() == null
                || request.maxQuantity().compareTo(request.minQuantity()) >= 0, "maxQuantity",
                "must be at least minQuantity");
        validation.throwIfInvalid(RuleRequest.class);
        return new ConfigurationRule(id, request.kind(), request.subjectSku(), request.subjectFamily(),
                request.targetSku(), request.targetFamily(), request.minQuantity(), request.maxQuantity(),
                request.message().strip());
    }
}
