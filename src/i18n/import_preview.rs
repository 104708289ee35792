//! The import as it would be saved, in words: how each column was
//! understood, the rows read, the rows skipped and every guess. The dry run
//! prints all of it; the report of an import lists the skipped rows and the
//! guesses.

use crate::domain::nominee::NomineeKind;
use crate::i18n::Lang;
use crate::import::columns::{kind_label, sex_label};
use crate::import::reading::{ColumnUse, Guess, SkipReason, SkippedRow};
use crate::import::rows::ParsedRow;

fn vi(lang: Lang) -> bool {
    lang == Lang::Vi
}

fn kind_name(kind: NomineeKind, lang: Lang) -> String {
    if vi(lang) {
        kind_label(kind).to_string()
    } else {
        format!("{} ({})", kind_label(kind), kind.code())
    }
}

/// One line per column: "C (Năm sinh / Nam) → Năm sinh (Nam)".
pub fn columns_text(columns: &[ColumnUse], lang: Lang) -> String {
    let mut out = vec![if vi(lang) {
        "Các cột được hiểu như sau:".to_string()
    } else {
        "How the columns were read:".to_string()
    }];
    for c in columns {
        let target = match (c.field, vi(lang)) {
            (Some(f), _) => f.label(),
            (None, true) => "bỏ qua".into(),
            (None, false) => "ignored".into(),
        };
        let by = match (c.by_option, vi(lang)) {
            (true, true) => " (theo --map)",
            (true, false) => " (by --map)",
            _ => "",
        };
        out.push(format!("  {} ({}) → {target}{by}", c.letter, c.header));
    }
    out.join("\n")
}

/// One line per nomination, as it would be saved.
pub fn rows_text(rows: &[ParsedRow], lang: Lang) -> String {
    let v = vi(lang);
    let mut out = vec![if v {
        "Các hồ sơ sẽ được lưu:".to_string()
    } else {
        "The nominations as they would be saved:".to_string()
    }];
    for r in rows {
        let n = &r.nominee;
        let mut parts = Vec::new();
        if let Some(k) = n.kind {
            parts.push(kind_name(k, lang));
        }
        match (n.sex, n.birth_year) {
            (Some(s), Some(y)) if v => parts.push(format!("{}, sinh {y}", sex_label(s))),
            (Some(s), Some(y)) => parts.push(format!("{}, born {y}", sex_label(s))),
            (Some(s), None) => parts.push(sex_label(s).to_string()),
            (None, Some(y)) if v => parts.push(format!("sinh {y}")),
            (None, Some(y)) => parts.push(format!("born {y}")),
            (None, None) => {}
        }
        let mut field = |vi_name: &str, en_name: &str, value: &str| {
            if !value.is_empty() {
                parts.push(format!("{}: {value}", if v { vi_name } else { en_name }));
            }
        };
        field("chức vụ", "position", &n.position);
        field("đơn vị", "unit", &n.unit);
        field("địa chỉ", "address", &n.address);
        if let Some(p) = n.women_share_percent {
            parts.push(format!("{} {p}%", if v { "tỷ lệ nữ" } else { "women" }));
        }
        parts.push(format!(
            "{} {}",
            if v { "đợt" } else { "round" },
            r.round.code()
        ));
        parts.push(format!(
            "{}: {}",
            if v { "hình thức" } else { "award" },
            r.award_name
        ));
        out.push(format!(
            "  {} {}: {} — {}",
            if v { "dòng" } else { "row" },
            r.line,
            n.name,
            parts.join("; ")
        ));
    }
    out.join("\n")
}

