package org.resolve.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resolve.core.model.Param;

/** The schema shipped in the jar and in docs/ is exactly the one generated from the catalogue. */
class ScenarioSchemaTest {
    private static final String SOURCE_COPY = "src/main/resources/org/resolve/core/scenario/scenario.schema.json";
    private static final String DOCS_COPY = "../docs/scenario.schema.json";
    private static final String REGENERATE = "regenerate both copies, from the repository root:\n"
            + "  ./mvnw -q -o -pl core compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt\n"
            + "  java -cp \"core/target/classes:$(cat core/target/classpath.txt)\" org.resolve.core.scenario.ScenarioSchema "
            + "core/" + SOURCE_COPY + " docs/scenario.schema.json";

    @Test
    void theSchemaInTheJarIsTheGeneratedOne() {
        assertEquals(ScenarioSchema.generate(), ScenarioSchema.shipped(),
                "the class-path copy " + ScenarioSchema.RESOURCE + " differs from ScenarioSchema.generate(); " + REGENERATE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {SOURCE_COPY, DOCS_COPY})
    void theCopyOnDiskIsTheGeneratedOne(String path) throws IOException {
        Path p = Path.of(path);
        assertTrue(Files.isRegularFile(p), () -> p.toAbsolutePath().normalize() + " is missing; " + REGENERATE);
        assertEquals(ScenarioSchema.generate(), Files.readString(p, StandardCharsets.UTF_8),
                () -> path + " differs from ScenarioSchema.generate(); " + REGENERATE);
    }

    @Test
    void theSchemaNamesEveryCatalogueParameterAndNothingElse() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(ScenarioSchema.generate());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        JsonNode params = schema.path("properties").path("parameters").path("properties");
        List<String> inSchema = new ArrayList<>();
        params.fieldNames().forEachRemaining(inSchema::add);
        List<String> inCatalogue = new ArrayList<>();
        for (Param p : Param.values()) {
            inCatalogue.add(p.key());
        }
        assertEquals(inCatalogue, inSchema);
        assertTrue(schema.path("properties").path("parameters").path("additionalProperties").isBoolean()
                && !schema.path("properties").path("parameters").path("additionalProperties").asBoolean(),
                "unknown parameter names must be rejected by the schema");
    }

    @Test
    void generatingTwiceGivesTheSameText() {
        assertEquals(ScenarioSchema.generate(), ScenarioSchema.generate());
    }
}
