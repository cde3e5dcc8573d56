package org.resolve.core.observation;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the length of the period a {@code *_in_period} figure covers from the start of its scope
 * text: {@code one week} = 7 days, {@code three days} = 3, {@code one weekend (Dec 14-15)} = 2,
 * {@code 10 days} = 10, {@code two weeks} = 14. Anything after the period (a parenthesis, the dates)
 * is a note and is not read.
 */
public final class Period {
    /** Shown when a scope names no period. */
    public static final String EXPECTED = "a period at the start of the scope: 'one day', 'three days', 'one week', "
            + "'two weeks', 'one weekend' or a number of days or weeks such as '10 days'";

    private static final Pattern PERIOD = Pattern.compile(
            "^(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(days?|weeks?|weekend)\\b");
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10));
    /** Longer periods are not "in period" figures but cumulative ones; also keeps the product in range. */
    private static final int MAX_DAYS = 366;

    private Period() {
    }

    /**
     * @param scope the scope text
     * @return the period's length in days (1 to 366), or 0 when the scope names no period this
     *         class reads (including "two weekends", which are not contiguous days)
     */
    public static int days(String scope) {
        Matcher m = PERIOD.matcher(scope.strip().toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return 0;
        }
        String count = m.group(1);
        long n;
        if (WORDS.containsKey(count)) {
            n = WORDS.get(count);
        } else if (count.length() > 4) {
            return 0;
        } else {
            n = Long.parseLong(count);
        }
        String unit = m.group(2);
        long days;
        if (unit.startsWith("weekend")) {
            days = n == 1 ? 2 : 0;
        } else if (unit.startsWith("week")) {
            days = 7 * n;
        } else {
            days = n;
        }
        return days >= 1 && days <= MAX_DAYS ? (int) days : 0;
    }
}
