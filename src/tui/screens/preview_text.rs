//! The print model laid out as terminal text: the Decree 30 heading in two
//! columns, the centred title, justified-looking paragraphs with a first-line
//! indent, lists, tables with borders, the signature blocks side by side, and
//! the sign-off footer. The same `Document` the PDF is typeset from.

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use crate::print::model::{Block, Document, Table};
use crate::tui::theme::THEME;
use crate::tui::widgets::table::{fit, width, wrap};

fn centre(text: &str, cells: usize) -> String {
    let w = width(text);
    if w >= cells {
        return text.to_string();
    }
    format!("{}{text}", " ".repeat((cells - w) / 2))
}

/// Two centred columns side by side, each `half` cells wide.
fn columns(left: &[String], right: &[String], half: usize) -> Vec<String> {
    let rows = left.len().max(right.len());
    (0..rows)
        .map(|i| {
            let l = left.get(i).map_or(String::new(), |s| centre(s, half));
            let r = right.get(i).map_or(String::new(), |s| centre(s, half));
            format!("{}{}", fit(&l, half), r)
        })
        .collect()
}

fn wrapped(text: &str, cells: usize) -> Vec<String> {
    text.lines().flat_map(|l| wrap(l, cells.max(8))).collect()
}

pub fn layout(doc: &Document, cells: usize) -> Vec<Line<'static>> {
    let cells = cells.max(30);
    let bold = THEME.input.add_modifier(Modifier::BOLD);
    let mut out: Vec<Line<'static>> = Vec::new();
    let h = &doc.header;
    let half = cells / 2;
    let mut left: Vec<String> = vec![h.parent_body.clone(), h.issuing_body.clone()];
    if !h.number.is_empty() {
        left.push(h.number.clone());
    }
    let left: Vec<String> = left.iter().flat_map(|s| wrapped(s, half)).collect();
    let right: Vec<String> = [&h.country, &h.motto, &h.place_date]
        .iter()
        .flat_map(|s| wrapped(s, half))
        .collect();
    out.extend(
        columns(&left, &right, half)
            .into_iter()
            .map(|l| Line::styled(l, bold)),
    );
    out.push(Line::default());
    out.push(Line::styled(centre(&doc.title, cells), THEME.title));
    for l in wrapped(&doc.subject, cells) {
        out.push(Line::styled(centre(&l, cells), bold));
    }
    out.push(Line::default());
    for b in &doc.blocks {
        match b {
            Block::Centered { text } => {
                for l in wrapped(text, cells) {
                    out.push(Line::styled(centre(&l, cells), bold));
                }
            }
            Block::Heading { text } => {
                out.extend(
                    wrapped(text, cells)
                        .into_iter()
                        .map(|l| Line::styled(l, bold)),
                );
            }
            Block::Paragraph { lead, text } => {
                // Indent the first line; the lead in bold.
                let lines = wrap(&format!("    {lead}{text}"), cells);
                let lead_cells = 4 + width(lead);
                for (i, l) in lines.into_iter().enumerate() {
                    if i == 0 && !lead.is_empty() {
                        let (a, b) = split_at_cells(&l, lead_cells);
                        out.push(Line::from(vec![
                            Span::styled(a, bold),
                            Span::styled(b, THEME.input),
                        ]));
                    } else {
                        out.push(Line::styled(l, THEME.input));
                    }
                }
            }
            Block::Item { text } => {
                for (i, l) in wrap(text, cells.saturating_sub(4)).into_iter().enumerate() {
                    let pad = if i == 0 { "  " } else { "    " };
                    out.push(Line::styled(format!("{pad}{l}"), THEME.input));
                }
            }
            Block::Table(t) => table(t, cells, &mut out),
            Block::PageBreak => out.push(Line::styled("─".repeat(cells), THEME.dim)),
        }
    }
    out.push(Line::default());
    if !doc.signatures.is_empty() {
        let n = doc.signatures.len();
        let each = cells / n;
        let sigs = &doc.signatures;
        let rows = [
            sigs.iter().map(|x| x.role.clone()).collect::<Vec<_>>(),
            sigs.iter().map(|x| x.hint.clone()).collect(),
            vec![String::new(); n],
            sigs.iter().map(|x| x.name.clone()).collect(),
        ];
        for (r, row) in rows.iter().enumerate() {
            let text: String = row.iter().map(|c| fit(&centre(c, each), each)).collect();
            let style = if r == 1 { THEME.dim } else { bold };
            out.push(Line::styled(text, style));
        }
        out.push(Line::default());
    }
    if !doc.recipients.is_empty() {
        out.push(Line::styled(
            "Nơi nhận:",
            bold.add_modifier(Modifier::ITALIC),
        ));
        for r in &doc.recipients {
            out.extend(wrapped(r, cells).into_iter().map(Line::raw));
        }
    }
    let footer = doc.footer_lines();
    if !footer.is_empty() {
        out.push(Line::styled("─".repeat(cells), THEME.dim));
        for f in &footer {
            out.extend(
                wrapped(f, cells)
                    .into_iter()
                    .map(|l| Line::styled(l, THEME.header)),
            );
        }
    }
    out
}

fn split_at_cells(s: &str, cells: usize) -> (String, String) {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        used += width(&c.to_string());
        if used > cells {
            return (s[..i].to_string(), s[i..].to_string());
        }
    }
    (s.to_string(), String::new())
}

/// A bordered table; column widths follow the model's relative widths.
fn table(t: &Table, cells: usize, out: &mut Vec<Line<'static>>) {
    let n = t.columns.len().max(1);
    let inner = cells.saturating_sub(n + 1).max(n * 3);
    let total: usize = t
        .columns
        .iter()
        .map(|c| usize::from(c.width))
        .sum::<usize>()
        .max(1);
    let mut widths: Vec<usize> = t
        .columns
        .iter()
        .map(|c| (usize::from(c.width) * inner / total).max(3))
        .collect();
    // What rounding left over goes to the widest column.
    let used: usize = widths.iter().sum();
    if let Some(w) = widths.iter_mut().max() {
        *w += inner.saturating_sub(used);
    }
    let rule = |l: &str, m: &str, r: &str| {
        let parts: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        format!("{l}{}{r}", parts.join(m))
    };
    let row_lines = |row: Vec<&str>| -> Vec<String> {
        let cols: Vec<Vec<String>> = row.iter().zip(&widths).map(|(c, w)| wrap(c, *w)).collect();
        let height = cols.iter().map(Vec::len).max().unwrap_or(1).max(1);
        (0..height)
            .map(|i| {
                let parts: Vec<String> = cols
                    .iter()
                    .zip(&widths)
                    .map(|(c, w)| fit(c.get(i).map_or("", String::as_str), *w))
                    .collect();
                format!("│{}│", parts.join("│"))
            })
            .collect()
    };
    out.push(Line::styled(rule("┌", "┬", "┐"), THEME.dim));
    let head: Vec<&str> = t.columns.iter().map(|c| c.title.as_str()).collect();
    for l in row_lines(head) {
        out.push(Line::styled(l, THEME.heading));
    }
    out.push(Line::styled(rule("├", "┼", "┤"), THEME.dim));
    for r in &t.rows {
        for l in row_lines(r.iter().map(String::as_str).collect()) {
            out.push(Line::styled(l, THEME.input));
        }
    }
    out.push(Line::styled(rule("└", "┴", "┘"), THEME.dim));
}
