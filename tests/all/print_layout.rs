//! Page layout of the prints: DOCX tables that keep their words and rows whole
//! and repeat their header, line breaks inside notes, and signatures that
//! never stand alone on the last page.

use crate::print_fixture;

use std::io::Read;
use std::process::Command;

use hoidong::print::model::{Block, Document};
use hoidong::print::{self, Format, Template, compose};
use print_fixture::record;

/// A4 width less the Decree 30 margins, in twips.
const TEXT_WIDTH: usize = 9355;

fn document_xml(doc: &Document) -> String {
    let bytes = print::render(doc, Format::Docx, &Template::BuiltIn).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// The top-level tables of the body (a nested table stays inside its parent).
fn tables(xml: &str) -> Vec<&str> {
    let mut marks: Vec<(usize, bool)> = xml
        .match_indices("<w:tbl>")
        .map(|(i, _)| (i, true))
        .chain(xml.match_indices("</w:tbl>").map(|(i, _)| (i, false)))
        .collect();
    marks.sort_unstable();
    let (mut out, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, opens) in marks {
        if opens {
            if depth == 0 {
                start = i;
            }
            depth += 1;
        } else {
            depth -= 1;
            if depth == 0 {
                out.push(&xml[start..i + "</w:tbl>".len()]);
            }
        }
    }
    out
}

fn attr_values<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    xml.match_indices(tag)
        .filter_map(|(i, _)| {
            let rest = &xml[i..];
            let v = rest.find("w:w=\"")? + 5;
            let end = rest[v..].find('"')?;
            Some(&rest[v..v + end])
        })
        .collect()
}

fn data_tables(doc: &Document) -> Vec<&hoidong::print::model::Table> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

