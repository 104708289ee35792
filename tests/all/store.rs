//! The store: opening, migrations, round trips, bad files.

use hoidong::demo;
use hoidong::domain::movement::Round;
use hoidong::domain::nomination::{
    Evidence, EvidenceKind, NewNomination, NominationQuery, NominationStatus, SortKey,
};
use hoidong::domain::nominee::{NewNominee, NomineeKind, Sex};
use hoidong::domain::scoring::Score;
use hoidong::store::{SCHEMA_VERSION, Store, StoreError, migrations};
use unicode_normalization::UnicodeNormalization;

fn new_person(name: &str) -> NewNominee {
    NewNominee {
        kind: Some(NomineeKind::Official),
        name: name.into(),
        birth_year: Some(1985),
        sex: Some(Sex::Female),
        position: "Công chức Địa chính – Xây dựng".into(),
        unit: "Bộ phận Địa chính – Xây dựng".into(),
        address: "Số 3 phố Thanh Niên".into(),
        women_share_percent: None,
    }
}

fn nomination(store: &mut Store, nominee_id: i64, award: &str) -> i64 {
    let movement_id = crate::common::movement_id(store);
    store
        .add_nomination(&NewNomination {
            nominee_id,
            movement_id,
            round: Round::Annual { year: 2026 },
            award_code: award.into(),
            proposing_unit: "Ban Kinh tế phường".into(),
            summary: "Vận động hiến đất mở rộng ngõ.".into(),
            status: NominationStatus::Submitted,
        })
        .unwrap()
}

#[test]
fn new_database_gets_reference_data_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let mut store = Store::open(&path).unwrap();
    let cat = store.catalogue().unwrap();
    assert!(cat.award("giay_khen").is_some());
    // No movement is forced on a new ward; the seed's is there when asked for.
    assert!(store.movements().unwrap().is_empty());
    let seed = store.add_seed_movement().unwrap();
    assert_eq!(store.criteria_groups(seed.id).unwrap().len(), 7);
    let (rows, total) = store
        .list_nominations(&NominationQuery::default(), 0, 10)
        .unwrap();
    assert!(rows.is_empty());
    assert_eq!(total, 0);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn nominee_text_is_stored_nfc_and_found_without_tones() {
    let mut store = Store::open_in_memory().unwrap();
    let nfd: String = "Nguyễn Thị Hằng".nfd().collect();
    let id = store.add_nominee(&new_person(&nfd)).unwrap();
    assert_eq!(store.nominee(id).unwrap().name, "Nguyễn Thị Hằng");
    nomination(&mut store, id, "giay_khen");
    let other = store.add_nominee(&new_person("Đặng Văn Đức")).unwrap();
    nomination(&mut store, other, "ldtt");
    for (query, expect) in [
        ("nguyen", "Nguyễn Thị Hằng"),
        ("HANG", "Nguyễn Thị Hằng"),
        ("d", "Đặng Văn Đức"),
        ("dang duc", "Đặng Văn Đức"),
    ] {
        let q = NominationQuery {
            text: query.into(),
            ..NominationQuery::default()
        };
        let (rows, _) = store.list_nominations(&q, 0, 10).unwrap();
        assert!(
            rows.iter().any(|r| r.nominee_name == expect),
            "{query} should find {expect}"
        );
    }
    let q = NominationQuery {
        text: "nguyen".into(),
        ..NominationQuery::default()
    };
    assert_eq!(store.list_nominations(&q, 0, 10).unwrap().1, 1);
}

