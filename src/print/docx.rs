//! DOCX with docx-rs: the same content as the PDF, editable in Word and
//! LibreOffice. A4, Decree 30 margins, borderless tables for the heading and
//! the signatures, justified paragraphs with a first-line indent. docx-rs
//! writes fixed dates (1970 in core.xml, 1980 in the zip entries) and
//! renumbers paragraph ids per document, so the same document gives the
//! same bytes.

use docx_rs::{
    AlignmentType, BreakType, Docx, Header as DocxHeader, HeightRule, LineSpacing, PageMargin,
    PageNum, Paragraph, Run, RunFonts, SpecialIndentType, Table as DocxTable, TableCell,
    TableCellMargins, TableLayoutType, TableRow, WidthType,
};

use super::PrintError;
use super::docx_layout::{CELL_PADDING, HEADER_MARK_TWIPS, column_widths, mark_header_rows};
use super::model::{Align, Block, DocKind, Document, Table};

/// Twips per millimetre (1 inch = 1440 twips = 25.4 mm).
fn mm(v: f64) -> i32 {
    (v * 1440.0 / 25.4).round() as i32
}

const FONT: &str = "Times New Roman";
/// A4 width less the left (30 mm) and right (15 mm) margins, in twips.
const TEXT_WIDTH: usize = 9355;

/// A run of text; a line break in `text` stays a line break (a note of two lines).
fn run(text: &str, pt: usize) -> Run {
    let mut r = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(line);
    }
    r.size(pt * 2).fonts(
        RunFonts::new()
            .ascii(FONT)
            .hi_ansi(FONT)
            .cs(FONT)
            .east_asia(FONT),
    )
}

fn spacing(after_pt: u32) -> LineSpacing {
    LineSpacing::new().before(0).after(after_pt * 20)
}

fn centered(r: Run) -> Paragraph {
    Paragraph::new()
        .add_run(r)
        .align(AlignmentType::Center)
        .line_spacing(spacing(0))
}

/// A body paragraph; `keep_next` holds it on the page of what follows (the signatures).
fn body(lead: &str, text: &str, indent: bool, keep_next: bool) -> Paragraph {
    let mut p = Paragraph::new()
        .align(AlignmentType::Both)
        .line_spacing(spacing(6))
        .keep_next(keep_next);
    if indent {
        p = p.indent(
            None,
            Some(SpecialIndentType::FirstLine(mm(12.7))),
            None,
            None,
        );
    }
    if !lead.is_empty() {
        p = p.add_run(run(lead, 14).bold());
    }
    p.add_run(run(text, 14))
}

fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new(), TableCell::add_paragraph)
        .width(width, WidthType::Dxa)
}

/// A table without borders, for the heading block and the signatures.
fn layout_table(rows: Vec<Vec<Vec<Paragraph>>>, widths: &[usize]) -> DocxTable {
    let rows = rows
        .into_iter()
        .map(|cells| {
            TableRow::new(
                cells
                    .into_iter()
                    .zip(widths)
                    .map(|(ps, w)| cell(ps, *w).clear_all_border())
                    .collect(),
            )
            .cant_split()
        })
        .collect();
    DocxTable::without_borders(rows)
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum(), WidthType::Dxa)
        // No padding, as the PDF's grid: the country's name keeps to one line.
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

/// The heading block in the PDF's proportions (46% / 54%) and sizes, so that
/// the governing body ("UBND PHƯỜNG THANH BÌNH") stays on one line.
fn heading_block(doc: &Document) -> DocxTable {
    let h = &doc.header;
    let left = TEXT_WIDTH * 46 / 100;
    let right = TEXT_WIDTH - left;
    layout_table(
        vec![
            vec![
                vec![
                    centered(run(&h.parent_body, 12)),
                    centered(run(&h.issuing_body, 12).bold()),
                    centered(run("————", 12)),
                ],
                vec![
                    centered(run(&h.country, 12).bold()),
                    centered(run(&h.motto, 13).bold().underline("single")),
                ],
            ],
            vec![
                vec![centered(run(&h.number, 13))],
                vec![centered(run(&h.place_date, 14).italic())],
            ],
        ],
        &[left, right],
    )
}

