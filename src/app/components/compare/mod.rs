//! "So sánh các kỳ": earlier reports of the open report's unit set beside it. Per figure the
//! previous period's value and the change; the multi-period table (periods as columns, as in
//! seed 002's Phụ lục 03 and 07), printable; the carried-over column checked against the
//! previous period's pending. The arithmetic is the core's (`core::compare`); what is attached
//! and which report is the baseline are the state's (`AppState::attached`, `baseline`), so the
//! narrative compares with the same report.
//!
//! DOM contract for tests: `[data-compare-file]` (the file input), `[data-change="{cell id}"]`
//! rows with `[data-before]`, `[data-delta]`, `[data-delta-pct]`; `[data-period-table]`.

use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use yew::prelude::*;

use crate::app::i18n::compare::compare as texts;
use crate::app::services::files;
use crate::core::compare::{
    self, can_attach, carry_over_findings, changes, default_rows, period_table,
};
use crate::core::compute::compute;
use crate::core::exchange;
use crate::core::report::Report;
use crate::core::rollup::period_label;
use crate::core::text::{Lang, Text};
use crate::core::workspace::{Evaluation, Templates};
use crate::state::Shelved;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub templates: Rc<Templates>,
    pub report: Rc<Report>,
    pub eval: Rc<Evaluation>,
    pub shelf: Rc<Vec<Shelved>>,
    pub lang: Lang,
    pub attached: Rc<Vec<Rc<Report>>>,
    /// The report the changes are against (`AppState::baseline`).
    pub baseline: Option<Rc<Report>>,
    pub on_attach: Callback<Report>,
    pub on_detach: Callback<usize>,
}

