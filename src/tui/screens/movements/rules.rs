//! The council's rules, one figure a line: the aggregation of scores, the
//! share of women for ties, and for each award's vote rule its method, share,
//! denominator, written opinions, quorum and source. Each figure says whether
//! it is the shipped default ("mặc định") or the council's, and the screen
//! says that defaults are not law. A choice cycles on Enter; a number is asked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::SetupPrompt;
use crate::domain::council_settings::{parse_share, parse_women_share};
use crate::domain::scoring::Aggregation;
use crate::domain::vote::{Denominator, VoteMethod, VoteRule};
use crate::i18n::ballots::{denominator_words, method_words, share_words};
use crate::i18n::strings::Strings;
use crate::i18n::strings_setup::setup;
use crate::store::rules::VoteRuleChange;
use crate::store::{Result, Store, StoreError};
use crate::tui::action::{Action, MovementsAction};
use crate::tui::command::Command;
use crate::tui::keymap::Context;
use crate::tui::modals::prompt::PromptFor;
use crate::tui::screen::{Ctx, Outcome, Screen};
use crate::tui::theme::THEME;
use crate::tui::widgets::table::fit;

/// What Enter does on a line.
#[derive(Debug, Clone, PartialEq)]
enum Figure {
    Aggregation,
    WomenShare,
    /// A heading: the award the lines below are for.
    Heading,
    Method(usize),
    Share(usize),
    Denominator(usize),
    Written(usize),
    Quorum(usize),
    Source(usize),
}

struct Row {
    label: String,
    value: String,
    is_default: bool,
    figure: Figure,
}

pub struct Rules {
    strings: &'static Strings,
    rules: Vec<VoteRule>,
    rows: Vec<Row>,
    selected: usize,
}

fn aggregation_words(a: Aggregation, s: &Strings) -> String {
    format!("{} ({})", s.aggregation_method(a), a.code())
}

impl Rules {
    /// The screen over `store`, in the interface's language: every figure
    /// of the council's rules.
    pub fn open(store: &Store, strings: &'static Strings) -> Result<Rules> {
        let mut r = Rules {
            strings,
            rules: Vec::new(),
            rows: Vec::new(),
            selected: 1,
        };
        r.read(store)?;
        Ok(r)
    }

    fn read(&mut self, store: &Store) -> Result<()> {
        let s = self.strings;
        let t = setup(s);
        let settings = store.council_settings()?;
        let catalogue = store.catalogue()?;
        self.rules = store.vote_rules()?;
        let mut rows = vec![
            Row {
                label: t.aggregation.into(),
                value: aggregation_words(settings.aggregation.value, s),
                is_default: settings.aggregation.is_default,
                figure: Figure::Aggregation,
            },
            Row {
                label: t.women_share.into(),
                value: format!("{}% {}", settings.women_share.value, t.women),
                is_default: settings.women_share.is_default,
                figure: Figure::WomenShare,
            },
        ];
        for (i, r) in self.rules.iter().enumerate() {
            let name = if r.award == "*" {
                t.general_rule.to_string()
            } else {
                catalogue
                    .awards
                    .iter()
                    .find(|a| a.code == r.award)
                    .map_or(r.award.clone(), |a| a.name.clone())
            };
            let line = |label: &str, value: String, figure| Row {
                label: format!("  {label}"),
                value,
                is_default: r.is_default,
                figure,
            };
            rows.push(Row {
                label: format!("{name} ({}, {})", r.award, r.level),
                value: String::new(),
                is_default: r.is_default,
                figure: Figure::Heading,
            });
            let methods: Vec<&str> = std::iter::once(r.method)
                .chain(r.also_allowed.iter().copied())
                .map(|m| method_words(m, s.lang))
                .collect();
            rows.push(line(t.method, methods.join(", "), Figure::Method(i)));
            rows.push(line(t.share, share_words(r, s.lang), Figure::Share(i)));
            rows.push(line(
                t.denominator,
                denominator_words(r.denominator, s.lang).into(),
                Figure::Denominator(i),
            ));
            rows.push(line(
                t.written,
                if r.count_written_opinions {
                    t.counted
                } else {
                    t.not_counted
                }
                .into(),
                Figure::Written(i),
            ));
            rows.push(line(t.quorum, r.quorum.share.label(), Figure::Quorum(i)));
            rows.push(line(t.source, r.source.clone(), Figure::Source(i)));
        }
        self.rows = rows;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        Ok(())
    }

