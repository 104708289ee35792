//! Opening the tally dialog of meeting mode: which method it records (the
//! rule's default, or the other one the rule allows, switched with F2), which
//! nominees it offers, and the form that corrects a round of a closed meeting.

use crate::domain::meeting::{Presence, check_committee_present};
use crate::domain::vote::{VoteMethod, find_rule};
use crate::i18n::strings::Strings;
use crate::store::refusal::MeetingRefusal;
use crate::tui::screens::meeting::{Input, MeetingMode};
use crate::tui::screens::tally_form::{TallyForm, TallyItem};
use crate::tui::widgets::award_name::award_in_column;

impl MeetingMode {
    /// Open the tally form for the current item by its rule's method, with
    /// the other items still to vote on that allow it (one paper may cover
    /// many). `revote` carries the reason when the item is voted on again.
    pub(super) fn start_vote(&mut self, s: &Strings, revote: Option<String>) {
        if !self.writable(s, true) {
            return;
        }
        let Some(method) = self.current_rule().map(|r| r.method) else {
            // No rule: the store names what is missing when the round is saved.
            self.open_tally(s, VoteMethod::SecretBallot, revote);
            return;
        };
        self.open_tally(s, method, revote);
    }

    /// F2 in the tally dialog: the same vote by the other method the current
    /// item's rule allows. Counts typed so far belong to the other method's
    /// fields and are not carried over.
    pub(super) fn switch_method(&mut self, s: &Strings) {
        let Some(Input::Tally(form)) = &self.input else {
            return;
        };
        if form.amends.is_some() {
            return;
        }
        let Some(next) = form.other_method else {
            return;
        };
        let revote = form.revote_reason.clone();
        self.open_tally(s, next, revote);
    }

    fn open_tally(&mut self, s: &Strings, method: VoteMethod, revote: Option<String>) {
        let Some(current) = self.record.agenda.get(self.item) else {
            return;
        };
        // The store's rule, asked before the tally dialog opens.
        let committee: Vec<(String, Presence)> = self
            .record
            .counting_committee
            .iter()
            .map(|c| {
                let presence = self
                    .record
                    .attendance
                    .iter()
                    .find(|a| a.member.id == c.member.id)
                    .map_or(Presence::Unmarked, |a| a.presence.clone());
                (c.member.name.clone(), presence)
            })
            .collect();
        if let Err(names) = check_committee_present(method, &committee) {
            let round = self.next_round_no();
            self.note = Some(s.refusal(&MeetingRefusal::CommitteeAbsent { round, names }));
            return;
        }
        let level = &self.record.council.level;
        let rule_of = |award: &str| find_rule(&self.rules, award, level);
        let current_rule = rule_of(&current.nomination.award_code);
        let mut items = vec![TallyItem {
            nomination: current.nomination.id,
            name: current.nominee.name.clone(),
            award: award_in_column(&current.nomination.award_code, &current.award_short, 12),
            rule: current_rule.and_then(|r| r.applied_with(method)),
        }];
        for e in &self.record.agenda {
            let rule = rule_of(&e.nomination.award_code).and_then(|r| r.applied_with(method));
            let unvoted = self.record.latest_result(e.nomination.id).is_none();
            if e.nomination.id != current.nomination.id && rule.is_some() && unvoted {
                items.push(TallyItem {
                    nomination: e.nomination.id,
                    name: e.nominee.name.clone(),
                    award: award_in_column(&e.nomination.award_code, &e.award_short, 12),
                    rule,
                });
            }
        }
        let mut form = TallyForm::new(method, items);
        form.revote_reason = revote;
        form.other_method = current_rule
            .map(|r| r.next_method(method))
            .filter(|m| *m != method);
        self.input = Some(Input::Tally(form));
    }

    /// The form over the nominees of round `round_id`, filled with its counts.
    pub(super) fn amend_form(
        &self,
        round_id: i64,
        round_no: u32,
        reason: String,
    ) -> Option<TallyForm> {
        let round = self.record.rounds.iter().find(|r| r.round.id == round_id)?;
        let items = round
            .results
            .iter()
            .filter_map(|v| {
                self.record
                    .agenda
                    .iter()
                    .find(|e| e.nomination.id == v.nomination_id)
                    .map(|e| TallyItem {
                        nomination: v.nomination_id,
                        name: e.nominee.name.clone(),
                        award: award_in_column(&e.nomination.award_code, &e.award_short, 12),
                        rule: Some(v.rule.clone()),
                    })
            })
            .collect();
        let mut form = TallyForm::new(round.round.method, items);
        let tallies: Vec<_> = round
            .results
            .iter()
            .map(|v| (v.nomination_id, v.tally))
            .collect();
        form.prefill(&round.round.ballots, &tallies);
        form.amends = Some((round_id, round_no, reason));
        form.attendance = Some(round.round.attendance);
        Some(form)
    }
}
