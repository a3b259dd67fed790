package org.talentindex.framework;

/**
 * A sector of a structure-deviation framework (with the indicators holding its output and employment shares) or of an early-warning
 * heat map (output and employment are then null).
 */
public record Sector(String code, LocalizedName names, String outputShare, String employmentShare) {
}
