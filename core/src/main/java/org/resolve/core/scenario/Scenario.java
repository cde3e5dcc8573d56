package org.resolve.core.scenario;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.resolve.core.engine.AttritionLaw;
import org.resolve.core.model.Param;

/**
 * A validated, immutable scenario: everything a run needs besides the seed and the mode.
 * Serializable, so a distributed executor can ship it to the machines that run it (its hash is
 * kept as computed).
 */
public final class Scenario implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final String title;
    private final String description;
    private final LocalDate start;
    private final int days;
    private final LocalDate knowledgeDate;
    private final String intendedUse;
    private final AttritionLaw attritionLaw;
    private final Map<String, Source> sources;
    private final Map<Param, ParameterSpec> parameters;
    private final List<Wave> waves;
    private final List<Phase> calendar;
    private final Campaign campaign;
    private final List<String> files;
    private final String hash;

    Scenario(String id, String title, String description, LocalDate start, int days, LocalDate knowledgeDate,
             String intendedUse, AttritionLaw attritionLaw, Map<String, Source> sources,
             Map<Param, ParameterSpec> parameters, List<Wave> waves, List<Phase> calendar, Campaign campaign,
             List<String> files) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.start = start;
        this.days = days;
        this.knowledgeDate = knowledgeDate;
        this.intendedUse = intendedUse;
        this.attritionLaw = attritionLaw;
        this.sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.parameters = java.util.Collections.unmodifiableMap(new EnumMap<>(parameters));
        this.waves = List.copyOf(waves);
        this.calendar = List.copyOf(calendar);
        this.campaign = campaign;
        this.files = List.copyOf(files);
        this.hash = computeHash();
    }

    public String id() { return id; }
    public String title() { return title; }
    public String description() { return description; }
    public LocalDate start() { return start; }
    /** @return the horizon in days */
    public int days() { return days; }
    /** @return the date up to which the calendar is known, or null */
    public LocalDate knowledgeDate() { return knowledgeDate; }
    public String intendedUse() { return intendedUse; }
    public AttritionLaw attritionLaw() { return attritionLaw; }
    public Map<String, Source> sources() { return sources; }
    public Map<Param, ParameterSpec> parameters() { return parameters; }
    public List<Wave> waves() { return waves; }
    public List<Phase> calendar() { return calendar; }
    /** @return the campaign's start, or null when the scenario has no campaign */
    public Campaign campaign() { return campaign; }
    /** @return the files the scenario was read from, base first */
    public List<String> files() { return files; }

    /** @param p a parameter @return its specification (every catalogue parameter has one) */
    public ParameterSpec spec(Param p) {
        return parameters.get(p);
    }

    /** @return the parameters whose value is uncertain, in catalogue order */
    public List<Param> uncertainParameters() {
        List<Param> out = new ArrayList<>();
        for (Param p : Param.values()) {
            if (!parameters.get(p).distribution().fixed()) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * @return the SHA-256 of a canonical form of everything that can change a result or its
     *     provenance (not of the file's layout or comments)
     */
    public String hash() {
        return hash;
    }

    /**
     * A copy with other values for some parameters (the horizon too, when {@code days > 0}).
     *
     * @param overrides parameter values to fix
     * @param days a new horizon, or 0 to keep this one
     * @return the new scenario
     */
    public Scenario with(Map<Param, Double> overrides, int days) {
        Map<Param, ParameterSpec> ps = new EnumMap<>(parameters);
        for (Map.Entry<Param, Double> e : overrides.entrySet()) {
            ParameterSpec old = ps.get(e.getKey());
            ps.put(e.getKey(), new ParameterSpec(e.getKey(), new Distribution.Fixed(e.getValue()), old.unit(),
                    new Provenance(List.of(), true, "set by the user for this run"), old.note(), old.location()));
        }
        return new Scenario(id, title, description, start, days > 0 ? days : this.days, knowledgeDate, intendedUse,
                attritionLaw, sources, ps, waves, calendar, campaign, files);
    }

    /**
     * @param law another attrition law
     * @return a copy using it
     */
    public Scenario withLaw(AttritionLaw law) {
        return new Scenario(id, title, description, start, days, knowledgeDate, intendedUse, law, sources, parameters,
                waves, calendar, campaign, files);
    }

    private String computeHash() {
        StringBuilder sb = new StringBuilder();
        sb.append("id=").append(id).append('\n').append("start=").append(start).append('\n')
                .append("days=").append(days).append('\n').append("knowledge=").append(knowledgeDate).append('\n')
                .append("law=").append(attritionLaw.key()).append('\n');
        for (ParameterSpec s : parameters.values()) {
            // The record's own form, not describe(): describe() rounds to 6 significant digits.
            sb.append("p ").append(s.param().key()).append('=').append(s.distribution()).append(' ')
                    .append(s.unit()).append(" {").append(s.provenance().describe()).append("}\n");
        }
        for (Wave w : waves) {
            sb.append("w ").append(w.id()).append(' ').append(w.date()).append(' ').append(w.size()).append(' ')
                    .append(w.unitType().key()).append(' ').append(w.repeatEveryDays()).append(' ')
                    .append(w.repeatTimes()).append(" {").append(w.provenance().describe()).append("}\n");
        }
        for (Phase ph : calendar) {
            sb.append("c ").append(ph.from()).append(' ').append(ph.posture().key()).append(' ')
                    .append(ph.days() == null ? "-" : ph.days().key()).append('\n');
        }
        if (campaign != null) {
            sb.append("campaign ").append(campaign.start()).append('\n');
        }
        for (Source s : new TreeMap<>(sources).values()) { // by id: the order of a YAML mapping is layout
            sb.append("s ").append(s.id()).append('|').append(s.claimant()).append('|').append(s.date()).append('|')
                    .append(s.publication()).append('|').append(s.quote()).append('\n');
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
