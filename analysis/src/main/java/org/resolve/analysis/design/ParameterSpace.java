package org.resolve.analysis.design;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resolve.core.engine.ParameterSampler;
import org.resolve.core.model.Param;
import org.resolve.core.scenario.Scenario;

/**
 * The columns of a design for one scenario: its uncertain parameters in catalogue order, and the
 * groups the sensitivity designs move together. A design point maps to parameter values through
 * each parameter's quantile function; fixed parameters keep their value.
 */
public final class ParameterSpace {
    private final List<Param> parameters;
    private final FactorGroups groups;

    private ParameterSpace(List<Param> parameters, FactorGroups groups) {
        this.parameters = List.copyOf(parameters);
        this.groups = groups;
    }

    /**
     * @param sc a scenario
     * @return one column and one group per uncertain parameter, named by its key
     * @throws IllegalArgumentException if the scenario has no uncertain parameter
     */
    public static ParameterSpace of(Scenario sc) {
        return grouped(sc, Map.of());
    }

    /**
     * @param sc a scenario
     * @param groups named groups of uncertain parameters; every other uncertain parameter is a
     *     group of its own, named by its key. Groups are ordered by their first parameter in
     *     catalogue order, whatever the map's order.
     * @return the space
     * @throws IllegalArgumentException if the scenario has no uncertain parameter, a group is empty
     *     or its name blank, a parameter is fixed in the scenario or in two groups, or a group's
     *     name is the key of an ungrouped parameter
     */
    public static ParameterSpace grouped(Scenario sc, Map<String, List<Param>> groups) {
        List<Param> cols = sc.uncertainParameters();
        if (cols.isEmpty()) {
            throw new IllegalArgumentException("scenario " + sc.id()
                    + " has no uncertain parameter: give at least one a distribution");
        }
        Map<Param, String> groupOf = new EnumMap<>(Param.class);
        for (Map.Entry<String, List<Param>> e : groups.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("group name must not be blank");
            }
            if (e.getValue().isEmpty()) {
                throw new IllegalArgumentException("group " + e.getKey() + " has no parameters");
            }
            for (Param p : e.getValue()) {
                if (!cols.contains(p)) {
                    throw new IllegalArgumentException("parameter " + p.key() + " in group " + e.getKey()
                            + " is fixed in scenario " + sc.id() + "; only uncertain parameters can be grouped");
                }
                String before = groupOf.put(p, e.getKey());
                if (before != null && !before.equals(e.getKey())) {
                    throw new IllegalArgumentException("parameter " + p.key() + " is in both groups " + before
                            + " and " + e.getKey());
                }
            }
        }
        List<FactorGroups.Group> gs = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (int c = 0; c < cols.size(); c++) {
            Param p = cols.get(c);
            String g = groupOf.get(p);
            if (g == null) {
                if (groups.containsKey(p.key())) {
                    throw new IllegalArgumentException("group name " + p.key()
                            + " is the key of an ungrouped parameter; choose another name");
                }
                gs.add(new FactorGroups.Group(p.key(), List.of(c)));
            } else if (done.add(g)) {
                List<Integer> members = new ArrayList<>();
                for (int k = 0; k < cols.size(); k++) {
                    if (g.equals(groupOf.get(cols.get(k)))) {
                        members.add(k);
                    }
                }
                gs.add(new FactorGroups.Group(g, members));
            }
        }
        gs.sort(Comparator.comparingInt(x -> x.columns().get(0)));
        return new ParameterSpace(cols, FactorGroups.of(cols.size(), gs));
    }

    /** @return the design's columns: the uncertain parameters, in catalogue order */
    public List<Param> parameters() {
        return parameters;
    }

    /** @return the groups over the columns */
    public FactorGroups groups() {
        return groups;
    }

    /** @return the number of columns */
    public int dimension() {
        return parameters.size();
    }

    /**
     * @param sc the scenario this space was made for
     * @throws IllegalArgumentException if its uncertain parameters are not this space's columns
     */
    public void checkMatches(Scenario sc) {
        if (!sc.uncertainParameters().equals(parameters)) {
            throw new IllegalArgumentException("the design's parameters do not match scenario " + sc.id()
                    + "'s uncertain parameters; build the parameter space from this scenario");
        }
    }

    /**
     * @param sc the scenario this space was made for
     * @param point one coordinate per column, each in [0, 1)
     * @return every parameter's value, by {@link Param#ordinal()}: column c's parameter at its
     *     quantile point[c], fixed parameters at their value
     * @throws IllegalArgumentException if the point's length is not the dimension
     */
    public double[] values(Scenario sc, double[] point) {
        if (point.length != parameters.size()) {
            throw new IllegalArgumentException("point has " + point.length + " coordinates, expected "
                    + parameters.size());
        }
        double[] u = new double[Param.values().length];
        // Fixed parameters ignore their uniform; 0.5 keeps that obvious in a debugger.
        java.util.Arrays.fill(u, 0.5);
        for (int c = 0; c < point.length; c++) {
            u[parameters.get(c).ordinal()] = point[c];
        }
        return ParameterSampler.fromUniforms(sc, u);
    }
}