#[test]
fn round_trip_of_nomination_evidence_and_scores() {
    let mut store = Store::open_in_memory().unwrap();
    demo::populate(
        &mut store,
        demo::Spec {
            nominations: 8,
            seed: 7,
            audited: true,
        },
    )
    .unwrap();
    let id = store.add_nominee(&new_person("Lê Thị Ánh")).unwrap();
    let nom = nomination(&mut store, id, "cstdcs");
    store
        .add_evidence(&Evidence {
            id: 0,
            nomination_id: nom,
            kind: EvidenceKind::Decision,
            title: "Quyết định công nhận sáng kiến".into(),
            doc_number: "45/QĐ-UBND".into(),
            doc_date: Some("2026-03-02".into()),
            file_path: None,
            sha256: None,
            note: String::new(),
        })
        .unwrap();
    let sheet = store.score_sheet(nom).unwrap();
    assert_eq!(
        sheet.criteria.len(),
        3,
        "officials are scored on the three criteria of 1.4a"
    );
    assert_eq!(sheet.members.len(), 11);
    for m in &sheet.members[..2] {
        for c in &sheet.criteria {
            store
                .put_score(
                    nom,
                    &Score {
                        member_id: m.id,
                        criterion_code: c.code.clone(),
                        tenths: if m.id == sheet.members[0].id { 100 } else { 50 },
                    },
                )
                .unwrap();
        }
    }
    let sheet = store.score_sheet(nom).unwrap();
    assert_eq!(sheet.consolidated, Some(75.0));
    // Recusing the first member leaves only the second one's 50.
    let after = store
        .set_recusal(nom, sheet.members[0].id, Some("Người thân của ứng viên"))
        .unwrap();
    assert_eq!(after, Some(50.0));
    let row = store
        .list_nominations(
            &NominationQuery {
                text: "Lê Thị Ánh".into(),
                ..NominationQuery::default()
            },
            0,
            5,
        )
        .unwrap()
        .0;
    assert_eq!(row.len(), 1);
    assert_eq!(row[0].evidence_count, 1);
    assert_eq!(row[0].score, Some(50.0));
    // A score over the maximum is refused and nothing changes.
    let err = store
        .put_score(
            nom,
            &Score {
                member_id: sheet.members[1].id,
                criterion_code: sheet.criteria[0].code.clone(),
                tenths: 101,
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("over the maximum 10"), "{err}");
    assert_eq!(store.score_sheet(nom).unwrap().consolidated, Some(50.0));
}

#[test]
fn award_must_fit_the_kind_of_nominee() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.add_nominee(&new_person("Phạm Văn Nam")).unwrap();
    let movement_id = crate::common::movement_id(&mut store);
    let err = store
        .add_nomination(&NewNomination {
            nominee_id: id,
            movement_id,
            round: Round::Annual { year: 2026 },
            award_code: "gdvh".into(),
            proposing_unit: String::new(),
            summary: String::new(),
            status: NominationStatus::Draft,
        })
        .unwrap_err();
    assert!(err.to_string().contains("cannot be given"), "{err}");
    let err = store
        .add_nomination(&NewNomination {
            nominee_id: id,
            movement_id,
            round: Round::Annual { year: 2026 },
            award_code: "khong_co".into(),
            proposing_unit: String::new(),
            summary: String::new(),
            status: NominationStatus::Draft,
        })
        .unwrap_err();
    assert!(
        err.to_string().contains("unknown award “khong_co”"),
        "{err}"
    );
}

#[test]
fn concurrent_edit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.db");
    let mut a = Store::open(&path).unwrap();
    let id = a.add_nominee(&new_person("Vũ Thị Mai")).unwrap();
    let mut b = Store::open(&path).unwrap();
    let mut seen_by_a = a.nominee(id).unwrap();
    let mut seen_by_b = b.nominee(id).unwrap();
    seen_by_a.position = "Phó Trưởng ban".into();
    a.update_nominee(&seen_by_a).unwrap();
    seen_by_b.address = "Số 9 phố Vũ Hựu".into();
    let err = b.update_nominee(&seen_by_b).unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err}");
    assert_eq!(b.nominee(id).unwrap().position, "Phó Trưởng ban");
}

