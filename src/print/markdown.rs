//! Markdown: the same content as the PDF, for e-mail and version control.

use super::model::{Align, Block, Document, Table};

pub fn render(doc: &Document) -> String {
    let h = &doc.header;
    let mut out = String::new();
    out.push_str(&format!("{}  \n**{}**  \n", h.parent_body, h.issuing_body));
    if !h.number.is_empty() {
        out.push_str(&format!("{}\n", h.number));
    }
    out.push_str(&format!(
        "\n**{}**  \n**{}**  \n*{}*\n\n",
        h.country, h.motto, h.place_date
    ));
    out.push_str(&format!("# {}\n\n", doc.title));
    if !doc.subject.is_empty() {
        out.push_str(&format!("**{}**\n\n", escape(&doc.subject)));
    }
    blocks(&doc.blocks, &mut out);
    for s in &doc.signatures {
        let name = if s.name.is_empty() { "…" } else { &s.name };
        out.push_str(&format!(
            "**{}** {}: **{}**  \n",
            s.role,
            s.hint,
            escape(name)
        ));
    }
    out.push('\n');
    if !doc.recipients.is_empty() {
        out.push_str("***Nơi nhận:***\n\n");
        for r in &doc.recipients {
            out.push_str(&format!("{}  \n", escape(r)));
        }
        out.push('\n');
    }
    if let Some(a) = &doc.annex {
        out.push_str("---\n\n");
        for t in &a.title {
            out.push_str(&format!("**{}**  \n", escape(t)));
        }
        out.push_str(&format!("*{}*\n\n", escape(&a.note)));
        blocks(&a.blocks, &mut out);
    }
    let footer = doc.footer_lines();
    if !footer.is_empty() {
        let lines: Vec<String> = footer.iter().map(|l| escape(l)).collect();
        out.push_str(&format!("---\n\n{}\n", lines.join("  \n")));
    }
    out
}

fn blocks(list: &[Block], out: &mut String) {
    for (i, b) in list.iter().enumerate() {
        match b {
            Block::Heading { text } => out.push_str(&format!("## {}\n\n", escape(text))),
            Block::Centered { text } => out.push_str(&format!("**{}**\n\n", escape(text))),
            Block::Paragraph { lead, text } if lead.is_empty() => {
                out.push_str(&format!("{}\n\n", escape(text)))
            }
            Block::Paragraph { lead, text } => out.push_str(&format!(
                "**{}**{}\n\n",
                escape(lead.trim_end()),
                spaced(&escape(text), lead)
            )),
            Block::Item { text } => {
                let t = text.strip_prefix("- ").unwrap_or(text);
                out.push_str(&format!("- {}\n", escape(t)));
                // A list stays tight; a blank line ends it.
                if !matches!(list.get(i + 1), Some(Block::Item { .. })) {
                    out.push('\n');
                }
            }
            Block::Table(t) => table(t, out),
            Block::PageBreak => out.push_str("---\n\n"),
        }
    }
}

/// Keep the space between a bold lead and its text outside the asterisks.
fn spaced(text: &str, lead: &str) -> String {
    if lead.ends_with(' ') {
        format!(" {text}")
    } else {
        text.to_string()
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '*' | '_' | '|' | '`' | '#' | '[' | ']' | '<' | '>' | '\\'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn table(t: &Table, out: &mut String) {
    let row = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&row(t.columns.iter().map(|c| escape(&c.title)).collect()));
    out.push_str(&row(t
        .columns
        .iter()
        .map(|c| match c.align {
            Align::Left => ":--".to_string(),
            Align::Center => ":-:".to_string(),
            Align::Right => "--:".to_string(),
        })
        .collect()));
    for r in &t.rows {
        out.push_str(&row(r.iter().map(|c| escape(c)).collect()));
    }
    out.push('\n');
}
