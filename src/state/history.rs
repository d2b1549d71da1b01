//! Undo and redo over a report's changes: snapshots of the whole report (an `Rc`, so a step
//! costs one clone of the report), at most [`CAP`] steps back.
//!
//! Typing into one field is one step: each keystroke is an `Edit`, and a run of them into the
//! same cell (or identity field, score, explanation, evidence field, narrative part) is
//! coalesced, so Ctrl+Z takes back "40", not "0". Emptying a field is always a step of its own,
//! so a cleared cell comes back with one undo.

use std::rc::Rc;

use crate::core::edit::{Edit, EvidenceField, IdentityEdit};
use crate::core::report::Report;

/// How many steps back a report keeps.
pub const CAP: usize = 200;

/// The steps of one report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// The report before each change, oldest first.
    undo: Vec<Rc<Report>>,
    /// The report before each undo, most recently undone last.
    redo: Vec<Rc<Report>>,
    /// The field the last step was typing into, while further typing there joins that step.
    typing: Option<Typing>,
}

/// A field typed into, keystroke by keystroke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Typing {
    Value(String),
    /// An identity text field, by its edit's name.
    Identity(&'static str),
    Score(String),
    Explanation(String),
    Evidence(String, usize, &'static str),
    Narrative(String),
}

impl Typing {
    /// The field `edit` types into, when it is typing (text, not a choice or a click) and does
    /// not leave the field empty.
    pub fn of(edit: &Edit) -> Option<Typing> {
        let nonempty = |s: &str| !s.trim().is_empty();
        Some(match edit {
            Edit::Value { cell, raw } if nonempty(raw) => Typing::Value(cell.clone()),
            Edit::Score { item, raw } if nonempty(raw) => Typing::Score(item.clone()),
            Edit::Explanation { item, text } if nonempty(text) => Typing::Explanation(item.clone()),
            Edit::Evidence {
                item,
                index,
                field,
                text,
            } if nonempty(text) => Typing::Evidence(
                item.clone(),
                *index,
                match field {
                    EvidenceField::Title => "title",
                    EvidenceField::Number => "number",
                    EvidenceField::Date => "date",
                    EvidenceField::Location => "location",
                },
            ),
            Edit::Narrative {
                section,
                segments: Some(_),
            } => Typing::Narrative(section.clone()),
            Edit::Identity(e) => Typing::Identity(match e {
                IdentityEdit::Commune(s) if nonempty(s) => "commune",
                IdentityEdit::Province(s) if nonempty(s) => "province",
                IdentityEdit::ReceivingBody(s) if nonempty(s) => "receiving_body",
                IdentityEdit::Number(s) if nonempty(s) => "number",
                IdentityEdit::Place(s) if nonempty(s) => "place",
                IdentityEdit::Signer(s) if nonempty(s) => "signer",
                IdentityEdit::SignerTitle(s) if nonempty(s) => "signer_title",
                IdentityEdit::Recipients(s) if nonempty(s) => "recipients",
                _ => return None,
            }),
            _ => return None,
        })
    }
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Records a change from `before`; `typing` is the field it typed into, if any. A change
    /// typed into the field of the step before joins that step.
    pub fn record(&mut self, before: Rc<Report>, typing: Option<Typing>) {
        self.redo.clear();
        let joins = typing.is_some() && typing == self.typing && !self.undo.is_empty();
        self.typing = typing;
        if joins {
            return;
        }
        self.undo.push(before);
        if self.undo.len() > CAP {
            self.undo.remove(0);
        }
    }

    /// The report to go back to from `current`, which redo will bring back.
    pub fn undo(&mut self, current: Rc<Report>) -> Option<Rc<Report>> {
        let back = self.undo.pop()?;
        self.redo.push(current);
        self.typing = None;
        Some(back)
    }

    /// The report undone last, `current` going back on the undo list.
    pub fn redo(&mut self, current: Rc<Report>) -> Option<Rc<Report>> {
        let forward = self.redo.pop()?;
        self.undo.push(current);
        self.typing = None;
        Some(forward)
    }

    /// Ends the typing step: the next keystroke, even in the same field, is a step of its own.
    pub fn break_typing(&mut self) {
        self.typing = None;
    }
}