#[test]
fn status_life_cycle_is_enforced_and_withdrawal_keeps_the_record() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.add_nominee(&new_person("Hoàng Văn Sơn")).unwrap();
    let nom = nomination(&mut store, id, "giay_khen");
    let err = store
        .set_nomination_status(nom, NominationStatus::Decided)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("cannot go from submitted to decided"),
        "{err}"
    );
    assert!(store.withdraw_nomination(nom, "  ").is_err());
    store
        .withdraw_nomination(nom, "Đơn vị rút đề nghị")
        .unwrap();
    let n = store.nomination(nom).unwrap();
    assert_eq!(n.status, NominationStatus::Withdrawn);
    assert_eq!(n.withdrawal_reason.as_deref(), Some("Đơn vị rút đề nghị"));
    // Pending lists no longer show it, but it is still in the record.
    assert_eq!(
        store
            .list_nominations(&NominationQuery::default(), 0, 10)
            .unwrap()
            .1,
        0
    );
    let all = NominationQuery {
        statuses: vec![NominationStatus::Withdrawn],
        ..NominationQuery::default()
    };
    assert_eq!(store.list_nominations(&all, 0, 10).unwrap().1, 1);
}

#[test]
fn sorting_by_name_follows_vietnamese_order() {
    let mut store = Store::open_in_memory().unwrap();
    for name in [
        "Trần Văn Bình",
        "Nguyễn Thị An",
        "Lê Anh",
        "Đỗ Văn Bình",
        "Phạm Thị Ánh",
    ] {
        let id = store.add_nominee(&new_person(name)).unwrap();
        nomination(&mut store, id, "ldtt");
    }
    let q = NominationQuery {
        sort: SortKey::Name,
        ..NominationQuery::default()
    };
    let names: Vec<String> = store
        .list_nominations(&q, 0, 10)
        .unwrap()
        .0
        .into_iter()
        .map(|r| r.nominee_name)
        .collect();
    assert_eq!(
        names,
        vec![
            "Nguyễn Thị An",
            "Lê Anh",
            "Phạm Thị Ánh",
            "Đỗ Văn Bình",
            "Trần Văn Bình"
        ]
    );
}

#[test]
fn older_schema_is_migrated_in_place_with_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrations::migrate_to(&mut conn, 1).unwrap();
        conn.execute(
            "INSERT INTO levels (code, name, rank) VALUES ('ward', 'Phường', 0)",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('marker', 'kept')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let v: i64 = store
        .raw_connection_for_tests()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, SCHEMA_VERSION);
    assert_eq!(
        store.setting("marker").unwrap().as_deref(),
        Some("kept"),
        "data survives the migration"
    );
    let guests: i64 = store
        .raw_connection_for_tests()
        .query_row("SELECT count(*) FROM meeting_guests", [], |r| r.get(0))
        .unwrap();
    assert_eq!(guests, 0);
    let backup = path.with_extension("schema1.bak");
    assert!(backup.exists(), "a copy is kept before migrating");
    let old = rusqlite::Connection::open(&backup).unwrap();
    let bv: i64 = old
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(bv, 1);
}

#[test]
fn bad_files_are_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    // Not SQLite.
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "Danh sách đề nghị khen thưởng\n").unwrap();
    let err = Store::open(&text).err().unwrap();
    assert!(matches!(err, StoreError::NotSqlite { .. }), "{err}");
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "Danh sách đề nghị khen thưởng\n"
    );

    // From a newer hoidong.
    let newer = dir.path().join("newer.db");
    {
        let conn = rusqlite::Connection::open(&newer).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = std::fs::read(&newer).unwrap();
    let err = Store::open(&newer).err().unwrap();
    assert!(
        err.to_string().contains("newer hoidong (schema 99"),
        "{err}"
    );
    assert_eq!(std::fs::read(&newer).unwrap(), before);

    // Truncated.
    let full = dir.path().join("full.db");
    {
        let mut s = Store::open(&full).unwrap();
        demo::populate(
            &mut s,
            demo::Spec {
                nominations: 200,
                seed: 3,
                audited: false,
            },
        )
        .unwrap();
        s.raw_connection_for_tests()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
    }
    let bytes = std::fs::read(&full).unwrap();
    let cut = dir.path().join("cut.db");
    std::fs::write(&cut, &bytes[..bytes.len() / 3]).unwrap();
    let err = Store::open(&cut).err().unwrap();
    assert!(
        matches!(
            err,
            StoreError::Corrupt { .. } | StoreError::NotSqlite { .. }
        ),
        "{err}"
    );
    assert_eq!(std::fs::read(&cut).unwrap().len(), bytes.len() / 3);
}

