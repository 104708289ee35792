//! The meetings printed as aligned text for `hoidong meetings` and
//! `hoidong meeting show / ballot-record`.

use std::fmt::Write as _;

use anyhow::Context;
use unicode_width::UnicodeWidthStr;

use hoidong::domain::ballot_record::ballot_count_record;
use hoidong::domain::meeting::MeetingStatus;
use hoidong::domain::record::MeetingRecord;
use hoidong::domain::vote::{Threshold, VoteMethod};
use hoidong::i18n::Lang;
use hoidong::i18n::ballots::{absence_reason, rule_label, tie_note};
use hoidong::i18n::cli_meeting_show_words::{self as words, ShowWords};
use hoidong::i18n::numbers;
use hoidong::store::Store;

pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(c.width());
            }
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let mut s = String::from(" ");
        for (i, c) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(c.width());
            s.push_str(c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(pad + 2));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(header.to_vec());
    out += &line(
        widths
            .iter()
            .map(|w| "─".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(|s| s.as_str())
            .collect(),
    );
    for r in rows {
        out += &line(r.iter().map(|s| s.as_str()).collect());
    }
    out
}

fn when(iso: &str) -> String {
    chrono::NaiveDateTime::parse_from_str(iso, "%Y-%m-%dT%H:%M")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(iso, "%Y-%m-%dT%H:%M:%S"))
        .map(|d| d.format("%d/%m/%Y %H:%M").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

/// `hoidong meetings`: one line per meeting, headers and states in `lang`.
pub fn meetings_text(store: &Store, lang: Lang) -> anyhow::Result<String> {
    let vi = lang == Lang::Vi;
    let rows: Vec<Vec<String>> = store
        .meetings()?
        .into_iter()
        .map(|s| {
            vec![
                s.meeting.id.to_string(),
                s.meeting.number.clone(),
                when(&s.meeting.starts_at),
                words::meeting_status(s.meeting.status, lang).to_string(),
                format!("{}/{}", s.present, s.members),
                s.agenda_items.to_string(),
                s.rounds.to_string(),
                s.meeting.subject,
            ]
        })
        .collect();
    if rows.is_empty() {
        return Ok(if vi {
            "chưa có phiên họp nào\n".into()
        } else {
            "no meetings yet\n".into()
        });
    }
    let headers: [&str; 8] = if vi {
        [
            "Mã",
            "Số",
            "Thời gian",
            "Trạng thái",
            "Có mặt",
            "Hồ sơ",
            "Lần BQ",
            "Nội dung",
        ]
    } else {
        [
            "ID", "Number", "Starts", "Status", "Present", "Items", "Rounds", "Subject",
        ]
    };
    Ok(table(&headers, &rows))
}

fn threshold_label(t: &Threshold) -> String {
    let cmp = match t.comparison {
        hoidong::domain::vote::Comparison::AtLeast => "≥",
        hoidong::domain::vote::Comparison::MoreThan => ">",
    };
    format!("{cmp} {}", t.share.label())
}

fn quorum_line(store: &Store, rec: &MeetingRecord, lang: Lang) -> anyhow::Result<String> {
    let w = ShowWords::of(lang);
    // Once votes exist, the quorum shown is the one the votes were taken under.
    let applied = rec
        .rounds
        .last()
        .and_then(|r| r.results.first())
        .map(|v| (v.rule.quorum, w.as_applied));
    let counts = rec.attendance_counts();
    let (rule, source) = match applied {
        Some(a) => a,
        None => {
            let q = store.quorum(rec.meeting.id)?;
            let tag = if q.rule_is_default {
                w.default_rule
            } else {
                w.council_rule
            };
            (q.rule, tag)
        }
    };
    let needed = rule
        .minimum_count(counts.members_total)
        .map_or("-".to_string(), |n| n.to_string());
    let verdict = if counts.quorum_met(&rule) {
        w.met
    } else {
        w.not_met
    };
    Ok(words::quorum(
        lang,
        counts.present,
        counts.members_total,
        &threshold_label(&rule),
        source,
        &needed,
        verdict,
    ) + "\n")
}

/// `hoidong meeting show`: every label, state and number in `lang`.
pub fn show_text(store: &Store, id: i64, lang: Lang) -> anyhow::Result<String> {
    let w = ShowWords::of(lang);
    let rec = store.meeting_record(id)?;
    let m = &rec.meeting;
    let mut out = String::new();
    writeln!(
        out,
        "{} {} · {} · {}",
        w.meeting,
        m.id,
        m.number,
        words::meeting_status(m.status, lang)
    )?;
    writeln!(out, "{}", m.subject)?;
    writeln!(out, "{} · {}", when(&m.starts_at), m.place)?;
    if let (Some(start), Some(end)) = (&m.held_start, &m.held_end) {
        writeln!(
            out,
            "{}: {}–{} · {}",
            w.held,
            when(start),
            end.get(11..16).unwrap_or(end),
            m.held_place_or_planned()
        )?;
    }
    let name = |x: &Option<hoidong::domain::council::Member>| {
        x.as_ref().map_or("-".to_string(), |m| m.name.clone())
    };
    writeln!(
        out,
        "{}: {} · {}: {}",
        w.chair,
        name(&rec.chair),
        w.secretary,
        name(&rec.secretary)
    )?;
    if let Some(t) = &m.opened_at {
        write!(out, "{} {}", w.opened, when(t))?;
        if let Some(c) = &m.closed_at {
            write!(out, " · {} {}", w.closed_at, when(c))?;
        }
        writeln!(out)?;
    }
    if m.status == MeetingStatus::Closed {
        writeln!(out, "{}", w.closed_read_only)?;
    }

    let c = rec.attendance_counts();
    let counts = words::attendance(
        lang,
        c.present,
        c.absent,
        c.written_opinions,
        c.members_total,
    );
    writeln!(out, "\n{counts}")?;
    let rows: Vec<Vec<String>> = rec
        .attendance
        .iter()
        .map(|a| {
            vec![
                a.member.id.to_string(),
                a.member.name.clone(),
                a.member.position.clone(),
                words::presence(&a.presence, lang).to_string(),
                a.presence.reason().to_string(),
            ]
        })
        .collect();
    out += &table(&w.attendance_header, &rows);
    out += &quorum_line(store, &rec, lang)?;
    if !rec.counting_committee.is_empty() {
        let names: Vec<String> = rec
            .counting_committee
            .iter()
            .map(|c| {
                if c.is_head {
                    format!("{} ({})", c.member.name, w.head)
                } else {
                    c.member.name.clone()
                }
            })
            .collect();
        writeln!(out, "{}: {}", w.counting_committee, names.join(", "))?;
    }
    for g in &rec.guests {
        writeln!(out, "{}: {}, {}", w.guest, g.name, g.position)?;
    }

    writeln!(out, "\n{}", w.agenda)?;
    let rows: Vec<Vec<String>> = rec
        .agenda
        .iter()
        .map(|e| {
            let mut row = vec![
                e.item.position.to_string(),
                e.nomination.id.to_string(),
                e.nominee.name.clone(),
                e.award_short.clone(),
                e.score
                    .map_or("-".into(), |s| numbers::one_decimal(s, lang)),
                lang.strings().status(e.nomination.status).to_string(),
            ];
            match rec.latest_result(e.nomination.id) {
                Some((round, v)) => {
                    let t = v.tally;
                    let written = t.written_agree + t.written_disagree;
                    row.extend([
                        round.round_no.to_string(),
                        words::method(round.method, lang).to_string(),
                        t.agree.to_string(),
                        t.disagree.to_string(),
                        if round.method == VoteMethod::Open {
                            t.abstain.to_string()
                        } else {
                            "-".into()
                        },
                        if written > 0 {
                            format!("+{} −{}", t.written_agree, t.written_disagree)
                        } else {
                            "-".into()
                        },
                        format!("{}/{}", v.outcome.counted_agree, v.outcome.denominator),
                        v.outcome.share_label(lang),
                        rule_label(&v.rule),
                        if v.outcome.passed { w.pass } else { w.fail }.into(),
                    ]);
                }
                None => row.extend([w.not_voted.to_string()]),
            }
            row
        })
        .collect();
    out += &table(&w.agenda_header, &rows);

    if !rec.rounds.is_empty() {
        writeln!(out, "\n{}", w.rounds)?;
        for r in &rec.rounds {
            let b = &r.round;
            let line = words::RoundLine {
                round_no: b.round_no,
                at: &when(&b.recorded_at),
                ballots: (b.method == VoteMethod::SecretBallot).then_some([
                    b.ballots.issued,
                    b.ballots.returned,
                    b.ballots.valid,
                    b.ballots.invalid,
                ]),
                present: b.attendance.present,
                members: b.attendance.members_total,
                nominees: r.results.len(),
            };
            out += &line.say(lang);
            if let Some(orig) = b.amends_round {
                let no = rec
                    .rounds
                    .iter()
                    .find(|x| x.round.id == orig)
                    .map_or(0, |x| x.round.round_no);
                let reason = b.amendment_reason.as_deref().unwrap_or("");
                out += &words::amends(lang, no, reason);
            }
            if let Some(reason) = &b.revote_reason {
                out += &words::vote_again(lang, reason);
            }
            writeln!(out)?;
        }
    }
    if !rec.notes.is_empty() {
        writeln!(out, "\n{}", w.notes)?;
        for n in &rec.notes {
            let item = n
                .agenda_item_id
                .and_then(|i| rec.agenda.iter().find(|e| e.item.id == i))
                .map(|e| format!(" [{}]", e.nominee.name))
                .unwrap_or_default();
            writeln!(
                out,
                " {} {}{}: {}",
                when(&n.at),
                words::note_kind(n.kind, lang),
                item,
                n.text
            )?;
        }
    }
    Ok(out)
}

pub fn ballot_record_text(
    store: &Store,
    id: i64,
    round_no: u32,
    lang: Lang,
) -> anyhow::Result<String> {
    let rec = store.meeting_record(id)?;
    let round = rec
        .rounds
        .iter()
        .find(|r| r.round.round_no == round_no)
        .with_context(|| match lang {
            Lang::Vi => format!("cuộc họp {id} không có lần biểu quyết {round_no}"),
            Lang::En => format!("meeting {id} has no round {round_no}"),
        })?;
    let b = ballot_count_record(&rec, round.round.id).with_context(|| match lang {
        Lang::Vi => format!("lần {round_no} là biểu quyết công khai: không có phiếu bầu để kiểm"),
        Lang::En => format!("round {round_no} was an open vote: it has no ballot papers"),
    })?;
    let mut out = String::new();
    writeln!(
        out,
        "BIÊN BẢN KIỂM PHIẾU · {} · vòng {}",
        b.meeting_number, b.round_no
    )?;
    writeln!(out, "{} — {}", b.council_name, b.founding_decision)?;
    if let (Some(n), Some(r)) = (b.amends_round_no, &b.amendment_reason) {
        writeln!(out, "Đính chính vòng {n}: {r}")?;
    }
    let head = b
        .committee_head
        .as_ref()
        .map_or("-".into(), |m| m.name.clone());
    let others: Vec<&str> = b
        .committee_members
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    writeln!(
        out,
        "Trưởng ban kiểm phiếu: {head}; thành viên: {}",
        others.join(", ")
    )?;
    writeln!(
        out,
        "Thành viên theo quyết định: {}; tham gia bỏ phiếu: {}",
        b.members_total, b.members_voting
    )?;
    for a in &b.not_voting {
        let opinion = if a.written_opinion {
            " (có ý kiến bằng văn bản)"
        } else {
            ""
        };
        writeln!(
            out,
            "  không bỏ phiếu: {} — {}{opinion}",
            a.name,
            absence_reason(a)
        )?;
    }
    writeln!(
        out,
        "Phiếu phát ra {}, thu về {}, hợp lệ {}, không hợp lệ {}",
        b.ballots.issued, b.ballots.returned, b.ballots.valid, b.ballots.invalid
    )?;
    let rows: Vec<Vec<String>> = b
        .rows
        .iter()
        .map(|r| {
            vec![
                r.rank.to_string(),
                r.name.clone(),
                r.birth_year.map_or("-".into(), |y| y.to_string()),
                r.sex
                    .map_or("-", |s| match s {
                        hoidong::domain::nominee::Sex::Female => "Nữ",
                        hoidong::domain::nominee::Sex::Male => "Nam",
                    })
                    .into(),
                r.award_short.clone(),
                format!("{}/{}", r.votes, r.denominator),
                numbers::percent(r.share_permille, lang),
                if r.passed { "Đạt" } else { "Không đạt" }.into(),
            ]
        })
        .collect();
    out += &table(
        &[
            "TT",
            "Họ và tên",
            "Năm sinh",
            "Giới tính",
            "Hình thức",
            "Số phiếu",
            "Tỷ lệ",
            "Kết quả",
        ],
        &rows,
    );
    for n in &b.tie_notes {
        writeln!(out, "Ghi chú: {}", tie_note(n))?;
    }
    Ok(out)
}
