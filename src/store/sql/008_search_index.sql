-- Substring search on the folded text through trigrams, so a search word
-- reads the few matching rows instead of every row. The index holds no data
-- of its own (its content is the nominations table) and is kept in step by
-- triggers, in the same transaction as the row, whoever writes it.
CREATE VIRTUAL TABLE nomination_search USING fts5(
    search_fold,
    content = 'nominations',
    content_rowid = 'id',
    tokenize = 'trigram'
);

CREATE TRIGGER nomination_search_insert AFTER INSERT ON nominations BEGIN
    INSERT INTO nomination_search (rowid, search_fold) VALUES (new.id, new.search_fold);
END;

CREATE TRIGGER nomination_search_delete AFTER DELETE ON nominations BEGIN
    INSERT INTO nomination_search (nomination_search, rowid, search_fold)
        VALUES ('delete', old.id, old.search_fold);
END;

CREATE TRIGGER nomination_search_update AFTER UPDATE OF search_fold ON nominations BEGIN
    INSERT INTO nomination_search (nomination_search, rowid, search_fold)
        VALUES ('delete', old.id, old.search_fold);
    INSERT INTO nomination_search (rowid, search_fold) VALUES (new.id, new.search_fold);
END;

INSERT INTO nomination_search (nomination_search) VALUES ('rebuild');
