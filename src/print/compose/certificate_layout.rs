//! Where each field of a certificate is printed: a layout file in the form
//! of `data/certificates/*.toml` (paper size, and the position in mm of the
//! name, the achievement line, the decision, the place and date, the
//! signer). A malformed layout is refused with the field and what is wrong.

use serde::{Deserialize, Serialize};

/// The layout for plain A4 paper, shipped with hoidong.
pub const PLAIN_A4: &str = include_str!("../../../data/certificates/giay-khen-a4.toml");
/// A starting layout for pre-printed blanks.
pub const PRE_PRINTED: &str = include_str!("../../../data/certificates/giay-khen-phoi-in-san.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldAlign {
    Left,
    #[default]
    Center,
    Right,
}

/// A box on the paper: its top left corner and width in mm, the text's size and style.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub x_mm: f64,
    pub y_mm: f64,
    pub width_mm: f64,
    pub size_pt: f64,
    #[serde(default)]
    pub bold: bool,
    #[serde(default)]
    pub italic: bool,
    #[serde(default)]
    pub align: FieldAlign,
}

/// A fixed line printed on every certificate (plain paper).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixedText {
    pub text: String,
    #[serde(flatten)]
    pub field: Field,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paper {
    pub width_mm: f64,
    pub height_mm: f64,
    #[serde(default)]
    pub border: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// The layout's own name (`title` in the file).
    #[serde(default, rename = "title")]
    pub name: String,
    pub paper: Paper,
    #[serde(default, rename = "text")]
    pub texts: Vec<FixedText>,
    #[serde(rename = "name")]
    pub name_field: Field,
    pub achievement: Field,
    pub decision: Field,
    pub place_date: Field,
    pub signer: Field,
    #[serde(default)]
    pub position: Option<Field>,
    #[serde(default)]
    pub signer_title: Option<Field>,
    #[serde(default)]
    pub issuer: Option<Field>,
    #[serde(default)]
    pub award: Option<Field>,
}

/// What is wrong with a layout, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LayoutError {
    /// Not TOML, a field missing or misspelt: the parser's message with its line.
    #[error("{0}")]
    Syntax(String),
    /// A field's value is out of range.
    #[error("{field}: {}", problem.english())]
    Field {
        field: String,
        problem: FieldProblem,
    },
}

/// What is out of range in a field (figures in mm, a size in pt).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    PaperSize { width: String, height: String },
    Negative,
    NoWidth,
    PastWidth { right: String, paper: String },
    PastHeight { y: String, paper: String },
    TextSize { size: String },
}

impl FieldProblem {
    pub fn english(&self) -> String {
        match self {
            FieldProblem::PaperSize { width, height } => {
                format!("{width} × {height} mm is not a paper size (each side 50 to 1000 mm)")
            }
            FieldProblem::Negative => "x_mm and y_mm cannot be negative".into(),
            FieldProblem::NoWidth => "width_mm must be more than 0".into(),
            FieldProblem::PastWidth { right, paper } => {
                format!("x_mm + width_mm = {right} mm goes past the paper's width of {paper} mm")
            }
            FieldProblem::PastHeight { y, paper } => {
                format!("y_mm = {y} mm is below the paper's height of {paper} mm")
            }
            FieldProblem::TextSize { size } => {
                format!("size_pt = {size} is not a text size (4 to 96)")
            }
        }
    }

    pub fn vietnamese(&self) -> String {
        match self {
            FieldProblem::PaperSize { width, height } => {
                format!("{width} × {height} mm không phải khổ giấy (mỗi cạnh từ 50 đến 1000 mm)")
            }
            FieldProblem::Negative => "x_mm và y_mm không được âm".into(),
            FieldProblem::NoWidth => "width_mm phải lớn hơn 0".into(),
            FieldProblem::PastWidth { right, paper } => {
                format!("x_mm + width_mm = {right} mm vượt quá chiều rộng tờ giấy {paper} mm")
            }
            FieldProblem::PastHeight { y, paper } => {
                format!("y_mm = {y} mm nằm ngoài chiều cao tờ giấy {paper} mm")
            }
            FieldProblem::TextSize { size } => {
                format!("size_pt = {size} không phải cỡ chữ (từ 4 đến 96)")
            }
        }
    }
}

