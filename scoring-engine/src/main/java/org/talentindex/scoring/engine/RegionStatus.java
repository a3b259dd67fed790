package org.talentindex.scoring.engine;

/** Whether a region was scored and ranked, or had too few values to be. */
public enum RegionStatus {
    RANKED, INSUFFICIENT_DATA
}