/// A bordered table with fixed column widths that hold every word whole,
/// rows that do not split across pages, and a header row that repeats.
fn data_table(t: &Table) -> DocxTable {
    let widths = column_widths(t, TEXT_WIDTH, 12.0);
    let para = |text: &str, align: Align, bold: bool| {
        let r = run(text, 12);
        Paragraph::new()
            .add_run(if bold { r.bold() } else { r })
            .line_spacing(spacing(0))
            .align(match align {
                Align::Left => AlignmentType::Left,
                Align::Center => AlignmentType::Center,
                Align::Right => AlignmentType::Right,
            })
    };
    let header = TableRow::new(
        t.columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| cell(vec![para(&c.title, Align::Center, true)], *w))
            .collect(),
    )
    .cant_split()
    // Becomes w:tblHeader once the document is built (docx_layout::mark_header_rows).
    .row_height(HEADER_MARK_TWIPS)
    .height_rule(HeightRule::AtLeast);
    let mut rows = vec![header];
    for r in &t.rows {
        rows.push(
            TableRow::new(
                r.iter()
                    .zip(&t.columns)
                    .zip(&widths)
                    .map(|((text, c), w)| cell(vec![para(text, c.align, false)], *w))
                    .collect(),
            )
            .cant_split(),
        );
    }
    DocxTable::new(rows)
        .set_grid(widths)
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(0, CELL_PADDING, 0, CELL_PADDING))
}

/// A decision's foot as Decree 30 lays it out: "Nơi nhận" on the left, the
/// signature on the right, in a row that does not split.
fn decision_foot(doc: &Document) -> DocxTable {
    let left_width = TEXT_WIDTH * 45 / 100;
    let mut left = vec![
        Paragraph::new()
            .add_run(run("Nơi nhận:", 12).bold().italic())
            .line_spacing(spacing(0)),
    ];
    left.extend(doc.recipients.iter().map(|r| {
        Paragraph::new()
            .add_run(run(r, 11))
            .line_spacing(spacing(0))
    }));
    let mut right = Vec::new();
    for s in &doc.signatures {
        right.push(centered(run(&s.role, 14).bold()));
        if !s.hint.is_empty() {
            right.push(centered(run(&s.hint, 13).italic()));
        }
        right.extend((0..4).map(|_| centered(run("", 13))));
        right.push(centered(run(&s.name, 14).bold()));
    }
    layout_table(
        vec![vec![left, right]],
        &[left_width, TEXT_WIDTH - left_width],
    )
}

fn signatures(doc: &Document) -> Option<DocxTable> {
    if doc.signatures.is_empty() {
        return None;
    }
    if doc.kind == DocKind::Decision {
        return Some(decision_foot(doc));
    }
    let mut heading = Vec::new();
    if doc.kind == DocKind::BallotRecord {
        // As the PDF template: the committee signs under one heading.
        heading.push(centered(run("BAN KIỂM PHIẾU", 13).bold()).line_spacing(spacing(6)));
    }
    let per_row = doc.signatures.len().min(3);
    let width = TEXT_WIDTH / per_row;
    let rows = doc
        .signatures
        .chunks(per_row)
        .map(|chunk| {
            let mut cells: Vec<Vec<Paragraph>> = chunk
                .iter()
                .map(|s| {
                    let mut ps = vec![
                        centered(run(&s.role, 13).bold()),
                        centered(run(&s.hint, 13).italic()),
                    ];
                    ps.extend((0..4).map(|_| centered(run("", 13))));
                    ps.push(centered(run(&s.name, 14).bold()));
                    ps
                })
                .collect();
            cells.resize_with(per_row, || vec![centered(run("", 13))]);
            cells
        })
        .collect();
    let names = layout_table(rows, &vec![width; per_row]);
    // One borderless cell in a row that cannot split holds the heading, the
    // signatures and "Nơi nhận", so that they move to a new page together.
    let mut whole = heading
        .into_iter()
        .fold(TableCell::new(), TableCell::add_paragraph)
        .add_table(names)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .clear_all_border();
    if doc.recipients.is_empty() {
        // A cell ends with a paragraph.
        whole = whole.add_paragraph(Paragraph::new().line_spacing(spacing(0)));
    } else {
        whole = whole.add_paragraph(Paragraph::new().line_spacing(spacing(6)));
        whole = whole.add_paragraph(
            Paragraph::new()
                .add_run(run("Nơi nhận:", 12).bold().italic())
                .line_spacing(spacing(0)),
        );
        for r in &doc.recipients {
            whole = whole.add_paragraph(
                Paragraph::new()
                    .add_run(run(r, 11))
                    .line_spacing(spacing(0)),
            );
        }
    }
    Some(
        DocxTable::without_borders(vec![TableRow::new(vec![whole]).cant_split()])
            .set_grid(vec![TEXT_WIDTH])
            .layout(TableLayoutType::Fixed)
            .width(TEXT_WIDTH, WidthType::Dxa)
            .margins(TableCellMargins::new().margin(0, 0, 0, 0)),
    )
}

