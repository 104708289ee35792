//! What the dashboard reads from the database: windows of the list (asked
//! for as `PageRequest`, answered as `Page`, possibly on another thread) and
//! the detail of one nomination.

use crate::domain::award::Catalogue;
use crate::domain::nomination::{NominationId, NominationQuery, NominationRow};
use crate::store::nomination_keyset::Anchor;
use crate::store::{Result, Store};
use crate::tui::widgets::detail::DetailData;

/// A window of the list to read, for the query in force when it was asked.
#[derive(Debug, Clone, PartialEq)]
pub struct PageRequest {
    pub seq: u64,
    pub query: NominationQuery,
    pub offset: u32,
    pub limit: u32,
    /// Count the matching rows too: only when the query or the data changed,
    /// so that scrolling reads just its window.
    pub count: bool,
    /// Read next to a row already shown instead of counting `offset` rows
    /// from the top; the rows start at `offset` all the same.
    pub anchor: Option<Anchor>,
}

/// The answer to a `PageRequest`.
#[derive(Debug, Clone)]
pub struct Page {
    pub seq: u64,
    pub offset: u32,
    pub rows: Vec<NominationRow>,
    /// The number of matching rows, when the request asked for it.
    pub total: Option<u32>,
    /// The count was asked for and follows on its own (`Counted`), so that
    /// the rows are shown without waiting for it.
    pub count_follows: bool,
}

/// The number of rows of the query asked for by the request `seq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub seq: u64,
    pub total: u32,
}

/// Read a page synchronously (tests, and small databases in memory).
pub fn read_page(store: &Store, req: &PageRequest) -> Result<Page> {
    let mut page = read_rows(store, req)?;
    if req.count {
        page.total = Some(store.count_nominations(&req.query)?);
        page.count_follows = false;
    }
    Ok(page)
}

/// Read the rows of a page only; when the request asks for the count, the
/// page says that it follows.
pub fn read_rows(store: &Store, req: &PageRequest) -> Result<Page> {
    let rows = match req.anchor {
        Some(anchor) => store.nominations_by_key(&req.query, anchor, req.limit)?,
        None => store.nomination_page(&req.query, req.offset, req.limit)?,
    };
    Ok(Page {
        seq: req.seq,
        offset: req.offset,
        rows,
        total: None,
        count_follows: req.count,
    })
}

/// Everything the detail pane shows for one nomination.
pub fn load_detail(store: &Store, catalogue: &Catalogue, id: NominationId) -> Result<DetailData> {
    let nomination = store.nomination(id)?;
    let nominee = store.nominee(nomination.nominee_id)?;
    let award = catalogue.award(&nomination.award_code).cloned();
    let evidence = store.evidence(id)?;
    Ok(DetailData {
        files: crate::evidence_files::check(&evidence),
        evidence,
        sheet: store.score_sheet(id)?,
        nomination,
        nominee,
        award,
        eligibility_warning: None,
    })
}
