//! The ward's identity: what every printed document says about who issues
//! it. Set by the ward, never built into the program; a change applies to
//! documents made after it (signed minutes keep the content they were signed
//! with).

use serde::{Deserialize, Serialize};

use super::text_rules::{self, TextField, TextRefusal};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WardIdentity {
    /// Governing body, as the header prints it: "UBND PHƯỜNG TÂN BÌNH".
    pub governing_body: String,
    /// "Hội đồng Thi đua – Khen thưởng phường Tân Bình".
    pub council_name: String,
    /// Place name written before dates: "Tân Bình, ngày …".
    pub place_name: String,
    /// Symbol after the number of minutes: "BB-HĐTĐKT" in "05/BB-HĐTĐKT".
    pub minutes_symbol: String,
    /// Symbol of decisions: "QĐ-UBND".
    pub decision_symbol: String,
    /// Symbol of submissions (tờ trình): "TTr-HĐTĐKT".
    pub submission_symbol: String,
    /// "Nơi nhận" of minutes, one recipient an entry, without the leading
    /// dash or the closing punctuation (the print adds them).
    pub recipients_minutes: Vec<String>,
    pub recipients_decision: Vec<String>,
    pub recipients_submission: Vec<String>,
    /// Title of the one who signs decisions: "Chủ tịch UBND phường Tân Bình".
    pub chairman_title: String,
    pub chairman_name: String,
}

/// Why an identity was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WardRefusal {
    /// A text the text rules refused.
    Text(TextRefusal),
    /// A field every document needs is empty.
    Empty(TextField),
    /// A number symbol holds a slash or a space: the symbol is what follows
    /// "05/", e.g. "BB-HĐTĐKT".
    BadSymbol { field: TextField, text: String },
    /// A document was asked for before the identity was set.
    NotSet,
}

impl From<TextRefusal> for WardRefusal {
    fn from(r: TextRefusal) -> Self {
        WardRefusal::Text(r)
    }
}

fn required(field: TextField, raw: &str) -> Result<String, WardRefusal> {
    let text = text_rules::line(field, raw)?;
    if text.is_empty() {
        return Err(WardRefusal::Empty(field));
    }
    Ok(text)
}

fn symbol(field: TextField, raw: &str) -> Result<String, WardRefusal> {
    let text = required(field, raw)?;
    if text.contains('/') || text.contains(' ') {
        return Err(WardRefusal::BadSymbol { field, text });
    }
    Ok(text)
}

fn recipients(raw: &[String]) -> Result<Vec<String>, WardRefusal> {
    let mut out = Vec::with_capacity(raw.len());
    for r in raw {
        let text = text_rules::line(TextField::Recipient, r)?;
        // The print adds the dash and the closing ";" or ".".
        let text = text
            .trim_start_matches(['-', '–', ' '])
            .trim_end_matches([';', '.', ' '])
            .to_string();
        if !text.is_empty() {
            out.push(text);
        }
    }
    Ok(out)
}

impl WardIdentity {
    /// The identity cleaned by the text rules, or why it cannot be used.
    /// Every field but the decision and submission recipients is required.
    pub fn checked(&self) -> Result<WardIdentity, WardRefusal> {
        // In the order `ward show` lists them, so the first fault named is
        // the first one on the list.
        let governing_body = required(TextField::GoverningBody, &self.governing_body)?;
        let council_name = required(TextField::CouncilName, &self.council_name)?;
        let place_name = required(TextField::PlaceName, &self.place_name)?;
        let minutes_symbol = symbol(TextField::MinutesSymbol, &self.minutes_symbol)?;
        let decision_symbol = symbol(TextField::DecisionSymbol, &self.decision_symbol)?;
        let submission_symbol = symbol(TextField::SubmissionSymbol, &self.submission_symbol)?;
        let recipients_minutes = recipients(&self.recipients_minutes)?;
        if recipients_minutes.is_empty() {
            return Err(WardRefusal::Empty(TextField::Recipient));
        }
        Ok(WardIdentity {
            governing_body,
            council_name,
            place_name,
            minutes_symbol,
            decision_symbol,
            submission_symbol,
            recipients_minutes,
            recipients_decision: recipients(&self.recipients_decision)?,
            recipients_submission: recipients(&self.recipients_submission)?,
            chairman_title: required(TextField::ChairmanTitle, &self.chairman_title)?,
            chairman_name: text_rules::name(TextField::ChairmanName, &self.chairman_name)?,
        })
    }

    /// The identity a database kept in its council before the identity had
    /// a place of its own: the same words its documents printed then.
    pub fn carried_over(governing_body: &str, council_name: &str, place_name: &str) -> Self {
        let body = body_in_running_text(governing_body);
        WardIdentity {
            governing_body: governing_body.to_string(),
            council_name: council_name.to_string(),
            place_name: place_name.to_string(),
            minutes_symbol: "BB-HĐTĐKT".into(),
            decision_symbol: "QĐ-UBND".into(),
            submission_symbol: "TTr-HĐTĐKT".into(),
            recipients_minutes: vec![
                "Thành viên Hội đồng".into(),
                format!("Chủ tịch {body} (để báo cáo)"),
                "Lưu: VT, HĐTĐKT".into(),
            ],
            recipients_decision: Vec::new(),
            recipients_submission: Vec::new(),
            chairman_title: format!("Chủ tịch {body}"),
            chairman_name: String::new(),
        }
    }

