//! Stateless components: each renders what its props say and reports the officer's changes
//! through callbacks as core `Edit`s. None holds report data of its own; a few keep a passing
//! UI flag (a dialog open, a file dragged over the page).
//!
//! The app's frame: `header`, `tabs`, `banner`, `dialog`, `identity`, `reports`, `criteria`,
//! `transfer`, `guide`, and the form controls of `field` and `file_button`. The report's sheets:
//! `appendix`, `scoring`, `summary`, `print` (the official document), each given
//! [`SheetProps`], and `findings`.

pub mod appendix;
pub mod appendix_file;
pub mod banner;
pub mod compare;
pub mod conflict;
pub mod criteria;
pub mod dialog;
pub mod editor;
pub mod field;
pub mod file_button;
pub mod findings;
pub mod guide;
pub mod header;
pub mod identity;
pub mod office;
pub mod print;
pub mod reports;
pub mod rollup;
pub mod scoring;
pub mod summary;
pub mod switch;
pub mod tabs;
pub mod transfer;
pub mod trash;
pub mod words;

use std::rc::Rc;

use yew::prelude::*;

use crate::core::edit::Edit;
use crate::core::report::Report;
use crate::core::text::Lang;
use crate::core::workspace::{Evaluation, Templates};

/// What every sheet of a report (appendix, scoring, summary) is given.
#[derive(Properties, PartialEq, Clone)]
pub struct SheetProps {
    pub templates: Rc<Templates>,
    pub report: Rc<Report>,
    pub eval: Rc<Evaluation>,
    pub lang: Lang,
    pub on_edit: Callback<Edit>,
    /// The earlier report the open one is compared with in words (`AppState::baseline`).
    #[prop_or_default]
    pub previous: Option<Rc<Report>>,
}
