//! A province's appendix template in the state, and the explicit move of a report onto the
//! templates in use.
//!
//! The appendix, like the criteria set, can come from a file: compiled when loaded, with the
//! criteria set in use checked against it, refused with the compiler's message otherwise. A
//! report names the appendix and the set it was made with; when they are not the ones in use,
//! [`AppState::switch`] lists what moving it would change (the figures and self-assessments
//! that would be dropped, with what was typed) and [`super::Action::AdoptTemplates`] moves it,
//! as one undo step.

use std::rc::Rc;

use crate::core::authoring::changes::{
    appendix_changes, apply_appendix_changes, apply_criteria_changes, builtin_appendix,
    builtin_criteria, criteria_changes, AppendixChanges, CellInfo, CriteriaChanges,
};
use crate::core::report::{Assessment, Report, TemplateRef};
use crate::core::template::{Appendix, Criteria, TemplateError};
use crate::core::text::Text;
use crate::core::workspace::{AppendixError, Templates};

use super::{AppState, CriteriaNotice, ReadFailure};

/// Why an appendix file the officer picked was not put in use.
#[derive(Clone, Debug, PartialEq)]
pub enum AppendixFault {
    Unreadable(ReadFailure),
    /// Not an appendix the app can fill; the core's message names the fault.
    Invalid(TemplateError),
    /// Other content under the id and version of the appendix in use.
    SameVersion(TemplateRef),
    /// The criteria set in use reads a cell or rate the appendix lacks (the core's message
    /// names the criterion and the cell).
    CriteriaDoNotFit {
        criteria: TemplateRef,
        error: TemplateError,
    },
}

/// What there is to tell about the appendix template.
#[derive(Clone, Debug, PartialEq)]
pub enum AppendixNotice {
    /// The file `file` was refused; the appendix in use is unchanged.
    Rejected { file: String, fault: AppendixFault },
    /// The appendix kept from an earlier visit no longer compiles, or the criteria set no
    /// longer fits it: the built-in one is in use, storage keeps the file as it was.
    StoredInvalid(TemplateError),
}

/// What moving the open report onto the appendix in use would change.
#[derive(Clone, Debug, PartialEq)]
pub enum AppendixSwitch {
    /// The report's own appendix is known (built in, or the one in use): the full comparison.
    Known(AppendixChanges),
    /// Its appendix is not in this browser (a province's older file): only what the report
    /// itself shows, its typed figures in cells the appendix in use does not have.
    Unknown {
        from: TemplateRef,
        to: TemplateRef,
        dropped: Vec<CellInfo>,
    },
}

/// A self-assessment of an item the set in use does not have, when the report's own set is
/// not known.
#[derive(Clone, Debug, PartialEq)]
pub struct Orphan {
    pub id: String,
    pub assessment: Assessment,
}

/// What moving the open report onto the criteria set in use would change.
#[derive(Clone, Debug, PartialEq)]
pub enum CriteriaSwitch {
    Known(CriteriaChanges),
    Unknown {
        from: TemplateRef,
        to: TemplateRef,
        dropped: Vec<Orphan>,
    },
}

/// Everything moving the open report onto the templates in use would change; a part is
/// `None` when the report is on that template already.
#[derive(Clone, Debug, PartialEq)]
pub struct Switch {
    pub appendix: Option<AppendixSwitch>,
    pub criteria: Option<CriteriaSwitch>,
}

impl AppendixSwitch {
    pub fn refs(&self) -> (&TemplateRef, &TemplateRef) {
        match self {
            AppendixSwitch::Known(c) => (&c.from, &c.to),
            AppendixSwitch::Unknown { from, to, .. } => (from, to),
        }
    }

    /// Typed figures that moving would remove: label, value.
    pub fn lost(&self) -> Vec<(Text, String)> {
        match self {
            AppendixSwitch::Known(c) => c
                .lost()
                .into_iter()
                .map(|(_, label, typed)| (label.clone(), typed.to_owned()))
                .collect(),
            AppendixSwitch::Unknown { dropped, .. } => dropped
                .iter()
                .filter_map(|c| Some((c.label.clone(), c.typed.clone()?)))
                .collect(),
        }
    }
}

impl CriteriaSwitch {
    pub fn refs(&self) -> (&TemplateRef, &TemplateRef) {
        match self {
            CriteriaSwitch::Known(c) => (&c.from, &c.to),
            CriteriaSwitch::Unknown { from, to, .. } => (from, to),
        }
    }
}

