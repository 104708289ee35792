//! The certificates of a decision, one page each, in the places a layout
//! gives (`certificate_layout`), and the calibration page that shows those
//! places on a millimetre grid. Pure functions; `print::pdf` typesets them
//! with `data/templates/giay-khen.typ`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::certificate_layout::Layout;
use super::{When, honorific, position_unit};
use crate::domain::decision_batch::{DecisionLine, DecisionPaper};
use crate::domain::movement::Round;

/// The texts of one certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificatePage {
    pub issuer: String,
    pub award: String,
    pub name: String,
    pub position: String,
    pub achievement: String,
    pub decision: String,
    pub place_date: String,
    pub signer_title: String,
    pub signer: String,
}

/// What the template prints: the layout and a page per certificate; with
/// `calibrate`, a grid under the boxes of every field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CertificateSheet {
    pub layout: Layout,
    pub calibrate: bool,
    pub pages: Vec<CertificatePage>,
}

fn day_words(d: NaiveDate) -> String {
    When::of_date(d).date_words()
}

fn round_words(r: Round) -> String {
    match r {
        Round::Annual { year } => format!("năm {year}"),
        Round::Review { from, to } => format!("giai đoạn {from}–{to}"),
    }
}

fn page(p: &DecisionPaper, l: &DecisionLine) -> CertificatePage {
    let body = p.ward.governing_body.trim().to_uppercase();
    let issuer = match body.strip_prefix("UBND ") {
        Some(rest) => format!("CHỦ TỊCH ỦY BAN NHÂN DÂN {rest}"),
        None => format!("CHỦ TỊCH {body}"),
    };
    let round = round_words(l.round);
    let (award, achievement) = if l.is_title {
        (
            "GIẤY CHỨNG NHẬN".to_string(),
            format!("Đạt danh hiệu “{}” {round}", l.award_short),
        )
    } else {
        (
            l.award_short.to_uppercase(),
            format!("Đã có thành tích xuất sắc trong phong trào thi đua {round}"),
        )
    };
    let name = if l.nominee.kind.is_person() {
        format!("{}{}", honorific(l.nominee.sex), l.nominee.name)
    } else {
        l.nominee.name.clone()
    };
    CertificatePage {
        issuer,
        award,
        name,
        position: position_unit(&l.nominee),
        achievement,
        decision: format!(
            "Quyết định số {} ngày {}",
            p.batch.number,
            p.batch.date.format("%d/%m/%Y")
        ),
        place_date: format!("{}, {}", p.ward.place_name, day_words(p.batch.date)),
        signer_title: p.batch.title.signature_lines().join("\n"),
        signer: p.batch.signer.clone(),
    }
}

/// A page per award of the decision, in the order of its list.
pub fn certificates(p: &DecisionPaper, layout: &Layout) -> CertificateSheet {
    CertificateSheet {
        layout: layout.clone(),
        calibrate: false,
        pages: p.lines.iter().map(|l| page(p, l)).collect(),
    }
}

/// One page with sample texts in every box, over a millimetre grid.
pub fn calibration(layout: &Layout) -> CertificateSheet {
    CertificateSheet {
        layout: layout.clone(),
        calibrate: true,
        pages: vec![CertificatePage {
            issuer: "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG …".into(),
            award: "GIẤY KHEN".into(),
            name: "Bà Nguyễn Thị Mẫu".into(),
            position: "Chức vụ, đơn vị công tác".into(),
            achievement: "Đã có thành tích xuất sắc trong phong trào thi đua năm …".into(),
            decision: "Quyết định số …/QĐ-UBND ngày …/…/…".into(),
            place_date: "…, ngày … tháng … năm …".into(),
            signer_title: "CHỦ TỊCH".into(),
            signer: "Họ và tên người ký".into(),
        }],
    }
}
