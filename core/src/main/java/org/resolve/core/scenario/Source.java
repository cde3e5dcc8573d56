package org.resolve.core.scenario;

/**
 * An entry of the evidence ledger: a dated claim, who made it and where it was published.
 *
 * @param id the id parameters cite
 * @param claimant who made the claim (an agency, an official, a person)
 * @param date when the claim was made (ISO date)
 * @param publication where it was published
 * @param quote a short quote, at most 25 words
 * @param reliability a note on how far to trust it
 * @param location where the entry is written
 */
public record Source(String id, String claimant, String date, String publication, String quote,
                     String reliability, Location location) implements java.io.Serializable {
}
