package dealdesk.web;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The dashboard's read model for naming statement lines: each booked transaction's customer (the deal's account,
 * for deals booked here) and product (the catalog's name, else the CRM's sku).
 */
@RegisterConstructorMapper(StatementLabelDao.Label.class)
public interface StatementLabelDao {

    record Label(String id, String dealId, String sku, String productName, String accountName, java.time.LocalDate closeDate) {
    }

    @SqlQuery("select t.id, t.deal_id, t.sku, p.name as product_name, d.account_name, t.close_date "
            + "from commission_transactions t "
            + "left join products p on p.sku = t.sku "
            + "left join deals d on t.source = 'DEAL' and 'deal-' || d.id = t.deal_id "
            + "where t.id in (<ids>)")
    List<Label> labels(@BindList("ids") List<String> ids);
}
