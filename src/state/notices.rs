//! What the banners across the top of the page have to say, decided from the state alone:
//! storage that fails, a file refused, stored reports that cannot be read, a stored criteria
//! set or appendix that no longer compiles, a report made on another appendix, scores worked
//! out on another criteria set, a new version of the app waiting. The Yew layer only words and lays them out (`components/banner.rs`).

use super::{
    AppState, AppendixNotice, BrokenReport, CriteriaNotice, Incoming, OtherTab, SaveState, Storage,
    WriteFailure,
};
use crate::core::report::TemplateRef;
use crate::core::template::TemplateError;
use crate::core::text::Text;

/// One banner, most serious kinds first in [`AppState::notices`].
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Nothing survives a reload: the browser keeps no storage for the app.
    StorageUnavailable,
    /// The last save failed because the browser's quota is used up.
    StorageFull,
    /// The last save failed for another reason, as the browser gave it.
    StorageFailed(String),
    /// A file the officer picked was refused; the open report is untouched.
    Rejected { file: String, message: Text },
    /// A stored report that cannot be read (kept untouched in storage).
    Broken(BrokenReport),
    /// The province's set kept from an earlier visit no longer compiles; the sample is in use.
    StoredCriteriaInvalid(TemplateError),
    /// The province's appendix kept from an earlier visit no longer compiles, or the criteria
    /// set no longer fits it; the built-in one is in use.
    StoredAppendixInvalid(TemplateError),
    /// The open report was made on another appendix than the one in use (its figures, on
    /// screen, are laid out on the one in use).
    OtherAppendix {
        made: TemplateRef,
        in_use: TemplateRef,
    },
    /// The open report's scores, on screen, are worked out on a set it was not scored against.
    OtherCriteria {
        scored: TemplateRef,
        in_use: TemplateRef,
    },
    /// Another tab saved or deleted the open report, or changed the criteria set in use.
    OtherTab(OtherTab),
    /// A new version of the app is installed and waits for a reload.
    UpdateReady,
}

impl AppState {
    /// Every banner the state calls for, most serious first. `update_ready`: the service worker
    /// has a new version waiting (a fact of the browser, not of the state).
    pub fn notices(&self, update_ready: bool) -> Vec<Notice> {
        let mut out = Vec::new();
        match (self.storage, &self.save) {
            (Storage::Unavailable, _) => out.push(Notice::StorageUnavailable),
            (_, SaveState::Failed(WriteFailure::Full)) => out.push(Notice::StorageFull),
            (_, SaveState::Failed(WriteFailure::Other(why))) => {
                out.push(Notice::StorageFailed(why.clone()))
            }
            _ => {}
        }
        if let Some(kind) = self.other_tab {
            out.push(Notice::OtherTab(kind));
        }
        if let Some(Incoming::Rejected { file, message }) = &self.incoming {
            out.push(Notice::Rejected {
                file: file.clone(),
                message: message.clone(),
            });
        }
        out.extend(
            self.broken
                .iter()
                .filter(|b| !b.dismissed)
                .cloned()
                .map(Notice::Broken),
        );
        if let Some(CriteriaNotice::StoredInvalid(e)) = &self.criteria_notice {
            out.push(Notice::StoredCriteriaInvalid(e.clone()));
        }
        if let Some(AppendixNotice::StoredInvalid(e)) = &self.appendix_notice {
            out.push(Notice::StoredAppendixInvalid(e.clone()));
        }
        if let Some(made) = self
            .made_on_other_appendix()
            .filter(|_| self.tab == super::Tab::Appendix || self.tab.shows_scores())
        {
            out.push(Notice::OtherAppendix {
                made: made.clone(),
                in_use: self.templates.appendix_ref(),
            });
        }
        if let Some(scored) = self
            .scored_against_other()
            .filter(|_| self.tab.shows_scores())
        {
            out.push(Notice::OtherCriteria {
                scored: scored.clone(),
                in_use: self.templates.criteria_ref(),
            });
        }
        if update_ready {
            out.push(Notice::UpdateReady);
        }
        out
    }
}
