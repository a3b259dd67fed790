package org.talentindex.scoring.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** A read-only code -> score map over a shared key index and one array of values; NaN values are absent. Cheap to build per region. */
final class ScoreMap extends AbstractMap<String, Double> {

    private final List<String> keys;
    private final Map<String, Integer> index;
    private final double[] values;

    ScoreMap(List<String> keys, Map<String, Integer> index, double[] values) {
        this.keys = keys;
        this.index = index;
        this.values = values;
    }

    @Override
    public Double get(Object key) {
        Integer position = index.get(key);
        return position == null || Double.isNaN(values[position]) ? null : values[position];
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
                        while (position < values.length && Double.isNaN(values[position])) {
                            position++;
                        }
                        return position;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Double> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Double> entry = new SimpleImmutableEntry<>(keys.get(next), values[next]);
                        next = advance(next + 1);
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                int size = 0;
                for (double value : values) {
                    size += Double.isNaN(value) ? 0 : 1;
                }
                return size;
            }
        };
    }
}
