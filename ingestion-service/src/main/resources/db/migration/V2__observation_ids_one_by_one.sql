-- Rows are inserted a chunk at a time with nextval() in the statement, so the sequence hands out ids one by one.
ALTER SEQUENCE observation_seq INCREMENT BY 1;