fn reason(r: SkipReason, lang: Lang) -> &'static str {
    match (r, vi(lang)) {
        (SkipReason::Title, true) => "tiêu đề",
        (SkipReason::Title, false) => "title",
        (SkipReason::Section, true) => "dòng mục",
        (SkipReason::Section, false) => "section heading",
        (SkipReason::Numbering, true) => "dòng đánh số cột",
        (SkipReason::Numbering, false) => "column numbering",
        (SkipReason::Total, true) => "dòng tổng cộng",
        (SkipReason::Total, false) => "total",
        (SkipReason::Note, true) => "ghi chú",
        (SkipReason::Note, false) => "note",
        (SkipReason::Signature, true) => "phần ký tên",
        (SkipReason::Signature, false) => "signatures",
    }
}

/// "dòng 16 (dòng tổng cộng): Tổng cộng: …".
pub fn skipped_text(s: &SkippedRow, lang: Lang) -> String {
    format!(
        "{} {} ({}): {}",
        if vi(lang) { "dòng" } else { "row" },
        s.line,
        reason(s.reason, lang),
        s.text
    )
}

/// How a guess is changed: with the command's options, or with the keys of
/// the interface's preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advice {
    Options,
    Keys,
    /// Seen in the preview before saving: said without a way to change it.
    Settled,
}

/// A guess, with how to change it on the command line.
pub fn guess_text(g: &Guess, lang: Lang) -> String {
    guess_text_for(g, lang, Advice::Options)
}

/// A guess, with how to change it the way `advice` says.
pub fn guess_text_for(g: &Guess, lang: Lang, advice: Advice) -> String {
    let v = vi(lang);
    let what = match g {
        Guess::LooseHeader {
            letter,
            header,
            field,
        } if v => format!(
            "cột {letter} (“{header}”, viết không dấu) được hiểu là “{}”",
            field.label()
        ),
        Guess::LooseHeader {
            letter,
            header,
            field,
        } => format!(
            "column {letter} (“{header}”, written without tone marks) read as “{}”",
            field.label()
        ),
        Guess::SectionKind { line, label, kind } if v => format!(
            "dòng {line}: mục “{label}” được hiểu là loại “{}”",
            kind_name(*kind, lang)
        ),
        Guess::SectionKind { line, label, kind } => format!(
            "row {line}: section “{label}” read as kind “{}”",
            kind_name(*kind, lang)
        ),
        Guess::RoundFromTitle { line, round } if v => {
            format!("đợt {round} lấy từ tiêu đề (dòng {line}) cho các dòng không ghi đợt")
        }
        Guess::RoundFromTitle { line, round } => {
            format!("round {round} taken from the title (row {line}) for rows without one")
        }
        Guess::AwardFromTitle { line, name, .. } if v => format!(
            "hình thức “{name}” lấy từ tiêu đề (dòng {line}) cho các dòng không ghi hình thức"
        ),
        Guess::AwardFromTitle { line, name, .. } => {
            format!("award “{name}” taken from the title (row {line}) for rows without one")
        }
        Guess::KindCell {
            line,
            letter,
            text,
            kind,
        } if v => format!(
            "dòng {line}, cột {letter}: “{text}” được hiểu là loại “{}”",
            kind_name(*kind, lang)
        ),
        Guess::KindCell {
            line,
            letter,
            text,
            kind,
        } => format!(
            "row {line}, column {letter}: “{text}” read as kind “{}”",
            kind_name(*kind, lang)
        ),
        Guess::KindAgainstSection {
            line,
            letter,
            text,
            kind,
            section,
            section_kind,
        } if v => format!(
            "dòng {line}, cột {letter}: ô ghi “{text}” (loại “{}”) nhưng dòng nằm trong mục “{section}” (loại “{}”); đã lấy theo ô",
            kind_name(*kind, lang),
            kind_name(*section_kind, lang)
        ),
        Guess::KindAgainstSection {
            line,
            letter,
            text,
            kind,
            section,
            section_kind,
        } => format!(
            "row {line}, column {letter}: the cell says “{text}” (kind “{}”) but the row is under section “{section}” (kind “{}”); the cell was taken",
            kind_name(*kind, lang),
            kind_name(*section_kind, lang)
        ),
        Guess::Movement { name, others } if v => {
            format!("phong trào “{name}” (phong trào đầu tiên; còn {others} phong trào khác)")
        }
        Guess::Movement { name, others } => {
            format!("movement “{name}” (the first; {others} other(s) exist)")
        }
    };
    match advice {
        Advice::Settled => what,
        _ => format!("{what}; {}", how_to_change(g, v, advice)),
    }
}

