//! What the row proofs, the head of the log and anchors find, in Vietnamese
//! and English: every such message of `check` and `anchor` is written here.

use crate::i18n::Lang;

/// A finding about the record or the log, before it is put into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A record's digest is not the one the log last recorded.
    Changed { group: Option<String>, entry: i64 },
    /// A record the log never recorded.
    Unknown { group: Option<String> },
    /// A record the log recorded as deleted is there.
    BackAfterDeletion { group: Option<String>, entry: i64 },
    /// A record the log still has is gone.
    Missing { group: Option<String>, entry: i64 },
    /// A whole table the log has records of is gone.
    TableMissing { entry: i64 },
    /// The log ends before the entry its head names.
    LogCut { last: i64, head: i64 },
    /// The head names the last entry with another hash.
    HeadDiffers { entry: i64 },
    /// The head beside the log is gone.
    HeadMissing,
    /// The anchor names an entry beyond the end of the log.
    AnchorBeyondLog { anchor: String, last: i64 },
    /// The entry named by the anchor has another hash.
    AnchorDiffers { anchor: String, found: String },
    /// The chain does not verify at or before the anchor's entry.
    AnchorChainBroken { anchor: String, first_break: i64 },
    /// The search index does not name exactly the nominations' rows: a
    /// search could miss some.
    SearchIndexOutOfStep,
}

impl Finding {
    pub fn say(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        let rows_vi = |g: &Option<String>| match g {
            Some(g) => format!("các dòng có {g}"),
            None => "dòng này".to_string(),
        };
        // The subject and its verb: "the row differs", "the rows with … differ".
        let rows_en = |g: &Option<String>, one: &str, many: &str| match g {
            Some(g) => format!("the rows with {g} {many}"),
            None => format!("the row {one}"),
        };
        match self {
            Finding::Changed { group, entry } if vi => format!(
                "{} khác với lần ghi cuối của hoidong (mục nhật ký {entry}): đã bị sửa ngoài hoidong",
                rows_vi(group)
            ),
            Finding::Changed { group, entry } => format!(
                "{} from what hoidong last wrote (audit entry {entry}): changed outside hoidong",
                rows_en(group, "differs", "differ")
            ),
            Finding::Unknown { group } if vi => format!(
                "{} không do hoidong ghi (không có trong nhật ký): đã bị thêm ngoài hoidong",
                rows_vi(group)
            ),
            Finding::Unknown { group } => format!(
                "{} by hoidong (no audit entry): added outside hoidong",
                rows_en(group, "was not written", "were not written")
            ),
            Finding::BackAfterDeletion { group, entry } if vi => format!(
                "{} vẫn còn dù hoidong đã xóa (mục nhật ký {entry}): đã bị thêm lại ngoài hoidong",
                rows_vi(group)
            ),
            Finding::BackAfterDeletion { group, entry } => format!(
                "{} but hoidong deleted it (audit entry {entry}): put back outside hoidong",
                rows_en(group, "exists", "exist")
            ),
            Finding::Missing { group, entry } if vi => format!(
                "{} đã mất dù hoidong ghi lần cuối ở mục nhật ký {entry} và chưa hề xóa: đã bị xóa ngoài hoidong",
                rows_vi(group)
            ),
            Finding::Missing { group, entry } => format!(
                "{} but hoidong last wrote it (audit entry {entry}) and never deleted it: deleted outside hoidong",
                rows_en(group, "is missing", "are missing")
            ),
            Finding::TableMissing { entry } if vi => format!(
                "cả bảng đã mất dù nhật ký ghi dữ liệu của bảng (mục {entry}): đã bị xóa ngoài hoidong"
            ),
            Finding::TableMissing { entry } => format!(
                "the whole table is gone but the audit log holds its rows (entry {entry}): removed outside hoidong"
            ),
            Finding::LogCut { last, head } if vi => format!(
                "nhật ký dừng ở mục {last} nhưng đầu chuỗi ghi mục {head}: các mục cuối đã bị cắt ngoài hoidong"
            ),
            Finding::LogCut { last, head } => format!(
                "the log ends at entry {last} but its head records entry {head}: the last entries were cut outside hoidong"
            ),
            Finding::HeadDiffers { entry } if vi => format!(
                "đầu chuỗi ghi một mã băm khác với mục {entry}: nhật ký hoặc đầu chuỗi đã bị sửa ngoài hoidong"
            ),
            Finding::HeadDiffers { entry } => format!(
                "the head records another hash for entry {entry}: the log or its head was edited outside hoidong"
            ),
            Finding::HeadMissing if vi => {
                "đầu chuỗi (bảng audit_head) đã mất: bị xóa ngoài hoidong".to_string()
            }
            Finding::HeadMissing => {
                "the head of the log (table audit_head) is gone: removed outside hoidong"
                    .to_string()
            }
            Finding::AnchorBeyondLog { anchor, last } if vi => format!(
                "mốc {anchor} chỉ tới một mục mà nhật ký không còn (nhật ký dừng ở mục {last}): lịch sử đã bị cắt"
            ),
            Finding::AnchorBeyondLog { anchor, last } => format!(
                "the anchor {anchor} names an entry the log no longer holds (it ends at entry {last}): the history was cut"
            ),
            Finding::AnchorDiffers { anchor, found } if vi => format!(
                "mục của mốc {anchor} nay có mã băm {found}: lịch sử tới mục này đã bị viết lại"
            ),
            Finding::AnchorDiffers { anchor, found } => format!(
                "the entry of the anchor {anchor} now has hash {found}: the history up to it was rewritten"
            ),
            Finding::SearchIndexOutOfStep if vi => "chỉ mục tìm kiếm không khớp với danh sách đề nghị (đã bị sửa ngoài hoidong): khi tìm kiếm có thể sót hồ sơ; chạy `hoidong reindex` để dựng lại chỉ mục (dữ liệu không thay đổi)".to_string(),
            Finding::SearchIndexOutOfStep => "the search index does not match the nominations (changed outside hoidong): a search may miss records; run `hoidong reindex` to build it again (no data changes)".to_string(),
            Finding::AnchorChainBroken {
                anchor,
                first_break,
            } if vi => format!(
                "chuỗi nhật ký bị đứt ở mục {first_break}, trước mốc {anchor}: lịch sử tới mốc không còn nguyên vẹn"
            ),
            Finding::AnchorChainBroken {
                anchor,
                first_break,
            } => format!(
                "the chain breaks at entry {first_break}, before the anchor {anchor}: the history up to it is not intact"
            ),
        }
    }
}

