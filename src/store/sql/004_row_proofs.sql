-- Version 4: the head of the audit chain, kept beside the log and moved in the
-- same transaction as every new entry, so that entries cut from the end of the
-- log are noticed. Row proofs themselves are audit entries (action 'rows' and
-- 'baseline'); the baseline of a database upgraded from an older version is
-- written by the program right after this migration.
CREATE TABLE audit_head (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    last_id INTEGER NOT NULL,
    hash    TEXT NOT NULL
) STRICT;
INSERT INTO audit_head (id, last_id, hash)
    SELECT 1, id, hash FROM audit_log ORDER BY id DESC LIMIT 1;
