//! "Bản in": the report as the official A4 document of Nghị định 30/2020/NĐ-CP, previewed on
//! screen as paper and printed (or saved as PDF) by the browser.
//!
//! The document is the covering report (header, title, one paragraph, "Nơi nhận:", signature),
//! then Phụ lục I (the appendix tables) and Phụ lục II (the self-scoring), each starting on a
//! page of its own. Its text is Vietnamese whatever the UI language (see `words`).
//!
//! Layout contract with `styles/print.css`:
//! - everything printed is inside `.print-doc`; when printing, every element that neither is
//!   nor holds nor sits inside `.print-doc` is hidden, so the app's frame needs no class of its
//!   own (`.no-print` hides anything else explicitly, such as this view's toolbar);
//! - each `.paper` is a sheet on screen and starts a new page in print; `.paper.wide` is laid
//!   out on landscape pages (the named page `wide`), `.paper.portrait` on the default A4 page.
//!
//! DOM contract for tests: `[data-print="cover" | "appendix-i" | "appendix-ii"]` on the sheets,
//! `[data-table="{table id}"]` on a landscape form, `[data-cell="{cell id}"]` on each value of
//! Phụ lục I, `[data-item="{item id}"]` on a sub-criterion's rows, `[data-sample]` on the
//! sample-set note, `[data-index]` and `[data-band]` in the summary.

mod cover;
mod figures;
mod scores;

use yew::prelude::*;

use crate::app::components::SheetProps;
use crate::app::i18n::print::print;
use crate::core::checks::Severity;
use crate::core::compute::{compute, Computed};
use crate::core::report::Report;
use crate::core::workspace::{Evaluation, Templates};

/// What every part of the document reads.
struct Doc<'a> {
    templates: &'a Templates,
    report: &'a Report,
    eval: &'a Evaluation,
    /// The earlier report the narrative compares with, and its figures.
    previous: Option<(&'a Report, &'a Computed)>,
}

#[function_component]
pub fn PrintView(props: &SheetProps) -> Html {
    let t = print(props.lang);
    let previous = props
        .previous
        .as_ref()
        .map(|p| (p.as_ref(), compute(&props.templates.appendix, p)));
    let doc = Doc {
        templates: &props.templates,
        report: &props.report,
        eval: &props.eval,
        previous: previous.as_ref().map(|(r, c)| (*r, c)),
    };
    let errors = props
        .eval
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = props.eval.findings.len() - errors;
    let identity = &props.report.identity;
    let notes = [
        (errors + warnings > 0).then(|| (t.print_findings)(errors, warnings)),
        props
            .templates
            .criteria
            .template
            .sample
            .then(|| t.print_sample_criteria.to_owned()),
        (props.eval.scorecard.pending_count() > 0)
            .then(|| (t.print_unscored)(props.eval.scorecard.pending_count())),
        (identity.number.trim().is_empty() || identity.date.is_none())
            .then(|| t.print_no_number.to_owned()),
    ];
    let onclick = Callback::from(|_: MouseEvent| {
        // Nothing to tell the officer if it fails: the browser shows no dialog and they can
        // use its own Print menu.
        let _ = gloo::utils::window().print();
    });
    html! {
        <section class="sheet print-view" aria-labelledby="print-title">
            <header class="print-toolbar no-print">
                <h2 id="print-title">{ t.print_title }</h2>
                <button type="button" class="print-button" {onclick}>{ t.print_button }</button>
                <p class="print-hint">{ t.print_dialog_hint }</p>
                <ul class="print-notes">
                    { for notes.into_iter().flatten().map(|n| html! { <li>{ n }</li> }) }
                </ul>
            </header>
            <article class="print-doc" lang="vi" aria-label={t.print_document_label}>
                { cover::render(&doc) }
                { figures::render(&doc) }
                { scores::render(&doc) }
            </article>
        </section>
    }
}