    fn change(&self, store: &mut Store, i: usize, change: VoteRuleChange) -> Result<()> {
        let r = self.rules.get(i).ok_or(StoreError::NotFound {
            what: "rule",
            id: i.to_string(),
        })?;
        store
            .change_vote_rule(&r.award, &r.level, &change)
            .map(|_| ())
    }

    fn prompt(question: String, label: &'static str, purpose: SetupPrompt) -> Outcome {
        Outcome::Prompt {
            question,
            label,
            value: String::new(),
            purpose: PromptFor::Movements(purpose),
        }
    }

    /// Enter on the selected line: a choice cycles, a number is asked.
    fn edit(&mut self, cx: &mut Ctx) -> Outcome {
        let t = setup(cx.strings);
        let Some(row) = self.rows.get(self.selected) else {
            return Outcome::Nothing;
        };
        let rule = |i: usize| self.rules.get(i).cloned();
        let result = match row.figure.clone() {
            Figure::Heading => return Outcome::Nothing,
            Figure::WomenShare => {
                return Self::prompt(
                    t.percent_question.into(),
                    t.value_label,
                    SetupPrompt::WomenShare,
                );
            }
            Figure::Aggregation => {
                let now = cx.store.aggregation();
                now.and_then(|a| {
                    let at = Aggregation::ALL.iter().position(|x| *x == a).unwrap_or(0);
                    let next = Aggregation::ALL[(at + 1) % Aggregation::ALL.len()];
                    cx.store.set_aggregation(next)
                })
            }
            Figure::Method(i) => match rule(i) {
                Some(r) => {
                    let next = match r.method {
                        VoteMethod::SecretBallot => VoteMethod::Open,
                        VoteMethod::Open => VoteMethod::SecretBallot,
                    };
                    self.change(
                        cx.store,
                        i,
                        VoteRuleChange {
                            method: Some(next),
                            ..VoteRuleChange::default()
                        },
                    )
                }
                None => return Outcome::Nothing,
            },
            Figure::Denominator(i) => match rule(i) {
                Some(r) => {
                    let next = match r.denominator {
                        Denominator::AllMembers => Denominator::Present,
                        Denominator::Present => Denominator::ValidBallots,
                        Denominator::ValidBallots => Denominator::AllMembers,
                    };
                    self.change(
                        cx.store,
                        i,
                        VoteRuleChange {
                            denominator: Some(next),
                            ..VoteRuleChange::default()
                        },
                    )
                }
                None => return Outcome::Nothing,
            },
            Figure::Written(i) => match rule(i) {
                Some(r) => self.change(
                    cx.store,
                    i,
                    VoteRuleChange {
                        count_written_opinions: Some(!r.count_written_opinions),
                        ..VoteRuleChange::default()
                    },
                ),
                None => return Outcome::Nothing,
            },
            Figure::Share(i) | Figure::Quorum(i) | Figure::Source(i) => {
                let Some(r) = rule(i) else {
                    return Outcome::Nothing;
                };
                let (award, level) = (r.award.clone(), r.level.clone());
                let (question, purpose) = match row.figure {
                    Figure::Share(_) => (t.share_question, SetupPrompt::Share { award, level }),
                    Figure::Quorum(_) => (t.share_question, SetupPrompt::Quorum { award, level }),
                    _ => (t.source_question, SetupPrompt::Source { award, level }),
                };
                let label = row.label.trim().to_string();
                return Self::prompt(question.replace("{}", &label), t.value_label, purpose);
            }
        };
        self.after(result, cx)
    }

    fn after(&mut self, result: Result<()>, cx: &mut Ctx) -> Outcome {
        match result.and_then(|()| self.read(cx.store)) {
            Ok(()) => Outcome::Status(setup(cx.strings).saved.to_string()),
            Err(e) => Outcome::Failed(e),
        }
    }

