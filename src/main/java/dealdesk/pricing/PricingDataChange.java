package dealdesk.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stored version of the pricing data: who stored it, when, and what it changed against the
 * version before, in words like {@code promotions: added API-WEEK}.
 */
public record PricingDataChange(long version, String changedBy, Instant changedAt, List<String> changes) {
    /** The fields that name an entry of a section, in the order tried. */
    private static final List<String> LABELS = List.of("code", "name", "account", "segment", "metric", "sku", "family");

    /** Rows newest first (one more than {@code limit}, so the oldest shown has its predecessor). */
    static List<PricingDataChange> between(List<PricingDataDao.VersionRow> rows, int limit, ObjectMapper mapper) {
        List<PricingDataChange> changes = new ArrayList<>();
        for (int i = 0; i < rows.size() && i < limit; i++) {
            PricingDataDao.VersionRow row = rows.get(i);
            JsonNode before = i + 1 < rows.size() ? tree(rows.get(i + 1).document(), mapper) : null;
            changes.add(new PricingDataChange(row.version(), row.changedBy(), row.changedAt(),
                    describe(before, tree(row.document(), mapper))));
        }
        return changes;
    }

    static List<String> describe(JsonNode before, JsonNode after) {
        List<String> lines = new ArrayList<>();
        Iterator<String> sections = after.fieldNames();
        while (sections.hasNext()) {
            String section = sections.next();
            Map<String, String> old = entries(before == null ? null : before.get(section));
            Map<String, String> now = entries(after.get(section));
            List<String> words = new ArrayList<>();
            now.forEach((label, json) -> {
                if (!old.containsKey(label)) {
                    words.add("added " + label);
                } else if (!old.get(label).equals(json)) {
                    words.add("changed " + label);
                }
            });
            old.keySet().stream().filter(label -> !now.containsKey(label)).forEach(label -> words.add("removed " + label));
            if (!words.isEmpty()) {
                lines.add(section + ": " + String.join(", ", words));
            }
        }
        if (lines.isEmpty()) {
            lines.add(before == null ? "first version" : "no change");
        }
        return lines;
    }

    private static Map<String, String> entries(JsonNode section) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (section == null || !section.isArray()) {
            return entries;
        }
        for (int i = 0; i < section.size(); i++) {
            JsonNode entry = section.get(i);
            String label = null;
            for (String field : LABELS) {
                if (entry.hasNonNull(field)) {
                    label = entry.get(field).asText();
                    break;
                }
            }
            label = label == null ? "#" + (i + 1) : label;
            while (entries.containsKey(label)) {
                label = label + "'";
            }
            entries.put(label, entry.toString());
        }
        return entries;
    }

    private static JsonNode tree(String json, ObjectMapper mapper) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored pricing data is not readable", e);
        }
    }
}
