package org.talentindex.framework;

/** A name in Chinese and English. */
public record LocalizedName(String zh, String en) {
}
