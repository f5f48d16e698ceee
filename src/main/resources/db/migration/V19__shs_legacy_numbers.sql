-- The 8-digit organisation numbers old SHS labels still carry for a participant, comma-separated (registry seed
-- participants[].shsLegacyNumbers). Written by the seeder like the rest of the registry.
ALTER TABLE participants ADD COLUMN shs_legacy_numbers VARCHAR(200);