    fn answer(&mut self, p: &SetupPrompt, answer: &str, cx: &mut Ctx) -> Outcome {
        let change = |award: &str, level: &str, c: VoteRuleChange, store: &mut Store| {
            store.change_vote_rule(award, level, &c).map(|_| ())
        };
        let result = match p {
            SetupPrompt::WomenShare => parse_women_share(answer)
                .map_err(StoreError::Rules)
                .and_then(|v| cx.store.set_women_share(v)),
            SetupPrompt::Share { award, level } => parse_share(answer)
                .map_err(StoreError::Rules)
                .and_then(|v| {
                    let c = VoteRuleChange {
                        share: Some(v),
                        ..VoteRuleChange::default()
                    };
                    change(award, level, c, cx.store)
                }),
            SetupPrompt::Quorum { award, level } => parse_share(answer)
                .map_err(StoreError::Rules)
                .and_then(|v| {
                    let c = VoteRuleChange {
                        quorum: Some(v),
                        ..VoteRuleChange::default()
                    };
                    change(award, level, c, cx.store)
                }),
            SetupPrompt::Source { award, level } => {
                let c = VoteRuleChange {
                    source: Some(answer.to_string()),
                    ..VoteRuleChange::default()
                };
                change(award, level, c, cx.store)
            }
            _ => return Outcome::Nothing,
        };
        self.after(result, cx)
    }

    fn draw(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        let t = setup(s);
        Clear.render(area, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(THEME.border_focused)
            .title(Line::styled(format!(" {} ", t.rules_title), THEME.title));
        let inner = block.inner(area);
        block.render(area, buf);
        let w = usize::from(inner.width);
        let mut lines = vec![Line::styled(t.rules_note.to_string(), THEME.dim)];
        let note_height = crate::tui::widgets::table::wrap(t.rules_note, w.max(1)).len();
        lines.push(Line::default());
        let label_w = (w / 2).min(36);
        let mark_w = crate::tui::widgets::table::width(t.council_mark)
            .max(crate::tui::widgets::table::width(t.default_mark))
            + 3;
        let room = usize::from(inner.height)
            .saturating_sub(note_height + 1)
            .max(1);
        let skip = (self.selected + 1).saturating_sub(room);
        for (i, row) in self.rows.iter().enumerate().skip(skip).take(room) {
            // The mark goes on the settings and on each rule's heading.
            let marked = row.figure == Figure::Heading || i < 2;
            let mark = match (marked, row.is_default) {
                (false, _) => String::new(),
                (true, true) => format!("[{}]", t.default_mark),
                (true, false) => format!("[{}]", t.council_mark),
            };
            let style = if i == self.selected {
                THEME.selected
            } else if row.figure == Figure::Heading {
                THEME.heading
            } else {
                ratatui::style::Style::new()
            };
            let rest = w.saturating_sub(if marked { mark_w } else { 0 });
            let text = if row.figure == Figure::Heading {
                fit(&row.label, rest)
            } else {
                format!(
                    "{} {}",
                    fit(&row.label, label_w),
                    fit(&row.value, rest.saturating_sub(label_w + 1))
                )
            };
            let mut spans = vec![Span::styled(text, style)];
            if marked {
                spans.push(Span::styled(fit(&mark, mark_w), THEME.dim));
            }
            lines.push(Line::from(spans));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}

impl Screen for Rules {
    fn context(&self) -> Context {
        Context::Rules
    }

    fn apply(&mut self, action: &Action, cx: &mut Ctx) -> Outcome {
        match action {
            Action::Close => Outcome::Close,
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                Outcome::Nothing
            }
            Action::Down => {
                self.selected = (self.selected + 1).min(self.rows.len().saturating_sub(1));
                Outcome::Nothing
            }
            Action::Movements(MovementsAction::Edit) => self.edit(cx),
            _ => Outcome::Nothing,
        }
    }

    fn run(&mut self, command: &Command, cx: &mut Ctx) -> Outcome {
        match command {
            Command::Movements(p, answer) => self.answer(p, answer, cx),
            _ => Outcome::Nothing,
        }
    }

    fn reload(&mut self, cx: &mut Ctx) -> std::result::Result<(), StoreError> {
        self.read(cx.store)
    }

    fn render(&self, s: &Strings, area: Rect, buf: &mut Buffer) {
        self.draw(s, area, buf);
    }
}
