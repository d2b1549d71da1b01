//! Stateless components: each renders what its props say and reports the officer's changes
//! through callbacks as core `Edit`s. None holds report data of its own.

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
}
