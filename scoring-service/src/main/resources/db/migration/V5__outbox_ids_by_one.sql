-- Outbox events are inserted with nextval() directly (no id blocks reserved by an ORM).
ALTER SEQUENCE outbox_event_seq INCREMENT BY 1;
