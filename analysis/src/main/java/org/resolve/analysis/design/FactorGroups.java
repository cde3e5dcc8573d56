package org.resolve.analysis.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A partition of a design's columns into named groups. Sensitivity designs (Saltelli, Morris)
 * move a group's columns together, so their indices are per group; a factor on its own is a group
 * of one. Groups are kept in the order given.
 */
public final class FactorGroups {

    /**
     * One group.
     *
     * @param name the name reported with its indices (a parameter key or a group name)
     * @param columns the design columns it holds, ascending, at least one
     */
    public record Group(String name, List<Integer> columns) {
        /**
         * @throws IllegalArgumentException if the name is blank or there are no columns
         */
        public Group {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("group name must not be blank");
            }
            if (columns == null || columns.isEmpty()) {
                throw new IllegalArgumentException("group " + name + " has no columns");
            }
            columns = columns.stream().sorted().toList();
        }
    }

    private final int dimension;
    private final List<Group> groups;
    private final int[] groupOf;

    private FactorGroups(int dimension, List<Group> groups, int[] groupOf) {
        this.dimension = dimension;
        this.groups = List.copyOf(groups);
        this.groupOf = groupOf;
    }

    /**
     * @param names one name per column, in column order
     * @return one group per column
     * @throws IllegalArgumentException if there are no names, or a name is blank or repeated
     */
    public static FactorGroups singletons(List<String> names) {
        List<Group> gs = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            gs.add(new Group(names.get(i), List.of(i)));
        }
        return of(names.size(), gs);
    }

    /**
     * @param dimension the number of columns, >= 1
     * @return one group per column, named {@code x1}, {@code x2}, ...
     * @throws IllegalArgumentException if {@code dimension < 1}
     */
    public static FactorGroups singletons(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1: " + dimension);
        }
        List<String> names = new ArrayList<>(dimension);
        for (int i = 1; i <= dimension; i++) {
            names.add("x" + i);
        }
        return singletons(names);
    }

    /**
     * @param dimension the number of columns, >= 1
     * @param groups groups that together hold every column exactly once
     * @return the partition
     * @throws IllegalArgumentException if {@code dimension < 1}, there are no groups, a name repeats,
     *     a column is out of range, or a column is in no group or in two
     */
    public static FactorGroups of(int dimension, List<Group> groups) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1: " + dimension);
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("groups must not be empty");
        }
        int[] groupOf = new int[dimension];
        Arrays.fill(groupOf, -1);
        Set<String> names = new HashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            if (!names.add(group.name())) {
                throw new IllegalArgumentException("group name repeated: " + group.name());
            }
            for (int c : group.columns()) {
                if (c < 0 || c >= dimension) {
                    throw new IllegalArgumentException("group " + group.name() + " has column " + c
                            + " outside [0, " + dimension + ")");
                }
                if (groupOf[c] >= 0) {
                    throw new IllegalArgumentException("column " + c + " is in both " + groups.get(groupOf[c]).name()
                            + " and " + group.name());
                }
                groupOf[c] = g;
            }
        }
        for (int c = 0; c < dimension; c++) {
            if (groupOf[c] < 0) {
                throw new IllegalArgumentException("column " + c + " is in no group");
            }
        }
        return new FactorGroups(dimension, groups, groupOf);
    }

    /** @return the number of columns */
    public int dimension() {
        return dimension;
    }

    /** @return the number of groups */
    public int size() {
        return groups.size();
    }

    /** @param g a group index @return the group */
    public Group get(int g) {
        return groups.get(g);
    }

    /** @param g a group index @return its name */
    public String name(int g) {
        return groups.get(g).name();
    }

    /** @return the groups, in order */
    public List<Group> groups() {
        return groups;
    }

    /** @param column a column @return the index of the group holding it */
    public int groupOf(int column) {
        return groupOf[column];
    }

    /** @return whether every group holds one column */
    public boolean singletonsOnly() {
        return groups.size() == dimension;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FactorGroups f && f.dimension == dimension && f.groups.equals(groups);
    }

    @Override
    public int hashCode() {
        return 31 * dimension + groups.hashCode();
    }

    @Override
    public String toString() {
        return groups.toString();
    }
}
