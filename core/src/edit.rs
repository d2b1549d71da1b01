//! Every change an officer can make to a report, as data. The UI sends an `Edit`; `apply` is
//! the only code that changes a report, so what the UI can do is tested here, natively.

use chrono::NaiveDate;

use crate::period::PeriodKind;
use crate::prose::draft::Segment;
use crate::report::{CommuneKind, Evidence, Report, TemplateRef};

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// What the officer typed into an appendix cell, kept as typed ("" empties the cell).
    Value {
        cell: String,
        raw: String,
    },
    Identity(IdentityEdit),
    /// A manual score, as typed.
    Score {
        item: String,
        raw: String,
    },
    /// The answer to a yes/no item; `None` takes it back.
    Answer {
        item: String,
        answer: Option<bool>,
    },
    /// Ticks or unticks a sub-item of an additive item.
    Part {
        item: String,
        part: String,
        met: bool,
    },
    NotApplicable {
        item: String,
        value: bool,
    },
    Explanation {
        item: String,
        text: String,
    },
    AddEvidence {
        item: String,
    },
    Evidence {
        item: String,
        index: usize,
        field: EvidenceField,
        text: String,
    },
    RemoveEvidence {
        item: String,
        index: usize,
    },
    /// Includes or leaves out an optional section.
    OptionalSection {
        section: String,
        included: bool,
    },
    /// The report is from now on scored against this criteria set (the one in use); its
    /// self-assessments are kept, by sub-criterion id.
    Criteria(TemplateRef),
    /// A section's narrative as the officer edited it (`prose::draft::rebind` makes the
    /// segments from the edited text); `None` returns to the text drafted from the figures.
    Narrative {
        section: String,
        segments: Option<Vec<Segment>>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum IdentityEdit {
    CommuneKind(CommuneKind),
    Commune(String),
    Province(String),
    ReceivingBody(String),
    Period(PeriodKind),
    Year(i32),
    /// `None` returns to the decree's window.
    From(Option<NaiveDate>),
    To(Option<NaiveDate>),
    Number(String),
    Date(Option<NaiveDate>),
    Place(String),
    Signer(String),
    SignerTitle(String),
    Recipients(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceField {
    Title,
    Number,
    Date,
    Location,
}

impl Report {
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Value { cell, raw } => self.set_value(&cell, &raw),
            Edit::Identity(e) => self.apply_identity(e),
            Edit::Score { item, raw } => self.assessments.entry(item).or_default().score = raw,
            Edit::Answer { item, answer } => {
                self.assessments.entry(item).or_default().answer = answer
            }
            Edit::Part { item, part, met } => {
                let parts = &mut self.assessments.entry(item).or_default().parts;
                if met {
                    parts.insert(part);
                } else {
                    parts.remove(&part);
                }
            }
            Edit::NotApplicable { item, value } => {
                self.assessments.entry(item).or_default().not_applicable = value
            }
            Edit::Explanation { item, text } => {
                self.assessments.entry(item).or_default().explanation = text
            }
            Edit::AddEvidence { item } => self
                .assessments
                .entry(item)
                .or_default()
                .evidence
                .push(Evidence::default()),
            Edit::Evidence {
                item,
                index,
                field,
                text,
            } => {
                if let Some(e) = self
                    .assessments
                    .entry(item)
                    .or_default()
                    .evidence
                    .get_mut(index)
                {
                    *match field {
                        EvidenceField::Title => &mut e.title,
                        EvidenceField::Number => &mut e.number,
                        EvidenceField::Date => &mut e.date,
                        EvidenceField::Location => &mut e.location,
                    } = text;
                }
            }
            Edit::RemoveEvidence { item, index } => {
                let list = &mut self.assessments.entry(item).or_default().evidence;
                if index < list.len() {
                    list.remove(index);
                }
            }
            Edit::Criteria(set) => self.criteria = set,
            Edit::Narrative { section, segments } => match segments {
                Some(segments) => {
                    self.narrative.insert(section, segments);
                }
                None => {
                    self.narrative.remove(&section);
                }
            },
            Edit::OptionalSection { section, included } => {
                if included {
                    self.optional_sections.insert(section);
                } else {
                    self.optional_sections.remove(&section);
                }
            }
        }
    }

    fn apply_identity(&mut self, e: IdentityEdit) {
        let id = &mut self.identity;
        match e {
            IdentityEdit::CommuneKind(k) => id.commune_kind = k,
            IdentityEdit::Commune(s) => id.commune = s,
            IdentityEdit::Province(s) => id.province = s,
            IdentityEdit::ReceivingBody(s) => id.receiving_body = s,
            // A new period or year brings the decree's window back: dates typed for another
            // period would be wrong for this one.
            IdentityEdit::Period(p) => {
                id.period = p;
                id.from = None;
                id.to = None;
            }
            IdentityEdit::Year(y) => {
                id.year = y;
                id.from = None;
                id.to = None;
            }
            IdentityEdit::From(d) => {
                id.from = d.filter(|d| Some(*d) != id.period.window(id.year).map(|w| w.0))
            }
            IdentityEdit::To(d) => {
                id.to = d.filter(|d| Some(*d) != id.period.window(id.year).map(|w| w.1))
            }
            IdentityEdit::Number(s) => id.number = s,
            IdentityEdit::Date(d) => id.date = d,
            IdentityEdit::Place(s) => id.place = s,
            IdentityEdit::Signer(s) => id.signer = s,
            IdentityEdit::SignerTitle(s) => id.signer_title = s,
            IdentityEdit::Recipients(s) => id.recipients = s,
        }
    }
}