/// The lines `check` and `anchor` print around the findings.
pub enum Line<'a> {
    Summary {
        db: &'a str,
        entries: i64,
        head: &'a str,
        anchor: &'a str,
        signoffs: usize,
        evidence: usize,
    },
    Clean,
    /// The search index was built again from this many nominations.
    Reindexed {
        db: &'a str,
        rows: i64,
    },
    Failed {
        db: &'a str,
        count: usize,
    },
    AnchorHolds {
        anchor: &'a str,
    },
    BadAnchor {
        text: &'a str,
    },
    Head {
        entry: i64,
        hash: &'a str,
        short: &'a str,
    },
}

impl Line<'_> {
    pub fn say(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Line::Summary {
                db,
                entries,
                head,
                anchor,
                signoffs,
                evidence,
            } if vi => format!(
                "{db}: {entries} mục nhật ký, đầu chuỗi {head} (mốc {anchor}); đã kiểm {signoffs} biên bản đã ký và {evidence} tệp minh chứng"
            ),
            Line::Summary {
                db,
                entries,
                head,
                anchor,
                signoffs,
                evidence,
            } => format!(
                "{db}: {entries} audit entries, chain head {head} (anchor {anchor}); {signoffs} signed minutes and {evidence} evidence files checked"
            ),
            Line::Clean if vi => "không thấy vấn đề nào".to_string(),
            Line::Clean => "no problem found".to_string(),
            Line::Failed { db, count } if vi => format!("{db}: có {count} vấn đề"),
            Line::Failed { db, count } => format!("{db}: {count} problem(s) found"),
            Line::AnchorHolds { anchor } if vi => {
                format!("mốc {anchor}: cơ sở dữ liệu vẫn giữ đúng lịch sử tới mục này")
            }
            Line::AnchorHolds { anchor } => format!(
                "anchor {anchor}: the database still holds exactly that history up to this entry"
            ),
            Line::BadAnchor { text } if vi => format!(
                "--anchor {text}: không đọc được mốc; viết dạng SỐ:MÃ, ví dụ 812:9f3a-61c0-d2e4-7b18 (ít nhất 16 chữ số hệ 16 của mã băm)"
            ),
            Line::BadAnchor { text } => format!(
                "--anchor {text}: not an anchor; write it as N:HASH, e.g. 812:9f3a-61c0-d2e4-7b18 (at least 16 hex digits of the hash)"
            ),
            Line::Reindexed { db, rows } if vi => format!(
                "{db}: đã dựng lại chỉ mục tìm kiếm từ {rows} đề nghị; dữ liệu không thay đổi"
            ),
            Line::Reindexed { db, rows } => {
                format!("{db}: search index built again from {rows} nominations; no data changed")
            }
            Line::Head { entry, hash, short } if vi => format!(
                "đầu chuỗi nhật ký: mục {entry}\nmã băm: {hash}\nmốc (ghi lên giấy): {short}"
            ),
            Line::Head { entry, hash, short } => format!(
                "head of the audit chain: entry {entry}\nhash: {hash}\nanchor (for paper): {short}"
            ),
        }
    }
}
