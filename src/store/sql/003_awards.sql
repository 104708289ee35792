-- Awards: the kind of an entry of the award register when it differs from the
-- catalogue's (e.g. a Bằng khen given for a one-off achievement, which is no
-- basis for a higher merit award). NULL means the catalogue's kind.
ALTER TABLE award_register ADD COLUMN merit TEXT
    CHECK (merit IS NULL OR merit IN ('merit', 'movement', 'one_off'));

-- Awards are held back while a nominee is under discipline or inspection
-- (NĐ 152/2025 Điều 4). A hold is open until it is lifted.
CREATE TABLE award_holds (
    id          INTEGER PRIMARY KEY,
    nominee_id  INTEGER NOT NULL REFERENCES nominees(id),
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    from_date   TEXT NOT NULL,
    lifted_date TEXT,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX award_holds_nominee ON award_holds(nominee_id);