#[function_component]
pub fn CompareView(props: &CompareProps) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;
    let attached: Vec<Report> = props.attached.iter().map(|r| (**r).clone()).collect();
    let attached = Rc::new(attached);
    let refused = use_state(|| None::<(String, Text)>);
    let reader = use_mut_ref(|| None::<FileReader>);
    let open = props.report.clone();

    let try_attach = {
        let (attached, refused, open) = (attached.clone(), refused.clone(), open.clone());
        let on_attach = props.on_attach.clone();
        Callback::from(move |(name, candidate): (String, Result<Report, Text>)| {
            let outcome = candidate.and_then(|r| {
                can_attach(&open, &attached, &r)
                    .map(|()| r)
                    .map_err(|e| e.message())
            });
            match outcome {
                Ok(r) => {
                    on_attach.emit(r);
                    refused.set(None);
                }
                Err(m) => refused.set(Some((name, m))),
            }
        })
    };
    let on_pick = {
        let (try_attach, reader) = (try_attach.clone(), reader.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|l| l.get(0)) {
                let name = file.name();
                let try_attach = try_attach.clone();
                *reader.borrow_mut() = Some(files::read_text(&file, move |read| {
                    let parsed = read
                        .map_err(|_| Text::new("Không đọc được tệp.", "The file cannot be read."))
                        .and_then(|text| exchange::import(&text).map_err(|e| e.message()));
                    try_attach.emit((name, parsed));
                }));
            }
            input.set_value("");
        })
    };
    // Saved reports of the same unit and an earlier period, not attached yet.
    let candidates: Vec<Rc<Report>> = props
        .shelf
        .iter()
        .filter(|s| s.report.id != open.id && can_attach(&open, &attached, &s.report).is_ok())
        .map(|s| s.report.clone())
        .collect();

    let tpl = &props.templates;
    let a = &tpl.appendix;
    let rows = default_rows(a);
    let current = &props.eval.computed;
    let change_table = props.baseline.as_deref().map(|prev| {
        let prev_computed = compute(a, prev);
        let diffs = changes(current, &prev_computed);
        let carry = carry_over_findings(tpl, current, prev, &prev_computed);
        let label = period_label((prev.identity.period, prev.identity.year));
        html! {
            <section class="compare-changes">
                <h3>{ (t.compare_changes)(label.get(lang)) }</h3>
                <table class="compare-table">
                    <thead><tr>
                        <th scope="col">{ t.col_item }</th>
                        <th scope="col">{ t.col_before }</th>
                        <th scope="col">{ t.col_now }</th>
                        <th scope="col">{ t.col_change }</th>
                        <th scope="col">{ t.col_change_pct }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|&ix| {
                            let c = diffs.get(ix).copied().unwrap_or_default();
                            let kind = a.cells[ix].kind;
                            html! {
                                <tr data-change={a.cells[ix].id.clone()}>
                                    <th scope="row">{ a.cell_label(ix).get(lang).to_owned() }</th>
                                    <td class="value" data-before="">{ compare::shown(kind, c.previous) }</td>
                                    <td class="value" data-now="">{ compare::shown(kind, c.current) }</td>
                                    <td class="value" data-delta="">{ c.delta_shown(kind) }</td>
                                    <td class="value" data-delta-pct="">{ c.percent_shown() }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                <h4>{ t.compare_carry }</h4>
                if carry.is_empty() {
                    <p data-carry-ok="">{ t.compare_carry_ok }</p>
                } else {
                    <ul class="compare-carry">
                        { for carry.iter().map(|f| html! { <li class="finding warning" data-carry="">{ f.message.get(lang).to_owned() }</li> }) }
                    </ul>
                }
            </section>
        }
    });
    let mut all: Vec<&Report> = attached.iter().collect();
    all.push(&open);
    let multi = period_table(tpl, &all, &rows);
    let on_print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });

    html! {
        <section class="sheet compare-view" aria-labelledby="compare-title">
            <header class="no-print">
                <h2 id="compare-title">{ t.compare_title }</h2>
                <p>{ t.compare_intro }</p>
                <label class="button file-button">
                    { t.compare_pick }
                    <input type="file" accept=".json,application/json" class="visually-hidden"
                        data-compare-file="" onchange={on_pick} />
                </label>
                if let Some((name, why)) = &*refused {
                    <p class="banner banner-error" role="alert" data-compare-refused="">
                        { (t.compare_rejected)(name) }{ " " }{ why.get(lang).to_owned() }
                    </p>
                }
                if !candidates.is_empty() {
                    <div class="compare-saved">
                        <h3>{ t.compare_saved }</h3>
                        <ul>
                            { for candidates.iter().map(|r| {
                                let label = period_label((r.identity.period, r.identity.year));
                                let (try_attach, r2) = (try_attach.clone(), r.clone());
                                let onclick = Callback::from(move |_: MouseEvent| {
                                    try_attach.emit((String::new(), Ok((*r2).clone())))
                                });
                                html! { <li>{ label.get(lang).to_owned() }{ " " }<button type="button" {onclick}>{ t.compare_add }</button></li> }
                            }) }
                        </ul>
                    </div>
                }
                <h3>{ t.compare_attached }</h3>
                if attached.is_empty() {
                    <p>{ t.compare_none }</p>
                } else {
                    <ul class="compare-attached">
                        { for attached.iter().enumerate().map(|(i, r)| {
                            let label = period_label((r.identity.period, r.identity.year));
                            let onclick = props.on_detach.reform(move |_: MouseEvent| i);
                            html! { <li>{ label.get(lang).to_owned() }{ " " }<button type="button" {onclick}>{ t.compare_remove }</button></li> }
                        }) }
                    </ul>
                }
            </header>
            { change_table.unwrap_or_default() }
            <article class="print-doc compare-doc" lang="vi">
                <h3>{ t.compare_table }</h3>
                <button type="button" class="no-print" onclick={on_print}>{ t.compare_print }</button>
                <table class="compare-periods" data-period-table="">
                    <thead><tr>
                        <th scope="col">{ "STT" }</th>
                        <th scope="col">{ t.col_item }</th>
                        { for multi.columns.iter().map(|c| html! { <th scope="col">{ c.get(lang).to_owned() }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for multi.rows.iter().enumerate().map(|(n, row)| html! {
                            <tr data-period-row={a.cells[row.cell].id.clone()}>
                                <td>{ format!("{}.", n + 1) }</td>
                                <th scope="row">{ row.label.get(lang).to_owned() }</th>
                                { for row.values.iter().map(|v| html! { <td class="value">{ compare::shown(row.kind, *v) }</td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </article>
        </section>
    }
}
