//! Tests of the dashboard's paging: windows read by offset or by key, the
//! count that follows its rows, the selection kept across reads.
use super::*;

fn catalogue() -> Catalogue {
    Catalogue::default()
}

fn rows(n: u32, from: u32) -> Vec<NominationRow> {
    (from..from + n)
        .map(|i| NominationRow {
            id: i64::from(i),
            nominee_name: format!("Người {i}"),
            nominee_kind: NomineeKind::Resident,
            unit: String::new(),
            award_code: "gk".into(),
            award_short: "Giấy khen".into(),
            award_rank: 2,
            round: crate::domain::movement::Round::Annual { year: 2025 },
            score: None,
            evidence_count: 0,
            status: NominationStatus::Submitted,
        })
        .collect()
}

/// Answer requests from a pretend list of `total` rows.
fn serve(d: &mut Dashboard, total: u32) -> usize {
    let mut served = 0;
    while let Some(req) = d.take_request() {
        let n = req.limit.min(total.saturating_sub(req.offset));
        d.receive(Page {
            seq: req.seq,
            offset: req.offset,
            rows: rows(n, req.offset),
            total: req.count.then_some(total),
            count_follows: false,
        });
        served += 1;
    }
    served
}

/// Answer requests as the page reader does: the rows first, the count
/// held back and returned for the caller to deliver when it likes.
fn serve_rows(d: &mut Dashboard, total: u32) -> Vec<Counted> {
    let mut counts = Vec::new();
    while let Some(req) = d.take_request() {
        let n = req.limit.min(total.saturating_sub(req.offset));
        d.receive(Page {
            seq: req.seq,
            offset: req.offset,
            rows: rows(n, req.offset),
            total: None,
            count_follows: req.count,
        });
        if req.count {
            counts.push(Counted {
                seq: req.seq,
                total,
            });
        }
    }
    counts
}

#[test]
fn rows_show_before_their_count_and_end_waits_for_it() {
    let mut d = Dashboard::new(&catalogue());
    d.set_viewport(20);
    let counts = serve_rows(&mut d, 100_000);
    assert_eq!(counts.len(), 1);
    assert_eq!(d.selected_id(), Some(0), "rows are shown before the count");
    assert!(d.is_counting());
    d.apply(&Action::Down);
    assert_eq!(d.selected_id(), Some(1));
    // End before the count is known goes to the true end once it is.
    d.apply(&Action::End);
    let more = serve_rows(&mut d, 100_000);
    assert!(more.is_empty(), "a scroll does not count again");
    d.receive_count(counts[0]);
    assert!(!d.is_counting());
    assert_eq!(d.total, Some(100_000));
    assert!(serve_rows(&mut d, 100_000).is_empty());
    assert_eq!(d.selected_id(), Some(99_999));
}

#[test]
fn a_count_for_an_older_query_is_dropped() {
    let mut d = Dashboard::new(&catalogue());
    d.set_viewport(20);
    let old = serve_rows(&mut d, 500);
    d.apply(&Action::CycleKind);
    let new = serve_rows(&mut d, 40);
    d.receive_count(old[0]);
    assert!(d.is_counting(), "the older query's count is not this one's");
    assert_eq!(d.total, Some(40));
    d.receive_count(new[0]);
    assert_eq!(d.total, Some(40));
    assert!(!d.is_counting());
}

#[test]
fn pages_through_a_long_list_one_window_at_a_time() {
    let mut d = Dashboard::new(&catalogue());
    d.set_viewport(20);
    assert_eq!(serve(&mut d, 100_000), 1);
    assert_eq!(d.selected_id(), Some(0));
    d.apply(&Action::PageDown);
    assert_eq!(serve(&mut d, 100_000), 0, "still inside the window");
    assert_eq!(d.selected_id(), Some(20));
    d.apply(&Action::End);
    assert_eq!(serve(&mut d, 100_000), 1);
    assert_eq!(d.selected_id(), Some(99_999));
    assert_eq!(d.visible_rows().len(), 20);
    assert_eq!(d.top, 100_000 - 20);
    d.apply(&Action::Home);
    serve(&mut d, 100_000);
    assert_eq!(d.selected_id(), Some(0));
    assert_eq!(d.top, 0);
}

