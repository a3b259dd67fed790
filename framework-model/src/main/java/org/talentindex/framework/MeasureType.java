package org.talentindex.framework;

/** What kind of quantity an indicator is: continuous, count, ratio, or binary yes(1)/no(0). */
public enum MeasureType {
    CONTINUOUS, COUNT, RATIO, BINARY
}