impl Layout {
    /// Read and check a layout.
    pub fn parse(text: &str) -> Result<Layout, LayoutError> {
        let layout: Layout =
            toml::from_str(text).map_err(|e| LayoutError::Syntax(e.to_string()))?;
        layout.check()?;
        Ok(layout)
    }

    fn fields(&self) -> Vec<(String, &Field)> {
        let mut out = vec![
            ("name".to_string(), &self.name_field),
            ("achievement".into(), &self.achievement),
            ("decision".into(), &self.decision),
            ("place_date".into(), &self.place_date),
            ("signer".into(), &self.signer),
        ];
        for (n, f) in [
            ("position", &self.position),
            ("signer_title", &self.signer_title),
            ("issuer", &self.issuer),
            ("award", &self.award),
        ] {
            if let Some(f) = f {
                out.push((n.to_string(), f));
            }
        }
        for (i, t) in self.texts.iter().enumerate() {
            out.push((format!("text {}", i + 1), &t.field));
        }
        out
    }

    fn check(&self) -> Result<(), LayoutError> {
        let p = &self.paper;
        let bad = |field: &str, problem: FieldProblem| LayoutError::Field {
            field: field.to_string(),
            problem,
        };
        if !(50.0..=1000.0).contains(&p.width_mm) || !(50.0..=1000.0).contains(&p.height_mm) {
            return Err(bad(
                "paper",
                FieldProblem::PaperSize {
                    width: p.width_mm.to_string(),
                    height: p.height_mm.to_string(),
                },
            ));
        }
        for (name, f) in self.fields() {
            if f.x_mm < 0.0 || f.y_mm < 0.0 {
                return Err(bad(&name, FieldProblem::Negative));
            }
            if f.width_mm <= 0.0 {
                return Err(bad(&name, FieldProblem::NoWidth));
            }
            if f.x_mm + f.width_mm > p.width_mm {
                return Err(bad(
                    &name,
                    FieldProblem::PastWidth {
                        right: (f.x_mm + f.width_mm).to_string(),
                        paper: p.width_mm.to_string(),
                    },
                ));
            }
            if f.y_mm >= p.height_mm {
                return Err(bad(
                    &name,
                    FieldProblem::PastHeight {
                        y: f.y_mm.to_string(),
                        paper: p.height_mm.to_string(),
                    },
                ));
            }
            if !(4.0..=96.0).contains(&f.size_pt) {
                return Err(bad(
                    &name,
                    FieldProblem::TextSize {
                        size: f.size_pt.to_string(),
                    },
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_layouts_are_valid() {
        let plain = Layout::parse(PLAIN_A4).unwrap_or_else(|e| panic!("{e}"));
        assert!(plain.paper.border && plain.award.is_some() && plain.texts.len() == 3);
        let blank = Layout::parse(PRE_PRINTED).unwrap_or_else(|e| panic!("{e}"));
        assert!(blank.award.is_none() && blank.texts.is_empty());
        assert_eq!(blank.name, "Giấy khen, phôi in sẵn A4 ngang");
    }

    #[test]
    fn a_field_past_the_paper_is_refused_by_name() {
        let text = PRE_PRINTED.replacen("x_mm = 40", "x_mm = 140", 1);
        assert_eq!(
            Layout::parse(&text),
            Err(LayoutError::Field {
                field: "name".into(),
                problem: FieldProblem::PastWidth {
                    right: "357".into(),
                    paper: "297".into()
                }
            })
        );
    }

    #[test]
    fn a_misspelt_or_missing_field_is_refused_with_its_place() {
        let text = PRE_PRINTED.replacen("size_pt = 26", "sise_pt = 26", 1);
        let e = Layout::parse(&text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("sise_pt"), "{e}");
        let text = PRE_PRINTED.replacen("[signer]", "[signr]", 1);
        let e = Layout::parse(&text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("signr") || e.contains("signer"), "{e}");
        let e = Layout::parse("[paper\nwidth_mm = 1")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("line 1"), "{e}");
    }
}
