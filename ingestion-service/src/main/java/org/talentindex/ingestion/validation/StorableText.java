package org.talentindex.ingestion.validation;

/** Text PostgreSQL can store as UTF-8: no NUL character and no unpaired surrogate (a JSON escape can make either). */
final class StorableText {

    private StorableText() {
    }

    static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0' || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
