-- Awards: the kind of an entry of the award register when it differs from the
-- catalogue's (e.g. a Bằng khen given for a one-off achievement, which is no
-- basis for a higher merit award). NULL means the catalogue's kind.
ALTER TABLE award_register ADD COLUMN merit TEXT
    CHECK (merit IS NULL OR merit IN ('merit', 'movement', 'one_off'));
