//! Pages read by key give exactly the rows that paging by offset gives, in
//! every order (unscored rows, equal names and equal scores included), going
//! forward from the top and backward from the end.

use hoidong::demo;
use hoidong::domain::nomination::{NominationId, NominationQuery, NominationStatus, SortKey};
use hoidong::store::Store;
use hoidong::store::nomination_keyset::Anchor;

const PAGE: u32 = 37;

fn ids_by_offset(store: &Store, q: &NominationQuery) -> Vec<NominationId> {
    let total = store.count_nominations(q).unwrap();
    let mut out = Vec::new();
    let mut offset = 0;
    while offset < total {
        out.extend(
            store
                .nomination_page(q, offset, PAGE)
                .unwrap()
                .iter()
                .map(|r| r.id),
        );
        offset += PAGE;
    }
    out
}

fn ids_forward_by_key(store: &Store, q: &NominationQuery) -> Vec<NominationId> {
    let mut out: Vec<NominationId> = store
        .nomination_page(q, 0, PAGE)
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    while let Some(last) = out.last().copied() {
        let page = store
            .nominations_by_key(q, Anchor::After(last), PAGE)
            .unwrap();
        if page.is_empty() {
            break;
        }
        out.extend(page.iter().map(|r| r.id));
    }
    out
}

fn ids_backward_by_key(store: &Store, q: &NominationQuery) -> Vec<NominationId> {
    let mut out: Vec<NominationId> = store
        .nominations_by_key(q, Anchor::End, PAGE)
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    while let Some(first) = out.first().copied() {
        let page = store
            .nominations_by_key(q, Anchor::Before(first), PAGE)
            .unwrap();
        if page.is_empty() {
            break;
        }
        let mut ids: Vec<NominationId> = page.iter().map(|r| r.id).collect();
        ids.extend(out);
        out = ids;
    }
    out
}

#[test]
fn key_pages_match_offset_pages_in_every_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("k.db")).unwrap();
    demo::populate(
        &mut store,
        demo::Spec {
            nominations: 700,
            seed: 7,
            audited: false,
        },
    )
    .unwrap();
    let unscored: i64 = store
        .raw_connection_for_tests()
        .query_row(
            "SELECT count(*) FROM nominations WHERE score IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(unscored > 0, "the data should hold unscored rows");
    for sort in [SortKey::AwardLevel, SortKey::Name, SortKey::Score] {
        for descending in [false, true] {
            for text in ["", "phuong"] {
                let q = NominationQuery {
                    statuses: NominationStatus::ALL.to_vec(),
                    text: text.into(),
                    sort,
                    descending,
                    ..NominationQuery::default()
                };
                let expected = ids_by_offset(&store, &q);
                assert!(expected.len() > 2 * PAGE as usize, "{q:?}");
                assert_eq!(ids_forward_by_key(&store, &q), expected, "forward {q:?}");
                assert_eq!(ids_backward_by_key(&store, &q), expected, "backward {q:?}");
            }
        }
    }
}
