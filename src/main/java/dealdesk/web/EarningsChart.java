package dealdesk.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's chart, drawn on the server as SVG (no script, no chart library): a bar per period for what was
 * earned, and a line for attainment with the quota marked. Coordinates are layout, not money, so doubles are fine.
 */
public record EarningsChart(int width, int height, List<Bar> bars, String attainmentLine, String quotaY,
                            String baseY, String description) {

    public record Bar(String period, String x, String y, String barWidth, String barHeight, String labelX,
                      String earnedText, String earnedY, String dotY, String attainmentText, String attainmentY,
                      boolean hasAttainment) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final double TOP = 34;
    private static final double BOTTOM = 36;

    static EarningsChart of(List<DashboardFigures.Point> points) {
        double plot = HEIGHT - TOP - BOTTOM;
        double maxEarned = points.stream().map(DashboardFigures.Point::earned)
                .mapToDouble(value -> value == null ? 0 : value.doubleValue()).max().orElse(0);
        double maxAttainment = points.stream().map(DashboardFigures.Point::attainment)
                .mapToDouble(value -> value == null ? 0 : value.doubleValue()).max().orElse(0);
        double scale = Math.max(1.25, maxAttainment * 1.1);
        double slot = (double) WIDTH / points.size();
        List<Bar> bars = new ArrayList<>();
        List<String> line = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            DashboardFigures.Point point = points.get(i);
            double earned = point.earned() == null ? 0 : point.earned().doubleValue();
            double barHeight = maxEarned <= 0 ? 0 : earned / maxEarned * plot * 0.8;
            double barWidth = slot * 0.5;
            double x = slot * i + (slot - barWidth) / 2;
            double y = TOP + plot - barHeight;
            double center = slot * i + slot / 2;
            BigDecimal attainment = point.attainment();
            double dotY = attainment == null ? 0 : TOP + plot - Math.min(attainment.doubleValue(), scale) / scale * plot;
            if (attainment != null) {
                line.add(number(center) + "," + number(dotY));
            }
            bars.add(new Bar(point.period(), number(x), number(y), number(barWidth), number(barHeight), number(center),
                    point.earnedText(), number(Math.max(y - 6, 12)), number(dotY), point.attainmentText(),
                    number(Math.max(dotY - 10, 12)), attainment != null));
            words.add(point.period() + ": earned " + point.earnedText() + ", attainment " + point.attainmentText());
        }
        double quotaY = TOP + plot - 1 / scale * plot;
        return new EarningsChart(WIDTH, HEIGHT, bars, String.join(" ", line), number(quotaY), number(TOP + plot),
                "Earnings and attainment, last four periods. " + String.join("; ", words) + ".");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