/// The report's typed figures in cells `appendix` does not have (its own appendix unknown).
fn orphan_values(report: &Report, appendix: &Appendix) -> Vec<CellInfo> {
    report
        .values
        .iter()
        .filter(|(id, raw)| appendix.cell(id).is_none() && !raw.trim().is_empty())
        .map(|(id, raw)| CellInfo {
            id: id.clone(),
            label: Text::new(id.clone(), id.clone()),
            typed: Some(raw.clone()),
        })
        .collect()
}

/// The report's self-assessments of items `criteria` does not have.
fn orphan_assessments(report: &Report, criteria: &Criteria) -> Vec<Orphan> {
    let known = |id: &str| {
        criteria
            .template
            .areas
            .iter()
            .flat_map(|a| &a.criteria)
            .flat_map(|c| &c.items)
            .any(|i| i.id == id)
    };
    report
        .assessments
        .iter()
        .filter(|(id, a)| !known(id) && **a != Assessment::default())
        .map(|(id, a)| Orphan {
            id: id.clone(),
            assessment: a.clone(),
        })
        .collect()
}

/// What moving `report` onto `templates` would change; `old_appendix`/`old_criteria` are the
/// report's own templates when this browser has them.
pub fn switch_of(
    templates: &Templates,
    report: &Report,
    old_appendix: Option<&Appendix>,
    old_criteria: Option<&Criteria>,
) -> Switch {
    let appendix = (report.appendix != templates.appendix_ref()).then(|| match old_appendix {
        Some(old) => AppendixSwitch::Known(appendix_changes(old, &templates.appendix, report)),
        None => AppendixSwitch::Unknown {
            from: report.appendix.clone(),
            to: templates.appendix_ref(),
            dropped: orphan_values(report, &templates.appendix),
        },
    });
    let criteria = (report.criteria != templates.criteria_ref()).then(|| match old_criteria {
        Some(old) => CriteriaSwitch::Known(criteria_changes(old, &templates.criteria, report)),
        None => CriteriaSwitch::Unknown {
            from: report.criteria.clone(),
            to: templates.criteria_ref(),
            dropped: orphan_assessments(report, &templates.criteria),
        },
    });
    Switch { appendix, criteria }
}

/// `report` moved as `switch` says: dropped figures and assessments removed, renamed cells'
/// values under their new ids, the report naming the templates in use.
pub fn apply_switch(report: &Report, switch: &Switch) -> Report {
    let mut out = report.clone();
    match &switch.appendix {
        Some(AppendixSwitch::Known(c)) => out = apply_appendix_changes(&out, c),
        Some(AppendixSwitch::Unknown { to, dropped, .. }) => {
            for d in dropped {
                out.values.remove(&d.id);
            }
            out.appendix = to.clone();
        }
        None => {}
    }
    match &switch.criteria {
        Some(CriteriaSwitch::Known(c)) => out = apply_criteria_changes(&out, c),
        Some(CriteriaSwitch::Unknown { to, dropped, .. }) => {
            for d in dropped {
                out.assessments.remove(&d.id);
            }
            out.criteria = to.clone();
        }
        None => {}
    }
    out
}

impl AppState {
    /// The appendix a report names, when this browser has it: the one in use, the shipped
    /// one, or an older built-in version.
    fn appendix_named(&self, r: &TemplateRef) -> Option<Appendix> {
        if *r == self.templates.appendix_ref() {
            return Some(self.templates.appendix.clone());
        }
        builtin_appendix(r).and_then(Result::ok)
    }

    /// The criteria set a report names, when this browser has it.
    fn criteria_named(&self, r: &TemplateRef) -> Option<Criteria> {
        if *r == self.templates.criteria_ref() {
            return Some(self.templates.criteria.clone());
        }
        if *r == self.shipped.criteria_ref() {
            return Some(self.shipped.criteria.clone());
        }
        builtin_criteria(r).and_then(Result::ok)
    }

    /// What moving the open report onto the templates in use would change, when it was made
    /// on another appendix or scored against another set.
    pub fn switch(&self) -> Option<Switch> {
        let report = &self.report;
        let appendix = self.appendix_named(&report.appendix);
        let criteria = self.criteria_named(&report.criteria);
        let switch = switch_of(
            &self.templates,
            report,
            appendix.as_ref(),
            criteria.as_ref(),
        );
        (switch.appendix.is_some() || switch.criteria.is_some()).then_some(switch)
    }

    /// The appendices this browser's reports name (saved, deleted, the open one): an edited
    /// draft takes a version above each of its id (`authoring::appendix_editor`), so no report
    /// made on another version can pass for one made on the draft.
    pub fn appendix_refs_named(&self) -> Vec<TemplateRef> {
        let shelf = self.shelf.iter().map(|s| &s.report);
        let trash = self.trash.iter().map(|t| &t.report);
        let mut out: Vec<TemplateRef> = shelf
            .chain(trash)
            .map(|r| r.appendix.clone())
            .chain([self.report.appendix.clone()])
            .collect();
        out.sort_by(|a, b| (&a.id, a.version).cmp(&(&b.id, b.version)));
        out.dedup();
        out
    }

