package org.talentindex.scoring.engine.deviation;

/** How a sector's deviation reads: output share above employment share means the sector is short of talent, below means surplus. */
public enum DeviationFlag {
    SHORTAGE, SURPLUS, BALANCED;

    public static DeviationFlag of(double deviation) {
        return deviation > 0 ? SHORTAGE : deviation < 0 ? SURPLUS : BALANCED;
    }
}
