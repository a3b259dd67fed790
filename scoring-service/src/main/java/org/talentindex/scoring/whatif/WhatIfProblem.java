package org.talentindex.scoring.whatif;

/** Why a row of a what-if request cannot be evaluated; row 0 is the request as a whole. */
public record WhatIfProblem(long row, String reason, String message) {
}