#[test]
fn read_only_database_refuses_writes_and_keeps_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.db");
    {
        let mut s = Store::open(&path).unwrap();
        s.add_nominee(&new_person("Bùi Văn Long")).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let mut store = Store::open_read_only(&path).unwrap();
    assert!(store.is_read_only());
    assert_eq!(store.find_nominees("bui van long", 5).unwrap().len(), 1);
    let err = store.add_nominee(&new_person("Cao Thị Yến")).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly), "{err}");
    assert_eq!(
        err.to_string(),
        "the database is open read-only: changes cannot be saved"
    );
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn file_without_write_permission_opens_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.db");
    drop(Store::open(&path).unwrap());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
    let writable_anyway = std::fs::OpenOptions::new().append(true).open(&path).is_ok();
    let store = Store::open(&path).unwrap();
    // The superuser may write any file: then the database is, rightly, writable.
    assert_eq!(store.is_read_only(), !writable_anyway);
}

fn evidence_of(store: &mut Store) -> (i64, Evidence) {
    let id = store.add_nominee(&new_person("Đinh Thị Hạnh")).unwrap();
    let nom = nomination(store, id, "cstdcs");
    let item = Evidence {
        id: 0,
        nomination_id: nom,
        kind: EvidenceKind::AchievementReport,
        title: "Báo cáo thành tích năm 2026".into(),
        doc_number: "12/BC".into(),
        doc_date: Some("2026-10-01".into()),
        file_path: None,
        sha256: None,
        note: String::new(),
    };
    let ev = store.add_evidence(&item).unwrap();
    (nom, store.evidence_item(ev).unwrap())
}

#[test]
fn evidence_is_edited_in_place_with_an_audit_entry() {
    let mut store = Store::open_in_memory().unwrap();
    let (nom, before) = evidence_of(&mut store);
    let hash = "ab".repeat(32);
    let mut edited = before.clone();
    // Typed as decomposed text: stored NFC.
    edited.title = "Báo cáo thành tích năm 2026 (bản có xác nhận)"
        .nfd()
        .collect();
    edited.kind = EvidenceKind::Decision;
    edited.file_path = Some("/srv/ho-so/bao-cao.pdf".into());
    edited.sha256 = Some(hash.to_uppercase());
    // The item stays with its nomination whatever the caller says.
    edited.nomination_id = nom + 1000;
    store.update_evidence(&before, &edited).unwrap();

    let after = store.evidence_item(before.id).unwrap();
    assert_eq!(after.title, "Báo cáo thành tích năm 2026 (bản có xác nhận)");
    assert_eq!(after.kind, EvidenceKind::Decision);
    assert_eq!(after.nomination_id, nom);
    assert_eq!(after.sha256.as_deref(), Some(hash.as_str()));
    assert_eq!(store.evidence(nom).unwrap().len(), 1);
    let rows = store
        .list_nominations(&NominationQuery::default(), 0, 100)
        .unwrap()
        .0;
    let row = rows.iter().find(|r| r.id == nom).unwrap();
    assert_eq!(
        row.evidence_count, 1,
        "an edit neither adds nor removes an item"
    );

    let log = hoidong::store::audit::entries(
        store.raw_connection_for_tests(),
        Some("evidence"),
        Some(&before.id.to_string()),
        10,
    )
    .unwrap();
    let update = log
        .iter()
        .find(|e| e.action == "update")
        .unwrap_or_else(|| panic!("no update entry in {log:?}"));
    assert!(
        update
            .before
            .as_deref()
            .unwrap()
            .contains("Báo cáo thành tích năm 2026\"")
    );
    assert!(update.after.as_deref().unwrap().contains("bản có xác nhận"));
    assert!(store.verify_audit_chain().is_ok());

    // Saving the same thing again writes nothing.
    let count = |s: &Store| {
        hoidong::store::audit::entries(s.raw_connection_for_tests(), Some("evidence"), None, 100)
            .unwrap()
            .len()
    };
    let n = count(&store);
    store.update_evidence(&after, &after).unwrap();
    assert_eq!(count(&store), n);
}

