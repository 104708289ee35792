//! What `hoidong decide / refer / referral / history / register / hold /
//! awards-board …` print, in Vietnamese and English.

use crate::i18n::Lang;

/// A line of the awards commands, before it is put into words.
pub enum Said<'a> {
    Decided {
        nomination: i64,
    },
    /// The log's head after a decision, to be written on the signed paper.
    Anchor {
        head: &'a str,
    },
    Referred {
        nomination: i64,
        referral: i64,
    },
    Forwarded {
        referral: i64,
        child: i64,
    },
    RulesLoaded {
        file: &'a str,
    },
    RulesReset,
    NoNomineeMatches {
        text: &'a str,
    },
    SeveralNominees {
        text: &'a str,
        list: &'a str,
    },
    HoldOpen,
    HoldLifted {
        date: &'a str,
    },
    Hold {
        id: i64,
        reason: &'a str,
        from: &'a str,
        state: &'a str,
    },
    NoAwards,
    EntryAdded {
        id: i64,
    },
    HeldBack {
        id: i64,
        nominee: i64,
    },
    Lifted {
        hold: i64,
    },
    ReferralHead {
        id: i64,
        nomination: i64,
        name: &'a str,
        award: &'a str,
        level: &'a str,
        status: &'a str,
    },
    SubmissionOf {
        number: &'a str,
        date: &'a str,
    },
    Override {
        reason: &'a str,
    },
    Dossier,
    Timeline,
    BoardByLevel,
    BoardWaiting,
    Waiting {
        days: &'a str,
        referral: i64,
        name: &'a str,
        award: &'a str,
        level: &'a str,
        status: &'a str,
    },
    BoardByYear,
    BoardPrizes,
    PrizeYear {
        year: &'a str,
        amount: &'a str,
        counted: &'a str,
        without: &'a str,
    },
}

