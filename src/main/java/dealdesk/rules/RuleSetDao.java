package dealdesk.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rule set versions and their activations. */
public interface RuleSetDao {

    /** A stored version of a base's rule text. */
    record RuleSetRow(long id, String base, String drl, String note, String createdBy, Instant createdAt) {
    }

    /** From {@code activeFrom} on, the version {@code ruleSetId} is in force (until a later activation). */
    record ActivationRow(long id, String base, long ruleSetId, LocalDate activeFrom, String activatedBy,
                         Instant activatedAt) {
    }

    @SqlUpdate("insert into rule_sets (base, drl, note, created_by, created_at)"
            + " values (:base, :drl, :note, :createdBy, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("base") String base, @Bind("drl") String drl, @Bind("note") String note,
                @Bind("createdBy") String createdBy, @Bind("createdAt") Instant createdAt);

    @SqlQuery("select id, base, drl, note, created_by, created_at from rule_sets where id = :id")
    @RegisterConstructorMapper(RuleSetRow.class)
    Optional<RuleSetRow> find(@Bind("id") long id);

    @SqlQuery("select id, base, drl, note, created_by, created_at from rule_sets where base = :base order by id")
    @RegisterConstructorMapper(RuleSetRow.class)
    List<RuleSetRow> ofBase(@Bind("base") String base);

    @SqlQuery("select count(*) from rule_sets where base = :base")
    int count(@Bind("base") String base);

    @SqlUpdate("insert into rule_set_activations (base, rule_set_id, active_from, activated_by, activated_at)"
            + " values (:base, :ruleSetId, :activeFrom, :activatedBy, :activatedAt)")
    @GetGeneratedKeys("id")
    long activate(@Bind("base") String base, @Bind("ruleSetId") long ruleSetId,
                  @Bind("activeFrom") LocalDate activeFrom, @Bind("activatedBy") String activatedBy,
                  @Bind("activatedAt") Instant activatedAt);

    @SqlQuery("select id, base, rule_set_id, active_from, activated_by, activated_at from rule_set_activations"
            + " where base = :base order by id")
    @RegisterConstructorMapper(ActivationRow.class)
    List<ActivationRow> activations(@Bind("base") String base);

    /** The poll every instance runs: a new activation anywhere changes this number. */
    @SqlQuery("select coalesce(max(id), 0) from rule_set_activations")
    long newestActivation();

    /** The last day of the newest closed (or paid) commission period, if any period is closed. */
    @SqlQuery("select max(period_end) from commission_statements where status <> 'OPEN'")
    Optional<LocalDate> lastClosedDay();
}
