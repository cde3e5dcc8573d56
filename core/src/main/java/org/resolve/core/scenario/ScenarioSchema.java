package org.resolve.core.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.resolve.core.engine.AttritionLaw;
import org.resolve.core.model.Param;
import org.resolve.core.model.Posture;
import org.resolve.core.model.UnitType;

/**
 * The JSON Schema (draft 2020-12) of scenario files. It is generated from the parameter
 * catalogue so editors complete every parameter name; the generated text is shipped in the jar
 * ({@value #RESOURCE}) and in docs/, and a test keeps both equal to {@link #generate()}.
 */
public final class ScenarioSchema {
    /** Where the schema sits on the class path. */
    public static final String RESOURCE = "/org/resolve/core/scenario/scenario.schema.json";

    static final String[] DISTRIBUTION_TYPES = {"fixed", "uniform", "triangular", "normal", "lognormal", "beta", "mixture"};

    private ScenarioSchema() {
    }

    /** @return the schema text shipped in the jar */
    public static String shipped() {
        try (InputStream in = ScenarioSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the schema generated from the catalogue, pretty-printed with a final newline */
    public static String generate() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "urn:resolve:scenario:1");
        root.put("title", "Resolve scenario");
        root.put("description", "A deployment scenario: dates, waves, operations calendar, parameters and the evidence behind them.");
        root.put("type", "object");
        root.put("additionalProperties", false);
        ObjectNode props = root.putObject("properties");
        props.putObject("resolve").put("description", "File format version.").put("const", 1);
        str(props, "id", "Short name, used on the command line and in results.").put("pattern", "^[a-z0-9][a-z0-9.-]*$");
        str(props, "extends", "A bundled scenario id or a relative path: this file then only overrides what it names.");
        str(props, "title", "One line.");
        str(props, "description", "What the scenario represents and what it is for.");
        date(props, "start", "First simulated day (ISO date).");
        props.putObject("days").put("description", "Horizon in days.").put("type", "integer").put("minimum", 1).put("maximum", 3650);
        date(props, "knowledge_date", "Date up to which the operations calendar is known; after it the posture is a forecast.");
        str(props, "intended_use", "What the results may and may not be used for.");
        ObjectNode law = props.putObject("attrition_law");
        law.put("description", "Lanchester law of attrition.");
        ArrayNode lawEnum = law.putArray("enum");
        for (AttritionLaw l : AttritionLaw.values()) {
            lawEnum.add(l.key());
        }
        ObjectNode sources = props.putObject("sources");
        sources.put("description", "The evidence ledger: id -> a dated, attributed claim.");
        sources.put("type", "object");
        sources.putObject("additionalProperties").put("$ref", "#/$defs/source");
        ObjectNode params = props.putObject("parameters");
        params.put("description", "Every model parameter: a value or a distribution, with evidence or an assumption.");
        params.put("type", "object");
        params.put("additionalProperties", false);
        ObjectNode pp = params.putObject("properties");
        for (Param p : Param.values()) {
            ObjectNode one = pp.putObject(p.key());
            one.put("$ref", "#/$defs/parameter");
            one.put("description", p.description() + " [" + p.unit() + "; " + p.expected() + "]");
        }
        ObjectNode deployment = props.putObject("deployment");
        deployment.put("type", "object");
        deployment.put("additionalProperties", false);
        ObjectNode waves = deployment.putObject("properties").putObject("waves");
        waves.put("type", "array");
        waves.put("minItems", 1);
        waves.putObject("items").put("$ref", "#/$defs/wave");
        ObjectNode cal = props.putObject("calendar");
        cal.put("description", "Operations calendar: phases in date order.");
        cal.put("type", "array");
        cal.put("minItems", 1);
        cal.putObject("items").put("$ref", "#/$defs/phase");
        ObjectNode camp = props.putObject("campaign");
        camp.put("description", "Persuasion campaign start; its intensity is in the campaign.* parameters.");
        camp.put("type", "object");
        camp.put("additionalProperties", false);
        camp.putArray("required").add("start");
        ObjectNode cp = camp.putObject("properties");
        date(cp, "start", "First day of the campaign.");
        provenance(cp);
        root.putArray("required").add("resolve").add("id");

        ObjectNode defs = root.putObject("$defs");
        ObjectNode source = defs.putObject("source");
        source.put("type", "object");
        source.put("additionalProperties", false);
        source.putArray("required").add("claimant").add("date").add("publication").add("quote");
        ObjectNode sp = source.putObject("properties");
        str(sp, "claimant", "Who made the claim.");
        date(sp, "date", "When the claim was made.");
        str(sp, "publication", "Where it was published.");
        str(sp, "quote", "A short quote, at most 25 words.");
        str(sp, "reliability", "How far to trust it.");
        str(sp, "url", "Where to read it.");

        ObjectNode parameter = defs.putObject("parameter");
        parameter.put("type", "object");
        parameter.put("additionalProperties", false);
        parameter.putArray("required").add("unit");
        ObjectNode prp = parameter.putObject("properties");
        prp.putObject("value").put("description", "A fixed value.").put("type", "number");
        prp.putObject("distribution").put("$ref", "#/$defs/distribution");
        str(prp, "unit", "The unit, as the catalogue states it.");
        str(prp, "note", "A remark for reports.");
        provenance(prp);

        ObjectNode dist = defs.putObject("distribution");
        dist.put("type", "object");
        dist.put("additionalProperties", false);
        dist.putArray("required").add("type");
        ObjectNode dp = dist.putObject("properties");
        ArrayNode types = dp.putObject("type").putArray("enum");
        for (String t : DISTRIBUTION_TYPES) {
            types.add(t);
        }
        for (String k : new String[] {"value", "low", "high", "mode", "mean", "sd", "median", "sigma", "alpha", "beta"}) {
            dp.putObject(k).put("type", "number");
        }
        ObjectNode comps = dp.putObject("components");
        comps.put("type", "array");
        comps.put("minItems", 1);
        ObjectNode comp = comps.putObject("items");
        comp.put("type", "object");
        comp.put("additionalProperties", false);
        comp.putArray("required").add("weight").add("distribution");
        ObjectNode cpp = comp.putObject("properties");
        cpp.putObject("weight").put("type", "number");
        str(cpp, "label", "Whose estimate this is.");
        cpp.putObject("evidence").put("type", "array").putObject("items").put("type", "string");
        cpp.putObject("distribution").put("$ref", "#/$defs/distribution");

        ObjectNode wave = defs.putObject("wave");
        wave.put("type", "object");
        wave.put("additionalProperties", false);
        wave.putArray("required").add("date").add("size").add("unit_type");
        ObjectNode wp = wave.putObject("properties");
        str(wp, "id", "A name for reports.");
        date(wp, "date", "Departure date.");
        wp.putObject("size").put("type", "integer").put("minimum", 1);
        ArrayNode ut = wp.putObject("unit_type").putArray("enum");
        for (UnitType u : UnitType.values()) {
            ut.add(u.key());
        }
        wp.putObject("repeat_every_days").put("type", "integer").put("minimum", 1);
        wp.putObject("repeat_times").put("type", "integer").put("minimum", 0);
        provenance(wp);

        ObjectNode phase = defs.putObject("phase");
        phase.put("type", "object");
        phase.put("additionalProperties", false);
        phase.putArray("required").add("posture");
        ObjectNode php = phase.putObject("properties");
        date(php, "from", "First day of the phase (omitted when it follows a phase with days).");
        str(php, "days", "A parameter in days (e.g. operation.offensive_days) giving the phase's uncertain length; the next phase starts when it ends.");
        ArrayNode pe = php.putObject("posture").putArray("enum");
        for (Posture p : Posture.values()) {
            pe.add(p.key());
        }
        provenance(php);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode str(ObjectNode props, String name, String description) {
        ObjectNode n = props.putObject(name);
        n.put("description", description);
        n.put("type", "string");
        return n;
    }

    private static void date(ObjectNode props, String name, String description) {
        str(props, name, description).put("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    }

    private static void provenance(ObjectNode props) {
        ObjectNode ev = props.putObject("evidence");
        ev.put("description", "Ids of sources that support the value.");
        ev.put("type", "array");
        ev.putObject("items").put("type", "string");
        props.putObject("assumption").put("description", "True when the value is assumed, not sourced.").put("type", "boolean");
        str(props, "reason", "Why the assumption was made (required with assumption: true).");
    }

    /** Writes the generated schema to a path (used to refresh the shipped copies). */
    public static void main(String[] args) throws IOException {
        for (String a : args) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(a), generate());
        }
    }
}