impl Said<'_> {
    pub fn say(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Said::Decided { nomination } if vi => {
                format!("hồ sơ đề nghị {nomination}: đã quyết định và ghi vào sổ khen thưởng")
            }
            Said::Decided { nomination } => {
                format!("nomination {nomination}: decided and entered in the register")
            }
            Said::Anchor { head } if vi => format!("Mốc nhật ký (hoidong check --anchor): {head}"),
            Said::Anchor { head } => format!("Log anchor (hoidong check --anchor): {head}"),
            Said::Referred {
                nomination,
                referral,
            } if vi => {
                format!("hồ sơ đề nghị {nomination}: đã lập hồ sơ trình cấp trên {referral}")
            }
            Said::Referred {
                nomination,
                referral,
            } => {
                format!("nomination {nomination}: referral {referral} prepared")
            }
            Said::Forwarded { referral, child } if vi => format!(
                "đã chuyển hồ sơ trình {referral}: lập hồ sơ trình {child} lên cấp tiếp theo"
            ),
            Said::Forwarded { referral, child } => format!(
                "referral {referral} forwarded: referral {child} prepared for the next level"
            ),
            Said::RulesLoaded { file } if vi => format!("đã nạp quy tắc xét điều kiện từ {file}"),
            Said::RulesLoaded { file } => format!("eligibility rules loaded from {file}"),
            Said::RulesReset if vi => "đã đặt lại quy tắc xét điều kiện như mặc định".into(),
            Said::RulesReset => "eligibility rules reset to the shipped defaults".into(),
            Said::NoNomineeMatches { text } if vi => {
                format!("không có đối tượng nào khớp với “{text}”")
            }
            Said::NoNomineeMatches { text } => format!("no nominee matches “{text}”"),
            Said::SeveralNominees { text, list } if vi => {
                format!("“{text}” khớp với nhiều đối tượng; hãy ghi mã số:\n{list}")
            }
            Said::SeveralNominees { text, list } => {
                format!("“{text}” matches several nominees; give the id:\n{list}")
            }
            Said::HoldOpen if vi => "đang hiệu lực".into(),
            Said::HoldOpen => "open".into(),
            Said::HoldLifted { date } if vi => format!("đã bỏ {date}"),
            Said::HoldLifted { date } => format!("lifted {date}"),
            Said::Hold {
                id,
                reason,
                from,
                state,
            } if vi => {
                format!("  tạm hoãn {id}: {reason} (từ {from}, {state})")
            }
            Said::Hold {
                id,
                reason,
                from,
                state,
            } => {
                format!("  hold {id}: {reason} (from {from}, {state})")
            }
            Said::NoAwards if vi => "  chưa có khen thưởng nào trong sổ".into(),
            Said::NoAwards => "  no awards in the register".into(),
            Said::EntryAdded { id } if vi => format!("đã thêm dòng sổ khen thưởng {id}"),
            Said::EntryAdded { id } => format!("register entry {id} added"),
            Said::HeldBack { id, nominee } if vi => {
                format!("tạm hoãn {id}: tạm hoãn khen thưởng của đối tượng {nominee}")
            }
            Said::HeldBack { id, nominee } => {
                format!("hold {id}: awards of nominee {nominee} held back")
            }
            Said::Lifted { hold } if vi => format!("đã bỏ tạm hoãn {hold}"),
            Said::Lifted { hold } => format!("hold {hold} lifted"),
            Said::ReferralHead {
                id,
                nomination,
                name,
                award,
                level,
                status,
            } if vi => format!(
                "hồ sơ trình {id} — hồ sơ đề nghị {nomination} {name} — {award} — lên {level} — {status}"
            ),
            Said::ReferralHead {
                id,
                nomination,
                name,
                award,
                level,
                status,
            } => format!(
                "referral {id} — nomination {nomination} {name} — {award} — to {level} — {status}"
            ),
            Said::SubmissionOf { number, date } if vi => format!("  tờ trình {number} ngày {date}"),
            Said::SubmissionOf { number, date } => format!("  tờ trình {number} of {date}"),
            Said::Override { reason } if vi => format!("  trình dù chưa đủ điều kiện: {reason}"),
            Said::Override { reason } => format!("  override: {reason}"),
            Said::Dossier if vi => "  thành phần hồ sơ:".into(),
            Said::Dossier => "  dossier:".into(),
            Said::Timeline if vi => "  diễn biến:".into(),
            Said::Timeline => "  timeline:".into(),
            Said::BoardByLevel if vi => "hồ sơ đề nghị theo cấp và trạng thái:".into(),
            Said::BoardByLevel => "nominations per level and status:".into(),
            Said::BoardWaiting if vi => "hồ sơ trình đang chờ (lâu nhất trước):".into(),
            Said::BoardWaiting => "referrals waiting (longest first):".into(),
            Said::Waiting {
                days,
                referral,
                name,
                award,
                level,
                status,
            } if vi => format!(
                "  {days} ngày  hồ sơ trình {referral} {name} — {award} — {level} ({status})"
            ),
            Said::Waiting {
                days,
                referral,
                name,
                award,
                level,
                status,
            } => {
                format!("  {days} days  referral {referral} {name} — {award} — {level} ({status})")
            }
            Said::BoardByYear if vi => "khen thưởng theo năm và cấp:".into(),
            Said::BoardByYear => "awards per year and level:".into(),
            Said::BoardPrizes if vi => "tiền thưởng theo năm (theo data/prizes.toml):".into(),
            Said::BoardPrizes => "prize money per year (from data/prizes.toml):".into(),
            Said::PrizeYear {
                year,
                amount,
                counted,
                without,
            } if vi => format!(
                "  {year}: {amount} đ cho {counted} khen thưởng ({without} chưa có mức tiền)"
            ),
            Said::PrizeYear {
                year,
                amount,
                counted,
                without,
            } => format!("  {year}: {amount} đ for {counted} awards ({without} without a figure)"),
        }
    }
}
