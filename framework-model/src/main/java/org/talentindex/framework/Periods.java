package org.talentindex.framework;

/** The periods (years) a framework accepts. */
public record Periods(int from, int to) {

    public static final Periods ANY = new Periods(Integer.MIN_VALUE, Integer.MAX_VALUE);
}
