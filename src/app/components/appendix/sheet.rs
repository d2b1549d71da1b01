//! What the tables of the appendix view read while rendering.

use yew::prelude::*;

use super::marks::Marks;
use crate::core::edit::Edit;
use crate::core::report::Report;
use crate::core::text::Lang;
use crate::core::workspace::{Evaluation, Templates};

/// What every table of the sheet reads while rendering: borrowed once per render of the
/// view, so building ~200 cells allocates nothing but their own props.
pub struct Sheet<'a> {
    pub templates: &'a Templates,
    pub report: &'a Report,
    pub eval: &'a Evaluation,
    pub marks: &'a Marks,
    pub lang: Lang,
    pub on_edit: &'a Callback<Edit>,
}
