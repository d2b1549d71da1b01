//! The findings of a report as a list: on top of the appendix, where each entry jumps to its
//! cell, and in the summary, read-only. Each entry says its severity in words and with a glyph,
//! not by colour alone.
//!
//! DOM contract: the list is `.findings`; a jump button is `[data-jump="{cell id}"]`.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::appendix::focus_cell;
use crate::app::i18n::sheets::{sheets, Sheets};
use crate::core::checks::{Finding, Place, Severity};
use crate::core::text::Lang;
use crate::core::workspace::{Evaluation, Templates};

#[derive(Properties, PartialEq)]
pub struct FindingsListProps {
    pub templates: Rc<Templates>,
    pub eval: Rc<Evaluation>,
    pub lang: Lang,
    /// Entries are buttons that focus and scroll to their cell. Findings about the report's
    /// identity (its dates) are then left out: the identity form shows those, not the sheet.
    #[prop_or_default]
    pub jump: bool,
}

/// How many findings of each severity: (errors, warnings).
pub fn count_by_severity<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> (usize, usize) {
    findings
        .into_iter()
        .fold((0, 0), |(e, w), f| match f.severity {
            Severity::Error => (e + 1, w),
            Severity::Warning => (e, w + 1),
        })
}

#[function_component]
pub fn FindingsList(props: &FindingsListProps) -> Html {
    let s = sheets(props.lang);
    let shown: Vec<&Finding> = props
        .eval
        .findings
        .iter()
        .filter(|f| !props.jump || matches!(f.place, Place::Cell(_)))
        .collect();
    let title_id = if props.jump {
        "findings-title-sheet"
    } else {
        "findings-title-summary"
    };
    if shown.is_empty() {
        return html! {
            <p class="findings findings-none" role="status">
                <span class="mark-inline ok" aria-hidden="true">{ "✔" }</span>{ s.findings_none }
            </p>
        };
    }
    let (errors, warnings) = count_by_severity(shown.iter().copied());
    html! {
        // The scrolling list, not the section, is the landmark named by the heading.
        <section class="findings">
            <h3 id={title_id}>
                { s.findings_title }
                <span class="counts">{ (s.findings_counts)(errors, warnings) }</span>
            </h3>
            // A long list scrolls in its own box, which the keyboard must be able to reach.
            <div class="findings-scroll" role="region" aria-labelledby={title_id} tabindex="0">
                <ul>
                    { for shown.iter().map(|f| entry(&props.templates, f, props.lang, props.jump)) }
                </ul>
            </div>
        </section>
    }
}

/// Colour is never the only signal: each severity has its glyph, its CSS class and its word.
pub fn severity_mark(sev: Severity, s: &Sheets) -> (&'static str, &'static str, &'static str) {
    match sev {
        Severity::Error => ("✖", "error", s.findings_error),
        Severity::Warning => ("⚠", "warning", s.findings_warning),
    }
}

fn entry(templates: &Templates, f: &Finding, lang: Lang, jump: bool) -> Html {
    let s = sheets(lang);
    let (icon, class, word) = severity_mark(f.severity, s);
    let place = match f.place {
        Place::Cell(ix) => {
            let label = templates.appendix.cell_label(ix).get(lang).to_owned();
            let id = templates.appendix.cells[ix].id.clone();
            if jump {
                let onclick = {
                    let id = id.clone();
                    Callback::from(move |_: MouseEvent| focus_cell(&id, true))
                };
                html! {
                    <button type="button" class="link-button jump" data-jump={id} {onclick}
                        title={s.findings_go_to_cell}>{ label }</button>
                }
            } else {
                html! { <span class="place">{ label }</span> }
            }
        }
        Place::From => html! { <span class="place">{ s.findings_place_from }</span> },
        Place::To => html! { <span class="place">{ s.findings_place_to }</span> },
        Place::Date => html! { <span class="place">{ s.findings_place_date }</span> },
    };
    html! {
        <li class={classes!("finding", class)}>
            <span class="sev">
                <span class="mark-inline" aria-hidden="true">{ icon }</span>{ word }
            </span>
            { place }
            <span class="message">{ f.message.get(lang) }</span>
        </li>
    }
}
