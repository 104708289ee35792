-- Version 10: one decision of the ward chairman for many awards. Each award
-- it covers keeps its own row in `decisions` (same number, date, signer) and
-- its register entry; the batch says which went together, who signed in
-- which capacity, and the prize money fixed on the day it was recorded.
CREATE TABLE decision_batches (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
    number      TEXT NOT NULL UNIQUE,
    date        TEXT NOT NULL,
    signer      TEXT NOT NULL,
    title       TEXT NOT NULL CHECK (title IN ('chairman', 'deputy')),
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE decision_batch_items (
    batch_id      INTEGER NOT NULL REFERENCES decision_batches(id),
    position      INTEGER NOT NULL,
    nomination_id INTEGER NOT NULL UNIQUE REFERENCES nominations(id),
    amount        INTEGER,
    PRIMARY KEY (batch_id, position)
) STRICT;
