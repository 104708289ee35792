//! DOCX with docx-rs: the same content as the PDF, editable in Word and
//! LibreOffice. A4, Decree 30 margins, borderless tables for the heading and
//! the signatures, justified paragraphs with a first-line indent. docx-rs
//! writes fixed dates (1970 in core.xml, 1980 in the zip entries) and
//! renumbers paragraph ids per document, so the same document gives the
//! same bytes.

use docx_rs::{
    AlignmentType, Docx, Header as DocxHeader, LineSpacing, PageMargin, PageNum, Paragraph, Run,
    RunFonts, SpecialIndentType, Table as DocxTable, TableCell, TableLayoutType, TableRow,
    WidthType,
};

use super::PrintError;
use super::model::{Align, Block, Document, Table};

/// Twips per millimetre (1 inch = 1440 twips = 25.4 mm).
fn mm(v: f64) -> i32 {
    (v * 1440.0 / 25.4).round() as i32
}

const FONT: &str = "Times New Roman";
/// A4 width less the left (30 mm) and right (15 mm) margins, in twips.
const TEXT_WIDTH: usize = 9355;

fn run(text: &str, pt: usize) -> Run {
    Run::new().add_text(text).size(pt * 2).fonts(
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

fn body(lead: &str, text: &str, indent: bool) -> Paragraph {
    let mut p = Paragraph::new()
        .align(AlignmentType::Both)
        .line_spacing(spacing(6));
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
        })
        .collect();
    DocxTable::without_borders(rows)
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum(), WidthType::Dxa)
}

fn heading_block(doc: &Document) -> DocxTable {
    let h = &doc.header;
    let left = (TEXT_WIDTH as f64 * 0.38) as usize;
    let right = TEXT_WIDTH - left;
    layout_table(
        vec![
            vec![
                vec![
                    centered(run(&h.parent_body, 13)),
                    centered(run(&h.issuing_body, 13).bold()),
                    centered(run("————", 13)),
                ],
                vec![
                    centered(run(&h.country, 13).bold()),
                    centered(run(&h.motto, 14).bold().underline("single")),
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

fn data_table(t: &Table) -> DocxTable {
    let total: usize = t
        .columns
        .iter()
        .map(|c| usize::from(c.width))
        .sum::<usize>()
        .max(1);
    let widths: Vec<usize> = t
        .columns
        .iter()
        .map(|c| TEXT_WIDTH * usize::from(c.width) / total)
        .collect();
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
    let mut rows = vec![TableRow::new(
        t.columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| cell(vec![para(&c.title, Align::Center, true)], *w))
            .collect(),
    )];
    for r in &t.rows {
        rows.push(TableRow::new(
            r.iter()
                .zip(&t.columns)
                .zip(&widths)
                .map(|((text, c), w)| cell(vec![para(text, c.align, false)], *w))
                .collect(),
        ));
    }
    DocxTable::new(rows)
        .set_grid(widths)
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

fn signatures(doc: &Document) -> Option<DocxTable> {
    if doc.signatures.is_empty() {
        return None;
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
    Some(layout_table(rows, &vec![width; per_row]))
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
    for b in &doc.blocks {
        d = match b {
            Block::Heading { text } => d.add_paragraph(body(text, "", false)),
            Block::Paragraph { lead, text } => d.add_paragraph(body(lead, text, true)),
            Block::Item { text } => d.add_paragraph(body("", text, true)),
            Block::Table(t) => d
                .add_table(data_table(t))
                .add_paragraph(Paragraph::new().line_spacing(spacing(0))),
        };
    }
    d = d.add_paragraph(Paragraph::new().line_spacing(spacing(6)));
    if let Some(t) = signatures(doc) {
        d = d.add_table(t);
    }
    if !doc.recipients.is_empty() {
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
    d.build()
        .pack(&mut out)
        .map_err(|e| PrintError::Render(format!("DOCX: {e}")))?;
    Ok(out.into_inner())
}
