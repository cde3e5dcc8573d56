package org.resolve.core.observation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The columns of an observation file, in the order the header must list them. */
public enum Column {
    ID, DATE, CLAIMANT, QUANTITY, KIND, LOW, HIGH, SCOPE, PUBLICATION, PUBLISHED, NOTE;

    /** The header line an observation file must start with. */
    public static final String HEADER = Arrays.stream(values()).map(Column::key).collect(Collectors.joining(","));

    /** The number of columns. */
    public static final int COUNT = values().length;

    /** @return the column's name in the header */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the column names in header order */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Column::key).toList();
    }
}
