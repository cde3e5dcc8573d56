package org.resolve.analysis.discovery;

import java.util.List;

/**
 * The boxes covering found, in the order found, with the counts every share is relative to.
 *
 * @param boxes the boxes, at most {@link PrimOptions#maxBoxes()}; empty when there is no case
 * @param runs the runs given, missing ones included
 * @param missing the runs left out because their outcome is missing
 * @param cases the cases of interest among the used runs
 */
public record PrimResult(List<DiscoveredBox> boxes, int runs, int missing, int cases) {
    /** Copies the list. */
    public PrimResult {
        boxes = List.copyOf(boxes);
    }

    /** @return the runs used (given minus missing) */
    public int used() {
        return runs - missing;
    }
}
