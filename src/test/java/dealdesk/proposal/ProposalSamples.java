package dealdesk.proposal;

import dealdesk.proposal.ProposalDocument.Customer;
import dealdesk.proposal.ProposalDocument.Line;
import dealdesk.proposal.ProposalDocument.Price;
import dealdesk.proposal.ProposalDocument.Quantity;
import dealdesk.proposal.ProposalDocument.Quote;
import dealdesk.proposal.ProposalDocument.Terms;
import dealdesk.proposal.ProposalDocument.Totals;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Proposals in each language the service supports, for tests and benchmarks. */
public final class ProposalSamples {
    public static final Path TEMPLATES = Path.of("templates/proposal");

    private static volatile ProposalRenderer renderer;

    private ProposalSamples() {
    }

    /** One renderer per JVM, as the service has. */
    public static ProposalRenderer renderer() {
        if (renderer == null) {
            synchronized (ProposalSamples.class) {
                if (renderer == null) {
                    renderer = ProposalRenderer.fromDirectory(TEMPLATES);
                }
            }
        }
        return renderer;
    }

    /** A customer and three products whose names are in the language's own script. */
    public record Sample(String locale, String customer, String currency, List<String[]> products) {
    }

    public static Sample sample(String locale) {
        return switch (locale) {
            case "tr" -> new Sample("tr", "Şişecam Ağ Çözümleri İstanbul A.Ş.", "TRY", List.of(
                    new String[] {"CRM-PRO", "Müşteri İlişkileri Yönetimi Pro", "Kullanıcı başına aylık lisans; güncellemeler ve destek dahil"},
                    new String[] {"HW-GATEWAY", "Güvenlik Ağ Geçidi", "Donanım, tek seferlik; kurulum ayrıca faturalandırılır"},
                    new String[] {"SVC-ONBOARD", "Kurulum ve Eğitim Hizmeti", "Uzman danışman saatleri; ığdır şubesi dahil"}));
            case "hu" -> new Sample("hu", "Győri Őrző és Űrtechnika Kft.", "HUF", List.of(
                    new String[] {"CRM-PRO", "Ügyfélkapcsolat-kezelő Pro", "Felhasználónkénti havi licenc, frissítésekkel és ügyfélszolgálattal"},
                    new String[] {"HW-GATEWAY", "Biztonsági átjáró", "Hardver, egyszeri díj; a telepítés külön tétel"},
                    new String[] {"SVC-ONBOARD", "Bevezetés és oktatás", "Tanácsadói órák, tűzfal-beállítással együtt"}));
            case "az" -> new Sample("az", "Əliyev Şərq Ticarət MMC", "AZN", List.of(
                    new String[] {"CRM-PRO", "Müştəri Münasibətləri İdarəetməsi Pro", "İstifadəçi başına aylıq lisenziya; yeniləmələr daxildir"},
                    new String[] {"HW-GATEWAY", "Təhlükəsizlik şlüzü", "Avadanlıq, birdəfəlik ödəniş"},
                    new String[] {"SVC-ONBOARD", "Quraşdırma və təlim xidməti", "Məsləhətçi saatları; Gəncə filialı daxil"}));
            case "ja" -> new Sample("ja", "株式会社山田製作所", "JPY", List.of(
                    new String[] {"CRM-PRO", "顧客管理クラウド プロ版", "ユーザー単位の月額ライセンス。アップデートとサポートを含みます。"},
                    new String[] {"HW-GATEWAY", "セキュリティゲートウェイ", "ハードウェア、一括払い。設置作業は別途お見積りとなります。"},
                    new String[] {"SVC-ONBOARD", "導入支援・研修サービス", "専任コンサルタントによる導入支援（時間単位）"}));
            case "fa" -> new Sample("fa", "شرکت پارس گستر ژیان", "IRR", List.of(
                    new String[] {"CRM-PRO", "مدیریت مشتری CRM Pro نسخه ۲", "مجوز ماهانه برای هر کاربر؛ شامل پشتیبانی و به‌روزرسانی"},
                    new String[] {"HW-GATEWAY", "دروازه امنیتی گیگابیت", "سخت‌افزار، پرداخت یکباره؛ نصب جداگانه محاسبه می‌شود"},
                    new String[] {"SVC-ONBOARD", "خدمات راه‌اندازی و آموزش چاپگر", "ساعت مشاوره کارشناس ژیان"}));
            default -> new Sample("en", "Affinity Office Fixtures Ltd.", "USD", List.of(
                    new String[] {"CRM-PRO", "CRM Professional Workflow", "Per-user monthly licence, with profile sync, fine-grained roles and official support"},
                    new String[] {"HW-GATEWAY", "Security Gateway Appliance", "Hardware, one-time fee; installation is quoted separately"},
                    new String[] {"SVC-ONBOARD", "Onboarding and Training", "Consultant hours for configuration and staff training"}));
        };
    }

    private static Money usd(BigDecimal amount) {
        return Money.of(amount, java.util.Currency.getInstance("USD"));
    }

    public static ProposalDocument document(String locale, int lineCount, boolean approved) {
        Sample sample = sample(locale);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            String[] product = sample.products().get(i % sample.products().size());
            String kind = switch (i % 3) {
                case 0 -> "SUBSCRIPTION";
                case 1 -> "ONE_TIME";
                default -> "SERVICE";
            };
            String unit = switch (i % 3) {
                case 0 -> "user";
                case 1 -> "unit";
                default -> "h";
            };
            BigDecimal quantity = BigDecimal.valueOf(i % 3 == 2 ? 12.5 : 10 + i % 40);
            BigDecimal list = new BigDecimal("1250.00").add(BigDecimal.valueOf(i % 7 * 10));
            BigDecimal discount = new BigDecimal("12.5");
            BigDecimal net = list.multiply(new BigDecimal("0.875")).setScale(2, java.math.RoundingMode.HALF_UP);
            BigDecimal total = net.multiply(quantity).setScale(2, java.math.RoundingMode.HALF_UP);
            lines.add(new Line(product[0] + (lineCount > 3 ? "-" + (i + 1) : ""), product[1], product[2], kind,
                    new Quantity(quantity, unit), new Price(usd(list), discount, usd(net), usd(total)), kind.equals("SUBSCRIPTION") ? 36 : null));
        }
        Totals totals = new Totals(Money.of("15800.00", "USD"), Money.of("10937.50", "USD"), Money.of("131250.00", "USD"),
                Money.of("409550.00", "USD"), Money.of("136516.67", "USD"), Money.of("58507.14", "USD"));
        return new ProposalDocument(
                new Quote("Q-2026-00042", 3, approved, LocalDate.of(2026, 12, 31)),
                new Customer(sample.customer(), "ENTERPRISE", switch (locale) {
                    case "tr" -> "TR";
                    case "hu" -> "HU";
                    case "az" -> "AZ";
                    case "ja" -> "JP";
                    case "fa" -> "IR";
                    default -> "US";
                }, locale),
                new Terms(sample.currency(), 36, LocalDate.of(2027, 1, 1)),
                lines, totals, "Alice Rep");
    }
}