#[test]
fn docx_tables_have_fixed_widths_that_fit_whole_rows_and_a_repeated_header() {
    let rec = record(4);
    for doc in [compose::minutes(&rec), compose::ballot_record(&rec)] {
        let xml = document_xml(&doc);
        let bordered: Vec<&str> = tables(&xml)
            .into_iter()
            .filter(|t| t.contains(r#"<w:insideV w:val="single""#))
            .collect();
        let expected = data_tables(&doc);
        assert_eq!(bordered.len(), expected.len(), "{:?}", doc.kind);
        for (xml_table, table) in bordered.iter().zip(expected) {
            assert!(xml_table.contains(r#"<w:tblLayout w:type="fixed" />"#));
            let grid: Vec<usize> = attr_values(xml_table, "<w:gridCol ")
                .iter()
                .map(|v| v.parse().unwrap())
                .collect();
            assert_eq!(grid.len(), table.columns.len());
            assert_eq!(grid.iter().sum::<usize>(), TEXT_WIDTH, "{grid:?}");
            // Every column holds its longest word at a generous half an em per
            // letter of 12 pt (120 twips) plus the cell padding: "STT",
            // "1971", "Không" and "81,8%" are not broken in two.
            for (i, c) in table.columns.iter().enumerate() {
                let longest = std::iter::once(c.title.as_str())
                    .chain(
                        table
                            .rows
                            .iter()
                            .filter_map(|r| r.get(i))
                            .map(String::as_str),
                    )
                    .flat_map(str::split_whitespace)
                    .map(|w| w.chars().count())
                    .max()
                    .unwrap_or(0);
                assert!(
                    grid[i] >= longest * 130 + 100,
                    "column “{}” is {} twips for a word of {longest} letters",
                    c.title,
                    grid[i]
                );
            }
            let rows = xml_table.matches("<w:tr>").count();
            assert_eq!(rows, table.rows.len() + 1);
            assert_eq!(xml_table.matches("<w:cantSplit />").count(), rows);
            // Only the first row repeats on each page.
            assert_eq!(xml_table.matches("<w:tblHeader />").count(), 1);
            let first_row_end = xml_table.find("</w:tr>").unwrap();
            assert!(xml_table[..first_row_end].contains("<w:tblHeader />"));
        }
        // No stray marks of the header rows are left.
        assert!(!xml.contains(r#"w:trHeight w:val="1""#));
    }
}

#[test]
fn a_note_of_two_lines_keeps_its_line_break_in_docx_and_pdf() {
    let mut doc = compose::minutes(&record(2));
    let at = doc.blocks.len() - 1;
    doc.blocks.insert(
        at,
        Block::item("Dòng thứ nhất của ý kiến.\nDòng thứ hai của ý kiến."),
    );
    let xml = document_xml(&doc);
    let first = xml.find("Dòng thứ nhất của ý kiến.").unwrap();
    let second = xml.find("Dòng thứ hai của ý kiến.").unwrap();
    assert!(first < second);
    assert!(
        xml[first..second].contains(r#"<w:br w:type="textWrapping" />"#),
        "{}",
        &xml[first..second]
    );
    assert!(!xml.contains("ý kiến.\nDòng"));

    let pdf = print::render(&doc, Format::Pdf, &Template::BuiltIn).unwrap();
    let Some(pages) = pdf_pages(&pdf) else {
        println!("pdftotext not found (poppler-utils): PDF check skipped");
        return;
    };
    let text = pages.join("\n");
    let line = text
        .lines()
        .find(|l| l.contains("Dòng thứ nhất"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        !line.contains("Dòng thứ hai"),
        "one line in the PDF: {line}"
    );
}

/// The text of each page, from `pdftotext -layout`; `None` without poppler.
fn pdf_pages(pdf: &[u8]) -> Option<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-layout"])
        .arg(&path)
        .arg("-")
        .output()
        .ok()?;
    assert!(out.status.success(), "pdftotext failed");
    let text = String::from_utf8(out.stdout).unwrap();
    Some(
        text.split('\u{c}')
            .map(str::to_string)
            .filter(|p| !p.trim().is_empty())
            .collect(),
    )
}

#[test]
fn the_signatures_share_their_page_with_the_last_paragraph() {
    let rec = record(2);
    for base in [compose::minutes(&rec), compose::ballot_record(&rec)] {
        let signer = base.signatures[0].role.clone();
        let closing = match base.blocks.last() {
            Some(Block::Paragraph { text, .. }) => text.clone(),
            other => panic!("the document ends with {other:?}"),
        };
        let mut pages_seen = std::collections::BTreeSet::new();
        // Push the end of the text down line by line across a page break:
        // somewhere the signatures would fall alone onto the next page.
        for filler in 0..45 {
            let mut doc = base.clone();
            let at = doc.blocks.len() - 1;
            for _ in 0..filler {
                doc.blocks.insert(at, Block::item("- Ý kiến thảo luận."));
            }
            let pdf = print::render(&doc, Format::Pdf, &Template::BuiltIn).unwrap();
            let Some(pages) = pdf_pages(&pdf) else {
                println!("pdftotext not found (poppler-utils): PDF check skipped");
                return;
            };
            pages_seen.insert(pages.len());
            let last = pages.last().unwrap();
            assert!(last.contains(&signer), "{last}");
            let first_words: String = closing
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                last.contains(&first_words),
                "with {filler} more lines the signatures stand alone on page {}:\n{last}",
                pages.len()
            );
        }
        assert!(
            pages_seen.len() > 1,
            "no page break was crossed: {pages_seen:?}"
        );
    }
}

#[test]
fn docx_keeps_the_last_paragraph_with_the_signatures_and_recipients() {
    let doc = compose::minutes(&record(2));
    let xml = document_xml(&doc);
    let all = tables(&xml);
    let signatures = all.last().unwrap();
    // One row that cannot split holds the signatures and "Nơi nhận".
    assert!(signatures.contains(">THƯ KÝ<") && signatures.contains(">Nơi nhận:<"));
    let outer_rows = signatures.matches("<w:tr>").count();
    assert_eq!(outer_rows, 2, "the outer row and the row of names");
    assert_eq!(signatures.matches("<w:cantSplit />").count(), outer_rows);
    // The last paragraph of the text is kept with what follows it.
    let Some(Block::Paragraph { text, .. }) = doc.blocks.last() else {
        panic!("the minutes end with a paragraph");
    };
    let at = xml.find(text.as_str()).unwrap();
    let paragraph_start = xml[..at].rfind("<w:p ").unwrap();
    assert!(xml[paragraph_start..at].contains("<w:keepNext />"));
}
