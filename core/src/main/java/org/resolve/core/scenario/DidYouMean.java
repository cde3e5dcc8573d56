package org.resolve.core.scenario;

import java.util.Collection;

/** Suggests the closest known name for a misspelt one (Levenshtein distance). */
public final class DidYouMean {
    private DidYouMean() {
    }

    /**
     * @param wrong the name as written
     * @param known the names that would be accepted
     * @return the closest known name within a distance of max(2, length/3), or null
     */
    public static String suggest(String wrong, Collection<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        int limit = Math.max(2, wrong.length() / 3);
        String w = wrong.toLowerCase(java.util.Locale.ROOT);
        for (String k : known) {
            String kl = k.toLowerCase(java.util.Locale.ROOT);
            if (Math.abs(w.length() - kl.length()) > limit) {
                continue; // the distance is at least the difference in length: never a suggestion
            }
            int d = distance(w, kl);
            if (d < bestD || (d == bestD && best != null && k.compareTo(best) < 0)) {
                bestD = d;
                best = k;
            }
        }
        return bestD <= limit ? best : null;
    }

    /** @return the edit distance between two strings */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