#[test]
fn evidence_edit_refusals_leave_the_item_unchanged() {
    let mut store = Store::open_in_memory().unwrap();
    let (_, before) = evidence_of(&mut store);

    let mut empty = before.clone();
    empty.title = "  ".into();
    let err = store.update_evidence(&before, &empty).unwrap_err();
    assert_eq!(err.to_string(), "evidence title: the title is empty");

    let mut no_hash = before.clone();
    no_hash.file_path = Some("/srv/ho-so/a.pdf".into());
    let err = store.update_evidence(&before, &no_hash).unwrap_err();
    assert_eq!(
        err.to_string(),
        "evidence file: a file is recorded together with its SHA-256"
    );

    let mut bad_hash = no_hash.clone();
    bad_hash.sha256 = Some("12345".into());
    let err = store.update_evidence(&before, &bad_hash).unwrap_err();
    assert_eq!(
        err.to_string(),
        "evidence file: “12345” is not a SHA-256 (64 hexadecimal digits)"
    );

    let mut gone = before.clone();
    gone.id = before.id + 99;
    let err = store.update_evidence(&gone, &gone).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::NotFound {
                what: "evidence",
                ..
            }
        ),
        "{err}"
    );

    // Changed by someone else since it was read: refused, theirs kept.
    let mut theirs = before.clone();
    theirs.note = "Bổ sung bản gốc".into();
    store.update_evidence(&before, &theirs).unwrap();
    let mut mine = before.clone();
    mine.doc_number = "13/BC".into();
    let err = store.update_evidence(&before, &mine).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Conflict {
                what: "evidence",
                ..
            }
        ),
        "{err}"
    );
    let now = store.evidence_item(before.id).unwrap();
    assert_eq!(
        (now.note.as_str(), now.doc_number.as_str()),
        ("Bổ sung bản gốc", "12/BC")
    );
}

#[test]
fn nominee_and_nomination_are_saved_together_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("entry.db");
    let mut a = Store::open(&path).unwrap();
    let id = a.add_nominee(&new_person("Phan Thị Loan")).unwrap();
    let nom = nomination(&mut a, id, "cstdcs");
    let mut b = Store::open(&path).unwrap();

    let mut nominee = a.nominee(id).unwrap();
    let mut entry = a.nomination(nom).unwrap();
    // Another window saves the nomination first.
    let mut other = b.nomination(nom).unwrap();
    other.summary = "Sửa ở máy khác".into();
    b.update_nomination(&other).unwrap();

    nominee.name = "Phan Thị Loan Anh".into();
    entry.summary = "Sửa ở máy này".into();
    let err = a.update_entry(Some(&nominee), Some(&entry)).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Conflict {
                what: "nomination",
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(
        a.nominee(id).unwrap().name,
        "Phan Thị Loan",
        "the nominee part is rolled back with the refused nomination part"
    );

    // Read again, both parts go through in one write.
    let mut entry = a.nomination(nom).unwrap();
    entry.summary = "Sửa ở máy này".into();
    a.update_entry(Some(&nominee), Some(&entry)).unwrap();
    assert_eq!(a.nominee(id).unwrap().name, "Phan Thị Loan Anh");
    assert_eq!(a.nomination(nom).unwrap().summary, "Sửa ở máy này");
    let (rows, total) = a
        .list_nominations(
            &NominationQuery {
                text: "loan anh".into(),
                ..NominationQuery::default()
            },
            0,
            10,
        )
        .unwrap();
    assert_eq!(
        (rows.len(), total),
        (1, 1),
        "the search text follows the new name"
    );
}
