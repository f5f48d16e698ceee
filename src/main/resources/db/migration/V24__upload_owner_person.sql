-- A resumable upload from the web belongs to the person who started it (web:<username>), not only to a participant.
ALTER TABLE uploads ALTER COLUMN owner SET DATA TYPE VARCHAR(160);
