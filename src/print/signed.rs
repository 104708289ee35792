//! Which document to print for a meeting, and sign-off. Unsigned minutes are
//! composed from the record; signed minutes are read back from the content
//! stored at sign-off, so every later print is byte-identical. Changes made
//! after sign-off become an addendum listing the parts that are new.

use crate::domain::meeting::MeetingId;
use crate::domain::record::MeetingRecord;
use crate::domain::ward::WardRefusal;
use crate::store::signoff::{SignOff, SignOffKind};
use crate::store::{Store, StoreError};

use super::compose::{self, When};
use super::model::{Block, DocKind, Document};

#[derive(Debug, thiserror::Error)]
pub enum SignError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("sign-off {id}: the stored document cannot be read ({detail})")]
    Unreadable { id: i64, detail: String },
    #[error(
        "sign-off {id}: the stored document no longer matches its hash; it was changed outside hoidong"
    )]
    Tampered { id: i64 },
}

/// What `sign` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignOutcome {
    Signed(SignOff),
    Addendum(SignOff),
    /// Already signed and nothing changed since.
    Unchanged(SignOff),
}

fn read(s: &SignOff) -> Result<Document, SignError> {
    if !s.intact() {
        return Err(SignError::Tampered { id: s.id });
    }
    let mut doc: Document =
        serde_json::from_str(&s.content).map_err(|e| SignError::Unreadable {
            id: s.id,
            detail: e.to_string(),
        })?;
    let date = When::parse(&s.signed_at)
        .map(|w| format!("{:02}/{:02}/{}", w.day, w.month, w.year))
        .unwrap_or_else(|| s.signed_at.clone());
    let what = match s.kind {
        SignOffKind::Minutes => "Biên bản đã ký duyệt",
        SignOffKind::Addendum => "Biên bản bổ sung đã ký duyệt",
    };
    doc.footer = Some(format!("{what} ngày {date} · SHA-256: {}", s.content_hash));
    Ok(doc)
}

/// The record of a meeting to make a document from now: refused before the
/// ward's identity is set, as every document prints it.
pub fn record_for_document(store: &Store, meeting: MeetingId) -> Result<MeetingRecord, SignError> {
    if store.ward()?.is_none() {
        return Err(StoreError::Ward(WardRefusal::NotSet).into());
    }
    Ok(store.meeting_record(meeting)?)
}

/// The minutes to print: the signed document when there is one (with the
/// anchor taken at signing and the identity it was signed with), else
/// composed now with the anchor and the identity of now.
pub fn minutes_for_print(store: &Store, meeting: MeetingId) -> Result<Document, SignError> {
    match store.signed_minutes(meeting)? {
        Some(s) => read(&s),
        None => anchored(
            store,
            compose::minutes(&record_for_document(store, meeting)?),
        ),
    }
}

/// The ballot-count record to print, with the anchor of now.
pub fn ballots_for_print(store: &Store, meeting: MeetingId) -> Result<Document, SignError> {
    anchored(
        store,
        compose::ballot_record(&record_for_document(store, meeting)?),
    )
}

/// `doc` carrying the head of the audit chain as it is now.
fn anchored(store: &Store, mut doc: Document) -> Result<Document, SignError> {
    doc.anchor = Some(store.chain_head()?.short());
    Ok(doc)
}

/// Addendum number `n` (1-based) of a meeting.
pub fn addendum_for_print(
    store: &Store,
    meeting: MeetingId,
    n: usize,
) -> Result<Document, SignError> {
    let addenda: Vec<SignOff> = store
        .signoffs(meeting)?
        .into_iter()
        .filter(|s| s.kind == SignOffKind::Addendum)
        .collect();
    let s = addenda
        .get(n.wrapping_sub(1))
        .ok_or_else(|| StoreError::NotFound {
            what: "addendum",
            id: format!("{n} of meeting {meeting} (it has {})", addenda.len()),
        })?;
    read(s)
}

/// Addenda already signed for a meeting.
pub fn addenda_signed(store: &Store, meeting: MeetingId) -> Result<usize, SignError> {
    Ok(store
        .signoffs(meeting)?
        .iter()
        .filter(|s| s.kind == SignOffKind::Addendum)
        .count())
}

/// The addendum that signing now would record: what changed since the
/// minutes and every earlier addendum were signed. `None` when the minutes
/// are not signed, or nothing changed since.
pub fn draft_addendum(store: &Store, meeting: MeetingId) -> Result<Option<Document>, SignError> {
    let signoffs = store.signoffs(meeting)?;
    let Some(first) = signoffs.first() else {
        return Ok(None);
    };
    let record = record_for_document(store, meeting)?;
    // The head before the sign-off's own entry: what the signers saw.
    let current = anchored(store, compose::minutes(&record))?;
    // Everything already signed, minutes and addenda alike.
    let mut signed_blocks: Vec<Block> = Vec::new();
    for s in &signoffs {
        signed_blocks.extend(read(s)?.blocks);
    }
    let new_blocks: Vec<Block> = current
        .blocks
        .iter()
        .filter(|b| !matches!(b, Block::Heading { .. }) && !signed_blocks.contains(b))
        .cloned()
        .collect();
    if new_blocks.is_empty() {
        return Ok(None);
    }
    let minutes = read(first)?;
    let now = store.now();
    let mut header = minutes.header.clone();
    header.number = String::new();
    if let Some(w) = When::parse(&now) {
        let place = &record.ward.place_name;
        header.place_date = if place.is_empty() {
            w.date_words()
        } else {
            format!("{place}, {}", w.date_words())
        };
    }
    let number = minutes.header.number.trim_start_matches("Số: ").to_string();
    let n = signoffs
        .iter()
        .filter(|s| s.kind == SignOffKind::Addendum)
        .count()
        + 1;
    let mut blocks = vec![Block::para(format!(
        "Bổ sung lần {n} Biên bản số {number} ({}), đã ký duyệt. Các nội dung dưới đây được ghi nhận sau khi ký duyệt biên bản:",
        minutes.subject
    ))];
    blocks.extend(new_blocks);
    Ok(Some(Document {
        kind: DocKind::Addendum,
        header,
        title: "BIÊN BẢN BỔ SUNG".into(),
        subject: minutes.subject.clone(),
        blocks,
        signatures: current.signatures.clone(),
        recipients: current.recipients.clone(),
        footer: None,
        anchor: current.anchor.clone(),
        annex: None,
    }))
}

/// Sign the minutes off, or, when already signed, record what changed since
/// as an addendum.
pub fn sign(store: &mut Store, meeting: MeetingId) -> Result<SignOutcome, SignError> {
    let signoffs = store.signoffs(meeting)?;
    if signoffs.is_empty() {
        let content = anchored(
            store,
            compose::minutes(&record_for_document(store, meeting)?),
        )?
        .content_json();
        return Ok(SignOutcome::Signed(store.sign_minutes(meeting, &content)?));
    }
    match draft_addendum(store, meeting)? {
        Some(addendum) => Ok(SignOutcome::Addendum(
            store.add_addendum(meeting, &addendum.content_json())?,
        )),
        None => {
            let last = signoffs
                .last()
                .cloned()
                .ok_or_else(|| StoreError::NotFound {
                    what: "sign-off",
                    id: meeting.to_string(),
                })?;
            Ok(SignOutcome::Unchanged(last))
        }
    }
}
