-- A report document is rewritten by every batch that changes its framework-period and read once per version:
-- compressing it on each write would cost more than storing it.
ALTER TABLE report ALTER COLUMN document SET STORAGE EXTERNAL;
