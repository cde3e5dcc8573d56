package org.resolve.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.resolve.analysis.sensitivity.MorrisEffect;
import org.resolve.analysis.sensitivity.MorrisResult;
import org.resolve.analysis.sensitivity.SensitivityOptions;
import org.resolve.analysis.sensitivity.SensitivityStudy;
import org.resolve.analysis.sensitivity.SobolIndex;
import org.resolve.analysis.sensitivity.SobolResult;
import org.resolve.core.ModelVersion;
import org.resolve.core.scenario.Scenario;

/**
 * The files a sensitivity analysis writes beside its {@code results.duckdb}: {@value #CSV} (every
 * index with its interval) and {@code meta.json} (what was analysed, how, and when). Written the
 * same by {@code resolve sensitivity} and by the web UI's sensitivity page.
 */
public final class SensitivityFiles {
    /** The indices' file name. */
    public static final String CSV = "sensitivity.csv";
    /** The indices' CSV header. */
    public static final String HEADER = "metric,method,index,factor,other,value,ci_low,ci_high,n_used,n_excluded,mu,sigma";

    private SensitivityFiles() {
    }

    /**
     * Writes {@value #CSV} and {@code meta.json} into a results folder.
     *
     * @param dir the results folder (created if missing)
     * @param sc the scenario analysed (with its horizon)
     * @param study the study (method, factors, plan)
     * @param results its indices
     * @param sweepId the stored sweep's id
     * @param rootSeed the root seed
     * @param modeKey the engine mode's key
     * @param options the estimators' options (confidence level, bootstrap resamples)
     * @param failed runs that failed
     * @param seconds the analysis' wall time
     * @throws IOException if a file cannot be written
     */
    public static void write(Path dir, Scenario sc, SensitivityStudy study, SensitivityStudy.Results results, String sweepId,
                             long rootSeed, String modeKey, SensitivityOptions options, int failed, double seconds) throws IOException {
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (SobolResult r : results.sobol()) {
            for (SobolIndex i : r.rows()) {
                row(sb, i.metric(), "sobol", i.order().label(), i.factor(), i.other(), num(i.value()), num(i.ciLow()), num(i.ciHigh()),
                        Integer.toString(i.nUsed()), Integer.toString(i.nExcluded()), "", "");
            }
        }
        for (MorrisResult r : results.morris()) {
            for (MorrisEffect e : r.effects()) {
                row(sb, e.metric(), "morris", "mu_star", e.factor(), "", num(e.muStar()), num(e.muStarCiLow()), num(e.muStarCiHigh()),
                        Integer.toString(e.nUsed()), Integer.toString(e.nExcluded()), num(e.mu()), num(e.sigma()));
            }
        }
        AtomicFiles.write(dir.resolve(CSV), sb.toString());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("scenario", sc.id());
        meta.put("scenario_hash", sc.hash());
        meta.put("sweep_id", sweepId);
        meta.put("results_store", Ensemble.STORE);
        meta.put("model_version", ModelVersion.get());
        meta.put("method", study.method().name().toLowerCase(Locale.ROOT));
        meta.put("design", study.plan().design());
        meta.put("root_seed", rootSeed);
        meta.put("mode", modeKey);
        meta.put("runs", study.plan().size());
        meta.put("failed_runs", failed);
        meta.put("factors", study.space().groups().size());
        meta.put("days", sc.days());
        meta.put("confidence", options.confidenceLevel());
        meta.put("resamples", options.resamples());
        meta.put("created", Instant.now().toString());
        meta.put("elapsed_seconds", Math.round(seconds * 1000) / 1000.0);
        meta.put("intended_use", sc.intendedUse());
        AtomicFiles.write(dir.resolve("meta.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(meta) + "\n");
    }

    private static void row(StringBuilder sb, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields[i];
            sb.append(f.contains(",") ? '"' + f.replace("\"", "\"\"").replace('\n', ' ') + '"' : f);
        }
        sb.append('\n');
    }

    /** @return a number: integers without a decimal point, others in Java's shortest round-trip form */
    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
