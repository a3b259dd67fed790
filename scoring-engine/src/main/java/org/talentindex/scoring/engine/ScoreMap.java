package org.talentindex.scoring.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A read-only code -> score map: one row of a shared column-major matrix (an evaluation's snapshot), NaN values absent. Building one
 * per region costs nothing; reading goes straight to the matrix.
 */
final class ScoreMap extends AbstractMap<String, Double> {

    private final List<String> keys;
    private final Map<String, Integer> index;
    private final double[][] columns;
    private final int row;

    ScoreMap(List<String> keys, Map<String, Integer> index, double[][] columns, int row) {
        this.keys = keys;
        this.index = index;
        this.columns = columns;
        this.row = row;
    }

    private double value(int position) {
        return columns[position][row];
    }

    @Override
    public Double get(Object key) {
        Integer position = index.get(key);
        return position == null || Double.isNaN(value(position)) ? null : value(position);
    }

    /** Fast for two rows of matrices with the same keys; the general map comparison otherwise. NaN (absent) equals NaN. */
    @Override
    public boolean equals(Object other) {
        if (other instanceof ScoreMap that && that.keys == keys) {
            for (int position = 0; position < columns.length; position++) {
                if (Double.compare(value(position), that.value(position)) != 0) {
                    return false;
                }
            }
            return true;
        }
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int position = from;
                        while (position < columns.length && Double.isNaN(value(position))) {
                            position++;
                        }
                        return position;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < columns.length;
                    }

                    @Override
                    public Entry<String, Double> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Double> entry = new SimpleImmutableEntry<>(keys.get(next), value(next));
                        next = advance(next + 1);
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                int size = 0;
                for (int position = 0; position < columns.length; position++) {
                    size += Double.isNaN(value(position)) ? 0 : 1;
                }
                return size;
            }
        };
    }
}