#[test]
fn scrolling_reads_its_window_without_counting_again() {
    let mut d = Dashboard::new(&catalogue());
    d.set_viewport(20);
    let first = d.take_request().unwrap_or_else(|| panic!("no request"));
    assert!(first.count, "the first read counts the list");
    d.receive(Page {
        seq: first.seq,
        offset: 0,
        rows: rows(WINDOW, 0),
        total: Some(100_000),
        count_follows: false,
    });
    d.apply(&Action::End);
    let far = d.take_request().unwrap_or_else(|| panic!("no request"));
    assert!(!far.count, "a scroll keeps the count it has");
    d.receive(Page {
        seq: far.seq,
        offset: far.offset,
        rows: rows(100_000 - far.offset, far.offset),
        total: None,
        count_follows: false,
    });
    assert_eq!(d.total, Some(100_000));
    assert_eq!(d.selected_id(), Some(99_999));
    assert_eq!(far.anchor, Some(Anchor::End), "the end is read by key");
    // Scrolling up reads the rows before those shown, by key too.
    let mut anchors = Vec::new();
    for _ in 0..30 {
        d.apply(&Action::PageUp);
        while let Some(req) = d.take_request() {
            assert!(!req.count);
            anchors.push(req.anchor);
            let n = req.limit.min(100_000 - req.offset);
            d.receive(Page {
                seq: req.seq,
                offset: req.offset,
                rows: rows(n, req.offset),
                total: None,
                count_follows: false,
            });
        }
    }
    assert_eq!(d.selected_id(), Some(99_999 - 30 * 20));
    assert!(
        anchors.iter().any(|a| matches!(a, Some(Anchor::Before(_)))),
        "{anchors:?}"
    );
    assert!(anchors.iter().all(Option::is_some), "{anchors:?}");
    // A change in the data, or another query, counts again.
    d.reload();
    assert!(d.take_request().is_some_and(|r| r.count));
    d.apply(&Action::CycleStatus);
    assert!(d.take_request().is_some_and(|r| r.count));
}

#[test]
fn answers_to_older_requests_are_dropped() {
    let mut d = Dashboard::new(&catalogue());
    let first = d.take_request().unwrap_or_else(|| panic!("no request"));
    d.apply(&Action::CycleStatus);
    let second = d.take_request().unwrap_or_else(|| panic!("no request"));
    d.receive(Page {
        seq: first.seq,
        offset: 0,
        rows: rows(5, 0),
        total: Some(5),
        count_follows: false,
    });
    assert_eq!(d.total, None);
    d.receive(Page {
        seq: second.seq,
        offset: 0,
        rows: rows(3, 0),
        total: Some(3),
        count_follows: false,
    });
    assert_eq!(d.total, Some(3));
    assert_eq!(second.query.statuses, vec![NominationStatus::Draft]);
}

#[test]
fn status_filter_cycles_through_every_status_and_back() {
    let mut s = StatusFilter::Pending;
    let mut seen = 0;
    loop {
        s = s.next();
        if s == StatusFilter::Pending {
            break;
        }
        seen += 1;
    }
    assert_eq!(seen, NominationStatus::ALL.len() + 1);
}

#[test]
fn detail_pane_scrolls_instead_of_moving_the_selection() {
    let mut d = Dashboard::new(&catalogue());
    serve(&mut d, 50);
    d.apply(&Action::NextPane);
    d.apply(&Action::Down);
    assert_eq!(d.selected, 0);
    assert_eq!(d.detail_scroll, 1);
    d.apply(&Action::NextPane);
    d.apply(&Action::Down);
    assert_eq!(d.selected, 1);
}
