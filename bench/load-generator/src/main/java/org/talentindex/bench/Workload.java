package org.talentindex.bench;

import java.util.List;

/** One send per call; {@code false} when the workload has nothing more to send. */
@FunctionalInterface
interface Workload {

    boolean sendNext();

    /** A yearbook release: every region's figure for one indicator after the other, all of one period. */
    static Workload yearbookRelease(CellModel model, int period, CellSender sender) {
        int regions = model.framework().regions();
        int cells = regions * model.framework().indicators();
        int[] next = {0};
        return () -> {
            if (next[0] == cells) {
                return false;
            }
            int cell = next[0]++;
            sender.send(model, period, cell % regions, cell / regions);
            return true;
        };
    }

    /** Revised figures for random cells of the given (already released) periods. */
    static Workload randomRevisions(CellModel model, List<Integer> periods, CellSender sender) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        return () -> {
            sender.send(model, periods.get(random.nextInt(periods.size())), model.randomRegion(), model.randomIndicator());
            return true;
        };
    }

    @FunctionalInterface
    interface CellSender {
        void send(CellModel model, int period, int region, int indicator);
    }
}
