//! The words of the ballot-count record (biên bản kiểm phiếu) and of vote
//! rules, in Vietnamese as the record is written.

use super::Lang;
use crate::domain::ballot_record::{AbsentMember, TieNote};
use crate::domain::vote::{Comparison, Denominator, VoteMethod, VoteRule};

/// The rule in words, Vietnamese: "tối thiểu 80% tổng số thành viên Hội đồng".
pub fn rule_label(rule: &VoteRule) -> String {
    let cmp = match rule.threshold.comparison {
        Comparison::AtLeast => "tối thiểu",
        Comparison::MoreThan => "trên",
    };
    let on = match rule.denominator {
        Denominator::AllMembers => "tổng số thành viên Hội đồng",
        Denominator::Present => "số thành viên có mặt",
        Denominator::ValidBallots => match rule.method {
            VoteMethod::SecretBallot => "số phiếu hợp lệ",
            VoteMethod::Open => "số thành viên biểu quyết",
        },
    };
    format!("{cmp} {} {on}", rule.threshold.share.label())
}

/// A vote method in words.
pub fn method_words(m: VoteMethod, lang: Lang) -> &'static str {
    match (m, lang) {
        (VoteMethod::SecretBallot, Lang::Vi) => "bỏ phiếu kín",
        (VoteMethod::Open, Lang::Vi) => "biểu quyết công khai",
        (VoteMethod::SecretBallot, Lang::En) => "secret ballot",
        (VoteMethod::Open, Lang::En) => "open vote",
    }
}

/// What a share is counted on, in words.
pub fn denominator_words(d: Denominator, lang: Lang) -> &'static str {
    match (d, lang) {
        (Denominator::AllMembers, Lang::Vi) => "tổng số thành viên Hội đồng",
        (Denominator::Present, Lang::Vi) => "số thành viên có mặt",
        (Denominator::ValidBallots, Lang::Vi) => "số phiếu hợp lệ",
        (Denominator::AllMembers, Lang::En) => "all members",
        (Denominator::Present, Lang::En) => "members present",
        (Denominator::ValidBallots, Lang::En) => "valid ballots",
    }
}

/// The share a rule asks for, in words.
pub fn share_words(r: &VoteRule, lang: Lang) -> String {
    match lang {
        Lang::Vi => rule_label(r),
        Lang::En => format!(
            "{} {} of {}",
            match r.threshold.comparison {
                Comparison::AtLeast => "at least",
                Comparison::MoreThan => "more than",
            },
            r.threshold.share.label(),
            denominator_words(r.denominator, lang)
        ),
    }
}

/// Why a member did not vote: the reason recorded, or that attendance was
/// not taken.
pub fn absence_reason(a: &AbsentMember) -> &str {
    a.reason.as_deref().unwrap_or("chưa điểm danh")
}

/// The record's note on a group of equal votes ordered by the preference for women.
pub fn tie_note(n: &TieNote) -> String {
    format!(
        "{} bằng số phiếu ({} phiếu): xếp trước {} theo nguyên tắc ưu tiên nữ và tập thể có từ {}% nữ trở lên (Điều 4 Nghị định 152/2025/NĐ-CP).",
        n.names.join(", "),
        n.votes,
        n.preferred.join(", "),
        n.women_share
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vote::{Share, Threshold};

    #[test]
    fn rule_in_words() {
        let r = VoteRule {
            award: "cstdcs".into(),
            level: "ward".into(),
            method: VoteMethod::SecretBallot,
            also_allowed: Vec::new(),
            threshold: Threshold {
                share: Share::new(80, 100),
                comparison: Comparison::AtLeast,
            },
            denominator: Denominator::AllMembers,
            count_written_opinions: true,
            quorum: Threshold {
                share: Share::new(2, 3),
                comparison: Comparison::AtLeast,
            },
            source: String::new(),
            is_default: true,
            women_share: 70,
        };
        assert_eq!(rule_label(&r), "tối thiểu 80% tổng số thành viên Hội đồng");
    }

    #[test]
    fn a_tie_note_names_the_group_and_who_went_first() {
        let note = tie_note(&TieNote {
            names: vec!["Lê Thị Mai".into(), "Trần Văn Bình".into()],
            preferred: vec!["Lê Thị Mai".into()],
            votes: 8,
            women_share: 60,
        });
        assert!(note.contains("Lê Thị Mai, Trần Văn Bình bằng số phiếu (8 phiếu)"));
        assert!(note.contains("xếp trước Lê Thị Mai"));
        assert!(note.contains("có từ 60% nữ trở lên"));
    }
}
