//! Builds the printed documents from a recorded meeting: the minutes
//! (biên bản, DOMAIN.md §6) and the ballot-count record (biên bản kiểm
//! phiếu, §4). Pure functions of `MeetingRecord`; no files, no SQL.

mod ballots;
pub mod certificate;
pub mod certificate_layout;
mod conclusions;
mod decision;
mod minutes;
pub mod report;
pub mod submission;
mod tally;

pub use ballots::ballot_record;
pub use decision::decision;
pub use minutes::{MinutesOptions, minutes, minutes_with};
pub use report::report;
pub use submission::submission;

use crate::domain::council::{Member, Role};
use crate::domain::nominee::{Nominee, Sex};
use crate::domain::record::MeetingRecord;
use crate::domain::vote::{Comparison, Denominator, VoteMethod, VoteRule};
use crate::i18n::{Lang, numbers};

use super::model::{Align, Column, Header};

/// A date and time read from "2026-11-20T08:00[:00]".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct When {
    pub year: u32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

impl When {
    /// A calendar day, at midnight.
    pub fn of_date(d: chrono::NaiveDate) -> When {
        use chrono::Datelike;
        When {
            year: d.year().unsigned_abs(),
            month: d.month(),
            day: d.day(),
            hour: 0,
            minute: 0,
        }
    }

    pub fn parse(s: &str) -> Option<When> {
        let num = |range: std::ops::Range<usize>| s.get(range)?.parse::<u32>().ok();
        let mut w = When {
            year: num(0..4)?,
            month: num(5..7)?,
            day: num(8..10)?,
            hour: 0,
            minute: 0,
        };
        if s.len() >= 16 {
            w.hour = num(11..13)?;
            w.minute = num(14..16)?;
        }
        Some(w)
    }

    /// "ngày 05 tháng 01 năm 2026": day below 10 and months 1–2 take a zero (Decree 30).
    pub fn date_words(&self) -> String {
        let month = if self.month < 3 {
            format!("{:02}", self.month)
        } else {
            self.month.to_string()
        };
        format!("ngày {:02} tháng {month} năm {}", self.day, self.year)
    }

    /// "08 giờ 30 phút".
    pub fn time_words(&self) -> String {
        format!("{:02} giờ {:02} phút", self.hour, self.minute)
    }

    /// "08:30".
    pub fn clock(&self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }
}

/// The heading block shared by both documents, dated the day the meeting
/// was held (as recorded, else opened, else planned).
pub(crate) fn header(record: &MeetingRecord, number: String) -> Header {
    let date = When::parse(record.meeting.began_at())
        .map(|w| w.date_words())
        .unwrap_or_else(|| "ngày … tháng … năm …".to_string());
    let place = &record.ward.place_name;
    Header {
        parent_body: record.ward.governing_body.to_uppercase(),
        issuing_body: record.ward.council_name.to_uppercase(),
        number,
        country: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(),
        motto: "Độc lập - Tự do - Hạnh phúc".into(),
        place_date: if place.is_empty() {
            capitalise(&date)
        } else {
            format!("{place}, {date}")
        },
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

pub(crate) fn honorific(sex: Option<Sex>) -> &'static str {
    match sex {
        Some(Sex::Male) => "Ông ",
        Some(Sex::Female) => "Bà ",
        None => "",
    }
}

pub(crate) fn role_words(role: Role) -> &'static str {
    match role {
        Role::Chair => "Chủ tịch Hội đồng",
        Role::ViceChair => "Phó Chủ tịch Hội đồng",
        Role::StandingMember => "Ủy viên thường trực",
        Role::Secretary => "Thư ký Hội đồng",
        Role::Member => "Ủy viên",
    }
}

/// "Ông Trịnh Văn Khải, Chủ tịch UBND phường – Chủ tịch Hội đồng".
pub(crate) fn member_line(m: &Member) -> String {
    let mut s = format!("{}{}", honorific(m.sex), m.name);
    if !m.position.is_empty() {
        s.push_str(", ");
        s.push_str(&m.position);
    }
    s.push_str(" – ");
    s.push_str(role_words(m.role));
    s
}

/// "Phó Chủ tịch UBND phường, Văn phòng UBND phường".
pub(crate) fn position_unit(n: &Nominee) -> String {
    [n.position.as_str(), n.unit.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn method_words(m: VoteMethod) -> &'static str {
    match m {
        VoteMethod::SecretBallot => "bỏ phiếu kín",
        VoteMethod::Open => "biểu quyết công khai",
    }
}

/// What the rule counts the share on; an open vote has no papers, so its
/// "valid ballots" are the members who voted.
pub(crate) fn denominator_words(rule: &VoteRule) -> &'static str {
    match (rule.denominator, rule.method) {
        (Denominator::AllMembers, _) => "tổng số thành viên Hội đồng",
        (Denominator::Present, _) => "số thành viên có mặt",
        (Denominator::ValidBallots, VoteMethod::SecretBallot) => "số phiếu hợp lệ",
        (Denominator::ValidBallots, VoteMethod::Open) => "số thành viên biểu quyết",
    }
}

/// "tối thiểu 80% tổng số thành viên Hội đồng", "trên 50% …".
pub(crate) fn threshold_words(rule: &VoteRule) -> String {
    let cmp = match rule.threshold.comparison {
        Comparison::AtLeast => "tối thiểu",
        Comparison::MoreThan => "trên",
    };
    format!(
        "{cmp} {} {}",
        rule.threshold.share.label(),
        denominator_words(rule)
    )
}

/// A share in tenths of a percent as Vietnamese writes it: "81,8%".
pub(crate) fn percent(permille: u32) -> String {
    numbers::percent(permille, Lang::Vi)
}

/// A computed score as Vietnamese writes it: "68,1".
pub(crate) fn decimal(value: f64) -> String {
    numbers::one_decimal(value, Lang::Vi)
}

pub(crate) fn col(title: &str, width: u16, align: Align) -> Column {
    Column {
        title: title.into(),
        width,
        align,
    }
}

pub(crate) const SIGN_HINT: &str = "(Ký, ghi rõ họ tên)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_decree_30() {
        let w = When::parse("2026-01-05T08:30").unwrap_or_else(|| panic!("parse"));
        assert_eq!(w.date_words(), "ngày 05 tháng 01 năm 2026");
        assert_eq!(w.time_words(), "08 giờ 30 phút");
        let w = When::parse("2026-11-20").unwrap_or_else(|| panic!("parse"));
        assert_eq!(w.date_words(), "ngày 20 tháng 11 năm 2026");
        assert_eq!(When::parse("20/11/2026"), None);
    }

    #[test]
    fn percent_uses_a_decimal_comma() {
        assert_eq!(percent(818), "81,8%");
        assert_eq!(percent(1000), "100,0%");
    }
}
