-- What score-updates carry beyond the scores, kept as received until replaced (JSON): the latest rank intervals of the
-- Monte-Carlo uncertainty analysis, with the version that carried them, and the attribution of the latest version that
-- had any, with that version and its cause.
ALTER TABLE report ADD COLUMN sensitivity TEXT;
ALTER TABLE report ADD COLUMN latest_change TEXT;