    /// The minutes' whole number: a bare number takes the ward's symbol
    /// ("01" → "01/BB-HĐTĐKT"), one with a symbol stays as written, and none
    /// yet leaves room to write it in ("…/BB-HĐTĐKT").
    pub fn minutes_number(&self, number: &str) -> String {
        let number = number.trim();
        if number.is_empty() {
            format!("…/{}", self.minutes_symbol)
        } else if number.contains('/') || self.minutes_symbol.is_empty() {
            number.to_string()
        } else {
            format!("{number}/{}", self.minutes_symbol)
        }
    }

    /// The "Nơi nhận" lines of the minutes: "- A;" … "- Z.".
    pub fn minutes_recipient_lines(&self) -> Vec<String> {
        let n = self.recipients_minutes.len();
        self.recipients_minutes
            .iter()
            .enumerate()
            .map(|(i, r)| format!("- {r}{}", if i + 1 == n { "." } else { ";" }))
            .collect()
    }

    /// The governing body as running text says it ("UBND phường Tân Bình").
    pub fn body_in_running_text(&self) -> String {
        body_in_running_text(&self.governing_body)
    }
}

/// "UBND PHƯỜNG THANH BÌNH" → "UBND phường Thanh Bình". Not reliably
/// reversible; a spelling with any lower-case letter is used as it is.
pub fn body_in_running_text(body: &str) -> String {
    if body.chars().any(|c| c.is_lowercase()) {
        return body.to_string();
    }
    body.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            if w == "UBND" || w == "HĐND" {
                w.to_string()
            } else if i > 0 && ["PHƯỜNG", "XÃ", "THỊ", "TRẤN"].contains(&w) {
                w.to_lowercase()
            } else {
                let lower = w.to_lowercase();
                let mut c = lower.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tan_binh() -> WardIdentity {
        WardIdentity {
            governing_body: "UBND PHƯỜNG TÂN BÌNH".into(),
            council_name: "Hội đồng Thi đua – Khen thưởng phường Tân Bình".into(),
            place_name: "Tân Bình".into(),
            minutes_symbol: "BB-HĐTĐKT".into(),
            decision_symbol: "QĐ-UBND".into(),
            submission_symbol: "TTr-HĐTĐKT".into(),
            recipients_minutes: vec![
                "- Thành viên Hội đồng;".into(),
                "Chủ tịch UBND phường Tân Bình (để báo cáo)".into(),
                "Lưu: VT, HĐTĐKT.".into(),
            ],
            recipients_decision: vec![],
            recipients_submission: vec![],
            chairman_title: "Chủ tịch UBND phường Tân Bình".into(),
            chairman_name: "Phan Văn Lộc".into(),
        }
    }

    #[test]
    fn recipients_lose_their_dash_and_punctuation_and_print_with_them() {
        let w = tan_binh().checked().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(w.recipients_minutes[0], "Thành viên Hội đồng");
        assert_eq!(
            w.minutes_recipient_lines(),
            vec![
                "- Thành viên Hội đồng;",
                "- Chủ tịch UBND phường Tân Bình (để báo cáo);",
                "- Lưu: VT, HĐTĐKT."
            ]
        );
    }

    #[test]
    fn every_field_a_document_needs_is_required() {
        let mut w = tan_binh();
        w.place_name = "  ".into();
        assert_eq!(w.checked(), Err(WardRefusal::Empty(TextField::PlaceName)));
        let mut w = tan_binh();
        w.recipients_minutes = vec![";".into()];
        assert_eq!(w.checked(), Err(WardRefusal::Empty(TextField::Recipient)));
        let mut w = tan_binh();
        w.chairman_title.clear();
        assert_eq!(
            w.checked(),
            Err(WardRefusal::Empty(TextField::ChairmanTitle))
        );
    }

    #[test]
    fn a_symbol_is_what_follows_the_number() {
        let mut w = tan_binh();
        w.minutes_symbol = "05/BB-HĐTĐKT".into();
        assert!(matches!(
            w.checked(),
            Err(WardRefusal::BadSymbol {
                field: TextField::MinutesSymbol,
                ..
            })
        ));
        let mut w = tan_binh();
        w.decision_symbol = "QĐ UBND".into();
        assert!(matches!(w.checked(), Err(WardRefusal::BadSymbol { .. })));
    }

    #[test]
    fn hidden_characters_are_refused_by_the_text_rules() {
        let mut w = tan_binh();
        w.governing_body = "UBND\u{200B} PHƯỜNG TÂN BÌNH".into();
        assert!(matches!(w.checked(), Err(WardRefusal::Text(_))));
    }

    #[test]
    fn numbers_use_the_symbol_until_the_minutes_have_one() {
        let w = tan_binh();
        assert_eq!(w.minutes_number(""), "…/BB-HĐTĐKT");
        assert_eq!(w.minutes_number("07/BB-HĐ"), "07/BB-HĐ");
        assert_eq!(w.minutes_number(" 01 "), "01/BB-HĐTĐKT");
    }

    #[test]
    fn carried_over_identity_prints_what_the_council_printed() {
        let w = WardIdentity::carried_over("UBND PHƯỜNG THANH BÌNH", "HĐ", "Thanh Bình");
        assert_eq!(
            w.minutes_recipient_lines()[1],
            "- Chủ tịch UBND phường Thanh Bình (để báo cáo);"
        );
        assert_eq!(w.body_in_running_text(), "UBND phường Thanh Bình");
    }
}