/// What to do when a guess is wrong.
fn how_to_change(g: &Guess, v: bool, advice: Advice) -> String {
    let keys = advice == Advice::Keys;
    match g {
        Guess::LooseHeader { letter, .. } => match (v, keys) {
            (true, false) => format!("nếu sai, dùng --map {letter}=TRƯỜNG"),
            (false, false) => format!("if wrong, use --map {letter}=FIELD"),
            (true, true) => format!("nếu sai, chọn cột {letter} rồi nhấn Enter"),
            (false, true) => format!("if wrong, select column {letter} and press Enter"),
        },
        Guess::SectionKind { label, .. } => match (v, keys) {
            (true, false) => format!("nếu khác, dùng --kind \"{label}=LOẠI\""),
            (false, false) => format!("if not, use --kind \"{label}=KIND\""),
            (true, true) => "nếu khác, nhấn k rồi chọn mục".into(),
            (false, true) => "if not, press k and choose the section".into(),
        },
        Guess::RoundFromTitle { .. } => match (v, keys) {
            (true, false) => "nếu khác, dùng --round".into(),
            (false, false) => "if not, use --round".into(),
            (true, true) => "nếu khác, nhấn r".into(),
            (false, true) => "if not, press r".into(),
        },
        Guess::AwardFromTitle { .. } => match (v, keys) {
            (true, false) => "nếu khác, dùng --award".into(),
            (false, false) => "if not, use --award".into(),
            (true, true) => "nếu khác, nhấn a".into(),
            (false, true) => "if not, press a".into(),
        },
        Guess::KindCell { .. } => match v {
            true => "nếu khác, ghi rõ loại trong ô".into(),
            false => "if not, write the kind in full in the cell".into(),
        },
        Guess::KindAgainstSection { .. } => match v {
            true => "nếu sai, hãy sửa ô".into(),
            false => "correct the cell if wrong".into(),
        },
        Guess::Movement { .. } => match (v, keys) {
            (true, false) => "nếu khác, dùng --movement".into(),
            (false, false) => "if not, use --movement".into(),
            (true, true) => "nếu khác, nhấn p".into(),
            (false, true) => "if not, press p".into(),
        },
    }
}

/// The skipped rows and the guesses, one per line, each after a heading.
pub fn notes_text(skipped: &[SkippedRow], guesses: &[Guess], lang: Lang) -> String {
    notes_text_for(skipped, guesses, lang, Advice::Options)
}

/// [`notes_text`], each guess with the advice `advice` gives.
pub fn notes_text_for(
    skipped: &[SkippedRow],
    guesses: &[Guess],
    lang: Lang,
    advice: Advice,
) -> String {
    let mut out = Vec::new();
    if !guesses.is_empty() {
        out.push(if vi(lang) {
            "Chương trình đã hiểu (hãy kiểm tra):".to_string()
        } else {
            "Read by the import (check these):".to_string()
        });
        out.extend(
            guesses
                .iter()
                .map(|g| format!("  {}", guess_text_for(g, lang, advice))),
        );
    }
    if !skipped.is_empty() {
        out.push(if vi(lang) {
            "Các dòng bỏ qua (không phải hồ sơ):".to_string()
        } else {
            "Rows skipped (not nominations):".to_string()
        });
        out.extend(
            skipped
                .iter()
                .map(|s| format!("  {}", skipped_text(s, lang))),
        );
    }
    out.join("\n")
}
