//! Table geometry for the DOCX: column widths that leave every word whole,
//! and the repeated header row that docx-rs cannot write. Word processors
//! break a word that is wider than its cell ("ST/T", "Khôn/g"), so each
//! column gets at least the width of its longest word, estimated from the
//! widths of Times New Roman's letters.

use unicode_normalization::UnicodeNormalization;

use super::model::Table;

/// Left and right padding inside a data cell, in twips (about 1.2 mm, as the PDF's 4 pt inset).
pub const CELL_PADDING: usize = 68;

/// A twip count written on header rows in place of `w:tblHeader` while docx-rs
/// builds the document; `mark_header_rows` swaps it for the real element.
pub const HEADER_MARK_TWIPS: f32 = 1.0;
const HEADER_MARK_XML: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;
const HEADER_XML: &str = "<w:tblHeader />";

/// Width of one character of Times New Roman, in ems (average of regular faces;
/// bold adds a little in `word_twips`). Letters with Vietnamese marks measure as their base letter.
fn char_em(c: char) -> f64 {
    let base = c.to_string().nfd().next().unwrap_or(c);
    match base {
        'i' | 'j' | 'l' => 0.28,
        'f' | 't' | 'r' => 0.35,
        'm' => 0.78,
        'w' => 0.72,
        'a'..='z' => 0.5,
        'I' => 0.36,
        'J' => 0.4,
        'M' => 0.89,
        'W' => 0.94,
        'A'..='Z' | 'Đ' => 0.72,
        '0'..='9' => 0.5,
        ',' | '.' | ';' | ':' | '\'' => 0.25,
        '/' | '(' | ')' => 0.33,
        '%' => 0.83,
        '–' | '—' => 0.6,
        _ => 0.56,
    }
}

/// Estimated printed width of `word`, in twips, at `pt` points.
pub fn word_twips(word: &str, pt: f64, bold: bool) -> f64 {
    let ems: f64 = word.chars().map(char_em).sum();
    // 20 twips per point; bold faces run about 8% wider; 5% for rounding in the estimate.
    ems * pt * 20.0 * if bold { 1.08 } else { 1.0 } * 1.05
}

fn longest_word(text: &str, pt: f64, bold: bool) -> f64 {
    text.split_whitespace()
        .map(|w| word_twips(w, pt, bold))
        .fold(0.0, f64::max)
}

/// Column widths in twips summing to `total`: the table's relative widths,
/// with each column widened to hold its longest word (title in bold, cells at
/// `pt`) and the difference taken from the columns that have room to spare.
pub fn column_widths(t: &Table, total: usize, pt: f64) -> Vec<usize> {
    let n = t.columns.len();
    if n == 0 {
        return Vec::new();
    }
    let rel_sum: f64 = t.columns.iter().map(|c| f64::from(c.width.max(1))).sum();
    let mut widths: Vec<f64> = t
        .columns
        .iter()
        .map(|c| total as f64 * f64::from(c.width.max(1)) / rel_sum)
        .collect();
    let minimum: Vec<f64> = (0..n)
        .map(|i| {
            let title = longest_word(&t.columns[i].title, pt, true);
            let cells = t
                .rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|text| longest_word(text, pt, false))
                .fold(0.0, f64::max);
            title.max(cells) + 2.0 * CELL_PADDING as f64
        })
        .collect();
    let deficit: f64 = widths
        .iter()
        .zip(&minimum)
        .map(|(w, m)| (m - w).max(0.0))
        .sum();
    let spare: f64 = widths
        .iter()
        .zip(&minimum)
        .map(|(w, m)| (w - m).max(0.0))
        .sum();
    if deficit > 0.0 {
        if spare >= deficit {
            for (w, m) in widths.iter_mut().zip(&minimum) {
                *w = if *w < *m {
                    *m
                } else {
                    *w - deficit * (*w - *m) / spare
                };
            }
        } else {
            // Not every word can fit: share the width in proportion to the needs.
            let need: f64 = minimum.iter().sum();
            for (w, m) in widths.iter_mut().zip(&minimum) {
                *w = total as f64 * m / need;
            }
        }
    }
    // Rounded up, so that no column falls short of its word; the widest column
    // absorbs the rounding, so that the sum is exact.
    let mut out: Vec<usize> = widths.iter().map(|w| w.ceil() as usize).collect();
    let used: usize = out.iter().sum();
    if let Some(widest) = (0..n).max_by_key(|&i| out[i]) {
        out[widest] = (out[widest] + total).saturating_sub(used);
    }
    out
}

/// Turn the header-row marks into `w:tblHeader`, so that the header row
/// repeats at the top of every page the table runs onto.
pub fn mark_header_rows(document_xml: &[u8]) -> Vec<u8> {
    match std::str::from_utf8(document_xml) {
        Ok(text) => text.replace(HEADER_MARK_XML, HEADER_XML).into_bytes(),
        // docx-rs writes UTF-8; if it ever did not, the rows simply do not repeat.
        Err(_) => document_xml.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::model::{Align, Column};

    fn table(cols: &[(&str, u16)], rows: &[&[&str]]) -> Table {
        Table {
            columns: cols
                .iter()
                .map(|(t, w)| Column {
                    title: t.to_string(),
                    width: *w,
                    align: Align::Left,
                })
                .collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect(),
        }
    }

    #[test]
    fn narrow_columns_grow_to_their_longest_word_and_the_sum_is_kept() {
        let t = table(
            &[
                ("STT", 3),
                ("Họ và tên", 60),
                ("Năm sinh", 3),
                ("Kết quả", 4),
            ],
            &[&["1", "Nguyễn Văn An", "1971", "Không đạt"]],
        );
        let w = column_widths(&t, 9355, 12.0);
        assert_eq!(w.iter().sum::<usize>(), 9355);
        assert!(w[0] as f64 >= word_twips("STT", 12.0, true) + 2.0 * CELL_PADDING as f64);
        assert!(w[2] as f64 >= word_twips("1971", 12.0, false) + 2.0 * CELL_PADDING as f64);
        assert!(w[3] as f64 >= word_twips("Không", 12.0, false) + 2.0 * CELL_PADDING as f64);
        assert!(w[1] > w[0] + w[2] + w[3], "{w:?}");
    }

    #[test]
    fn wide_enough_columns_keep_their_shares() {
        let t = table(&[("A", 1), ("B", 1)], &[&["x", "y"]]);
        assert_eq!(column_widths(&t, 1000, 12.0), vec![500, 500]);
    }

    #[test]
    fn header_marks_become_table_header_elements() {
        let xml = format!("<w:trPr><w:cantSplit />{HEADER_MARK_XML}</w:trPr>");
        assert_eq!(
            String::from_utf8(mark_header_rows(xml.as_bytes())).unwrap_or_default(),
            "<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>"
        );
    }
}