    /// The open report was made on another appendix than the one in use.
    pub fn made_on_other_appendix(&self) -> Option<&TemplateRef> {
        Some(&self.report.appendix).filter(|&r| *r != self.templates.appendix_ref())
    }

    /// The sample criteria set on the appendix in use, or why it does not fit it.
    pub(super) fn sample_on_appendix(&self) -> Result<Templates, TemplateError> {
        let criteria = Criteria::compile(
            self.shipped.criteria.template.clone(),
            &self.templates.appendix,
        )?;
        Ok(Templates {
            appendix: self.templates.appendix.clone(),
            criteria,
        })
    }
}

/// The templates with the appendix file `text` in place of the one in use, or why not.
pub(super) fn with_appendix_file(
    current: &Templates,
    text: Result<String, ReadFailure>,
) -> Result<(Templates, String), AppendixFault> {
    let json = text.map_err(AppendixFault::Unreadable)?;
    let next = current.with_appendix(&json).map_err(|e| match e {
        AppendixError::Invalid(e) => AppendixFault::Invalid(e),
        AppendixError::CriteriaDoNotFit(error) => AppendixFault::CriteriaDoNotFit {
            criteria: current.criteria_ref(),
            error,
        },
    })?;
    let same_ref = next.appendix_ref() == current.appendix_ref();
    let same_content = serde_json::to_value(&next.appendix.template).ok()
        == serde_json::to_value(&current.appendix.template).ok();
    if same_ref && !same_content {
        return Err(AppendixFault::SameVersion(next.appendix_ref()));
    }
    Ok((next, json))
}

/// What the app starts on: the stored appendix (if it compiles) else the shipped one, and on
/// it the stored criteria set (if it fits) else the sample; with what had to be set aside.
pub(super) struct Start {
    pub templates: Rc<Templates>,
    pub appendix_file: Option<Rc<str>>,
    pub criteria_file: Option<Rc<str>>,
    pub appendix_notice: Option<AppendixNotice>,
    pub criteria_notice: Option<CriteriaNotice>,
}

pub(super) fn start(
    shipped: &Rc<Templates>,
    appendix: Option<String>,
    criteria: Option<String>,
) -> Start {
    let mut appendix_notice = None;
    let stored = appendix.and_then(|json| match Appendix::from_json(&json) {
        Ok(a) => Some((a, json)),
        Err(e) => {
            appendix_notice = Some(AppendixNotice::StoredInvalid(e));
            None
        }
    });
    // The criteria file on the stored appendix, else the sample on it; and when neither fits,
    // the same on the shipped appendix.
    let on = |appendix: &Appendix| -> Result<(Templates, Option<Rc<str>>), TemplateError> {
        let file = criteria
            .as_deref()
            .map(|json| Criteria::from_json(json, appendix));
        let (criteria, kept) = match file {
            Some(Ok(c)) => (c, criteria.as_deref().map(Rc::from)),
            Some(Err(_)) | None => (
                Criteria::compile(shipped.criteria.template.clone(), appendix)?,
                None,
            ),
        };
        let templates = Templates {
            appendix: appendix.clone(),
            criteria,
        };
        Ok((templates, kept))
    };
    let mut chosen = None;
    if let Some((a, json)) = stored {
        match on(&a) {
            Ok((t, kept)) => chosen = Some((Rc::new(t), Some(Rc::from(json)), kept)),
            Err(e) => appendix_notice = Some(AppendixNotice::StoredInvalid(e)),
        }
    }
    let (templates, appendix_file, criteria_file) = chosen.unwrap_or_else(|| {
        let (t, kept) = match criteria.as_deref().map(|j| shipped.with_criteria(j)) {
            Some(Ok(t)) => (Rc::new(t), criteria.as_deref().map(Rc::from)),
            _ => (shipped.clone(), None),
        };
        (t, None, kept)
    });
    let mut criteria_notice = None;
    if criteria_file.is_none() {
        if let Some(Err(e)) = criteria
            .as_deref()
            .map(|json| Criteria::from_json(json, &templates.appendix))
        {
            criteria_notice = Some(CriteriaNotice::StoredInvalid(e));
        }
    }
    Start {
        templates,
        appendix_file,
        criteria_file,
        appendix_notice,
        criteria_notice,
    }
}