/// "Nơi nhận" of a document without signatures.
fn recipients(doc: &Document, mut d: Docx) -> Docx {
    d = d.add_paragraph(Paragraph::new().line_spacing(spacing(6)));
    d = d.add_paragraph(
        Paragraph::new()
            .add_run(run("Nơi nhận:", 12).bold().italic())
            .line_spacing(spacing(0)),
    );
    for r in &doc.recipients {
        d = d.add_paragraph(
            Paragraph::new()
                .add_run(run(r, 11))
                .line_spacing(spacing(0)),
        );
    }
    d
}

/// One block of the body; `keep` holds it on the page of what follows.
fn add_block(d: Docx, b: &Block, keep: bool) -> Docx {
    match b {
        Block::Heading { text } => d.add_paragraph(body(text, "", false, keep)),
        Block::Centered { text } => {
            d.add_paragraph(centered(run(text, 14).bold()).line_spacing(spacing(6)))
        }
        Block::Paragraph { lead, text } => d.add_paragraph(body(lead, text, true, keep)),
        Block::Item { text } => d.add_paragraph(body("", text, true, keep)),
        Block::Table(t) => d
            .add_table(data_table(t))
            .add_paragraph(Paragraph::new().line_spacing(spacing(0)).keep_next(keep)),
        Block::PageBreak => {
            d.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
        }
    }
}

pub fn render(doc: &Document) -> Result<Vec<u8>, PrintError> {
    let page_number = DocxHeader::new().add_paragraph(
        Paragraph::new()
            .add_page_num(PageNum::new())
            .align(AlignmentType::Center)
            .size(26),
    );
    let mut d = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(mm(20.0))
                .bottom(mm(20.0))
                .left(mm(30.0))
                .right(mm(15.0))
                .header(mm(10.0))
                .footer(mm(10.0)),
        )
        .default_fonts(
            RunFonts::new()
                .ascii(FONT)
                .hi_ansi(FONT)
                .cs(FONT)
                .east_asia(FONT),
        )
        .default_size(28)
        // Page numbers at the top from page 2: the first page has an empty header.
        .header(page_number)
        .first_header(DocxHeader::new())
        .title_pg()
        .add_table(heading_block(doc))
        .add_paragraph(centered(run("", 14)))
        .add_paragraph(centered(run(&doc.title, 14).bold()))
        .add_paragraph(centered(run(&doc.subject, 14).bold()).line_spacing(spacing(12)));
    // An attached list (after a page break) follows the signatures.
    let split = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::PageBreak))
        .unwrap_or(doc.blocks.len());
    let (main, annex) = doc.blocks.split_at(split);
    // The last paragraph is held with the signatures: they never stand alone on a page.
    let keep_last = !doc.signatures.is_empty();
    let last = main.len().saturating_sub(1);
    for (i, b) in main.iter().enumerate() {
        d = add_block(d, b, keep_last && i == last);
    }
    d = d.add_paragraph(
        Paragraph::new()
            .line_spacing(spacing(6))
            .keep_next(keep_last),
    );
    match signatures(doc) {
        Some(t) => d = d.add_table(t),
        None if !doc.recipients.is_empty() => d = recipients(doc, d),
        None => {}
    }
    if let Some(a) = &doc.annex {
        // The list starts a page of its own; a break paragraph of its own
        // would leave an empty page after a full one.
        for (i, t) in a.title.iter().enumerate() {
            d = d.add_paragraph(centered(run(t, 14).bold()).page_break_before(i == 0));
        }
        d = d.add_paragraph(centered(run(&a.note, 14).italic()).line_spacing(spacing(12)));
        for b in &a.blocks {
            d = add_block(d, b, false);
        }
    }
    // The tờ trình's attached list: after the signatures, on a page of its own.
    for b in annex {
        d = add_block(d, b, false);
    }
    let lines = doc.footer_lines();
    if !lines.is_empty() {
        let footer = || {
            lines.iter().fold(docx_rs::Footer::new(), |f, l| {
                f.add_paragraph(centered(run(l, 9).italic()))
            })
        };
        d = d.footer(footer()).first_footer(footer());
    }
    let mut out = std::io::Cursor::new(Vec::new());
    let mut xml = d.build();
    xml.document = mark_header_rows(&xml.document);
    xml.pack(&mut out)
        .map_err(|e| PrintError::Render(format!("DOCX: {e}")))?;
    Ok(out.into_inner())
}
