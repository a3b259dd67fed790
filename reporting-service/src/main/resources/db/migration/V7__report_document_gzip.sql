-- Report documents are stored gzip-compressed by the service (StoredDocument): every batch rewrites the documents it
-- changes, and at about a fifth of the bytes it costs a seventh of the WAL. Documents stored before stay plain UTF-8
-- JSON until their next version. Still not compressed again by PostgreSQL (see V6).
ALTER TABLE report ALTER COLUMN document TYPE BYTEA USING convert_to(document, 'UTF8');
ALTER TABLE report ALTER COLUMN document SET STORAGE EXTERNAL;
