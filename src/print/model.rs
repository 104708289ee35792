//! The printed document, independent of its format. The PDF, DOCX and
//! Markdown renderers all read this one model, and a signed document is
//! stored as this model's JSON.

use serde::{Deserialize, Serialize};

/// Which document this is; the PDF renderer picks its template by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// Biên bản họp Hội đồng.
    Minutes,
    /// Biên bản kiểm phiếu.
    BallotRecord,
    /// Biên bản bổ sung (after sign-off).
    Addendum,
    /// Quyết định khen thưởng of the ward chairman, with its list.
    Decision,
    /// Tờ trình đề nghị khen thưởng (Mẫu số 01, NĐ 152/2025) with its list.
    Submission,
    /// Báo cáo thống kê khen thưởng of a year or a phase.
    Report,
}

/// The heading block of an administrative document (Decree 30/2020).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// The governing body above the issuer, e.g. "UBND PHƯỜNG THANH BÌNH".
    pub parent_body: String,
    /// The issuer, e.g. "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG".
    pub issuing_body: String,
    /// "Số: 05/BB-HĐTĐKT"; empty when the document carries no number.
    pub number: String,
    /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
    pub country: String,
    /// "Độc lập - Tự do - Hạnh phúc".
    pub motto: String,
    /// "Thanh Bình, ngày 20 tháng 11 năm 2026".
    pub place_date: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub title: String,
    /// Relative width (a share of the table's width).
    pub width: u16,
    pub align: Align,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

/// One piece of the body, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A section heading in bold, e.g. "I. THÀNH PHẦN".
    Heading {
        text: String,
    },
    /// A justified paragraph with a first-line indent; `lead` is printed bold before the text.
    Paragraph {
        lead: String,
        text: String,
    },
    /// A line of a list ("- …"), indented, not justified.
    Item {
        text: String,
    },
    Table(Table),
    /// A line centred in bold: the issuer of a decision, "QUYẾT ĐỊNH:".
    Centered {
        text: String,
    },
    /// What follows starts a new page (an attached list).
    PageBreak,
}

impl Block {
    pub fn heading(text: impl Into<String>) -> Block {
        Block::Heading { text: text.into() }
    }
    pub fn para(text: impl Into<String>) -> Block {
        Block::Paragraph {
            lead: String::new(),
            text: text.into(),
        }
    }
    pub fn lead(lead: impl Into<String>, text: impl Into<String>) -> Block {
        Block::Paragraph {
            lead: lead.into(),
            text: text.into(),
        }
    }
    pub fn item(text: impl Into<String>) -> Block {
        Block::Item { text: text.into() }
    }
    pub fn centered(text: impl Into<String>) -> Block {
        Block::Centered { text: text.into() }
    }
}

/// A list attached to a document on a page of its own ("DANH SÁCH …
/// (Kèm theo Quyết định số …)").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annex {
    /// Centred bold lines: "DANH SÁCH", what it lists.
    pub title: Vec<String>,
    /// Centred italic: "(Kèm theo Quyết định số … ngày … của …)".
    pub note: String,
    pub blocks: Vec<Block>,
}

/// A signature block: the role in bold capitals, a hint, and the name in bold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// "THƯ KÝ", "CHỦ TỌA", "TRƯỞNG BAN KIỂM PHIẾU".
    pub role: String,
    /// "(Ký, ghi rõ họ tên)".
    pub hint: String,
    pub name: String,
}

/// A whole document. Everything the renderers print is in here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub kind: DocKind,
    pub header: Header,
    /// "BIÊN BẢN".
    pub title: String,
    /// The meeting's subject, printed under the title.
    pub subject: String,
    pub blocks: Vec<Block>,
    /// Left to right; the minutes have THƯ KÝ left and CHỦ TỌA right.
    pub signatures: Vec<Signature>,
    /// "Nơi nhận:" lines; the last is "Lưu: VT, …".
    pub recipients: Vec<String>,
    /// Printed at the foot of every page once the document is signed off:
    /// the sign-off date and the content hash. Not part of the signed content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footer: Option<String>,
    /// The head of the audit chain when the document was made (signed, for
    /// signed minutes), in its short form `N:xxxx-xxxx-xxxx-xxxx`: printed at
    /// the foot so that `hoidong check --anchor` can later prove the history
    /// up to it. Part of the signed content, so reprints are identical.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// The attached list, after the signatures on a new page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annex: Option<Annex>,
}

/// How the anchor is introduced at the foot of a printed document.
pub const ANCHOR_LABEL: &str = "Mốc nhật ký (hoidong check --anchor)";

impl Document {
    /// The JSON that is stored and hashed at sign-off (without the footer,
    /// which is derived from the hash).
    pub fn content_json(&self) -> String {
        let unsigned = Document {
            footer: None,
            ..self.clone()
        };
        // Serialising plain strings, vectors and enums cannot fail.
        serde_json::to_string(&unsigned).unwrap_or_default()
    }

    /// The lines printed at the foot of every page: the sign-off line, then
    /// the anchor.
    pub fn footer_lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self.footer.iter().cloned().collect();
        if let Some(a) = &self.anchor {
            out.push(format!("{ANCHOR_LABEL}: {a}"));
        }
        out
    }

    /// Every piece of text in the document, in reading order (tests, search).
    pub fn texts(&self) -> Vec<&str> {
        let h = &self.header;
        let mut out = vec![
            h.parent_body.as_str(),
            h.issuing_body.as_str(),
            h.number.as_str(),
            h.country.as_str(),
            h.motto.as_str(),
            h.place_date.as_str(),
            self.title.as_str(),
            self.subject.as_str(),
        ];
        let annex_blocks = self.annex.iter().flat_map(|a| &a.blocks);
        for b in self.blocks.iter().chain(annex_blocks) {
            match b {
                Block::Heading { text } | Block::Item { text } | Block::Centered { text } => {
                    out.push(text)
                }
                Block::Paragraph { lead, text } => {
                    out.push(lead);
                    out.push(text);
                }
                Block::Table(t) => {
                    out.extend(t.columns.iter().map(|c| c.title.as_str()));
                    out.extend(t.rows.iter().flatten().map(String::as_str));
                }
                Block::PageBreak => {}
            }
        }
        for s in &self.signatures {
            out.extend([s.role.as_str(), s.hint.as_str(), s.name.as_str()]);
        }
        out.extend(self.recipients.iter().map(String::as_str));
        if let Some(a) = &self.annex {
            out.extend(a.title.iter().map(String::as_str));
            out.push(&a.note);
        }
        if let Some(f) = &self.footer {
            out.push(f);
        }
        if let Some(a) = &self.anchor {
            out.push(a);
        }
        out.retain(|s| !s.is_empty());
        out
    }
}
