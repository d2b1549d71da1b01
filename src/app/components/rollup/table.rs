//! The commune table of a roll-up: worst first by default, sortable by any column, filtered by
//! name, band and errors. The order and the filter are the core's (`rollup::view`).
//!
//! A province rolls up hundreds of communes: the screen shows them a page at a time (drawing
//! and laying out 1,000 rows took longer than the whole roll-up), paper gets every row.

use std::rc::Rc;

use yew::prelude::*;

use super::Done;
use crate::app::i18n::rollup::rollup as texts;
use crate::core::number::{format_integer, format_percent};
use crate::core::rollup::{self, BandFilter, Filter, SortBy};
use crate::core::text::Lang;
use crate::core::workspace::Templates;

#[derive(Properties)]
pub struct CommuneTableProps {
    pub templates: Rc<Templates>,
    pub rollup: Rc<Done>,
    pub lang: Lang,
    /// A commune's row was chosen: its report is shown read-only.
    pub on_open: Callback<usize>,
    /// The page is being printed: every row, whatever page the screen is at.
    pub printing: bool,
}

impl PartialEq for CommuneTableProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.rollup, &other.rollup)
            && self.lang == other.lang
            && self.on_open == other.on_open
            && self.printing == other.printing
    }
}

/// Rows on one page of the screen.
const PAGE: usize = 100;

#[function_component]
pub fn CommuneTable(props: &CommuneTableProps) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;
    let sort = use_state(|| (SortBy::Worst, false));
    let filter = use_state(Filter::default);
    let r = &props.rollup.rollup;
    let shown = rollup::view(r, sort.0, sort.1, &filter);
    // The page at, or every row (asked for, or on paper).
    let page = use_state(|| 0usize);
    let all = use_state(|| false);
    // Another roll-up, order or filter starts at the first page.
    {
        let page = page.clone();
        let key = (Rc::as_ptr(&props.rollup) as usize, *sort, (*filter).clone());
        use_effect_with(key, move |_| page.set(0));
    }
    let pages = shown.len().div_ceil(PAGE).max(1);
    let at = (*page).min(pages - 1);
    let rows = if *all || props.printing {
        0..shown.len()
    } else {
        at * PAGE..shown.len().min((at + 1) * PAGE)
    };

    // A header sorts by its column; a second click turns the order round.
    let head = |label: String, by: SortBy| {
        let (current, reverse_now) = (sort.0 == by, sort.1);
        let sort = sort.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            sort.set((by, current && !reverse_now));
        });
        let mark = match (current, reverse_now) {
            (false, _) => "",
            (true, false) => " ▲",
            (true, true) => " ▼",
        };
        let aria = match (current, reverse_now) {
            (false, _) => None,
            (true, false) => Some("ascending"),
            (true, true) => Some("descending"),
        };
        html! {
            // On paper a plain label: Chromium does not paint a button in a header repeated on
            // the next page, and the sort mark means nothing there.
            <th scope="col" aria-sort={aria}>
                <button type="button" class="sort no-print" {onclick}>{ label.clone() }{ mark }</button>
                <span class="paper-only">{ label }</span>
            </th>
        }
    };
    let on_text = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            filter.set(Filter {
                text: input.value(),
                ..(*filter).clone()
            });
        })
    };
    let on_errors = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            filter.set(Filter {
                with_errors: input.checked(),
                ..(*filter).clone()
            });
        })
    };
    let on_band = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let band = match select.value().as_str() {
                "" => None,
                "none" => Some(BandFilter::Unscored),
                v => v.parse().ok().map(BandFilter::Band),
            };
            filter.set(Filter {
                band,
                ..(*filter).clone()
            });
        })
    };
    let worst = {
        let sort = sort.clone();
        Callback::from(move |_: MouseEvent| sort.set((SortBy::Worst, false)))
    };
    let go = |to: usize| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(to))
    };
    let toggle_all = {
        let all = all.clone();
        Callback::from(move |_: MouseEvent| all.set(!*all))
    };
    // Above the table and again below it, where the officer is after reading a page; only the
    // first is a landmark.
    let pager = |landmark: bool| {
        if shown.len() <= PAGE {
            return html! {};
        }
        let range = (t.page_rows)(
            &format_integer((rows.start + 1) as f64),
            &format_integer(rows.end as f64),
            &format_integer(shown.len() as f64),
        );
        let inner = html! {
            <>
                <span data-rollup-rows="">{ range }</span>
                if !*all {
                    <button type="button" onclick={go(at.saturating_sub(1))} disabled={at == 0}>{ t.page_prev }</button>
                    <button type="button" onclick={go(at + 1)} disabled={at + 1 >= pages} data-rollup-next="">{ t.page_next }</button>
                }
                <button type="button" onclick={toggle_all.clone()} aria-pressed={if *all { "true" } else { "false" }} data-rollup-all="">
                    { if *all { t.page_back.to_owned() } else { (t.page_all)(&format_integer(shown.len() as f64)) } }
                </button>
            </>
        };
        if landmark {
            html! { <nav class="rollup-pager no-print" aria-label={t.page_label}>{ inner }</nav> }
        } else {
            html! { <div class="rollup-pager no-print">{ inner }</div> }
        }
    };
    let bands = &props.templates.criteria.template.bands;
    html! {
        <section class="rollup-table">
            <h3>{ t.rollup_table }{ format!(" ({}/{})", format_integer(shown.len() as f64), format_integer(r.rows.len() as f64)) }</h3>
            <div class="rollup-filters no-print">
                <label>{ t.rollup_filter }{ " " }<input type="search" oninput={on_text} value={filter.text.clone()} data-rollup-filter="" /></label>
                <select onchange={on_band} aria-label={t.col_band}>
                    <option value="" selected={filter.band.is_none()}>{ t.rollup_all_bands }</option>
                    { for bands.iter().enumerate().map(|(i, b)| html! {
                        <option value={i.to_string()} selected={filter.band == Some(BandFilter::Band(i))}>{ b.label.get(lang).to_owned() }</option>
                    }) }
                    <option value="none" selected={filter.band == Some(BandFilter::Unscored)}>{ t.rollup_unscored }</option>
                </select>
                <label><input type="checkbox" onchange={on_errors} checked={filter.with_errors} />{ " " }{ t.rollup_only_errors }</label>
                <button type="button" onclick={worst} disabled={*sort == (SortBy::Worst, false)}>{ t.sort_worst }</button>
            </div>
            { pager(true) }
            <table class="rollup-communes">
                <thead>
                    <tr>
                        <th scope="col">{ "STT" }</th>
                        { head(t.col_name.into(), SortBy::Name) }
                        <th scope="col">{ t.col_period }</th>
                        { head(t.col_index.into(), SortBy::Index) }
                        <th scope="col">{ t.col_band }</th>
                        { head(t.col_errors.into(), SortBy::Errors) }
                        { head(t.col_warnings.into(), SortBy::Warnings) }
                        { for r.rates.iter().enumerate().map(|(i, c)| head(c.label.get(lang).to_owned(), SortBy::Rate(i))) }
                        <th scope="col">{ t.col_source }</th>
                    </tr>
                </thead>
                <tbody>
                    { for shown[rows.clone()].iter().zip(rows.clone()).map(|(&i, n)| {
                        let row = &r.rows[i];
                        html! {
                            <tr data-commune={row.name.clone()}>
                                <td>{ n + 1 }</td>
                                <th scope="row">
                                    <button type="button" class="link-button" title={t.open_hint}
                                        onclick={props.on_open.reform(move |_| i)}>{ &row.name }</button>
                                </th>
                                <td>{ rollup::period_label(row.period).get(lang).to_owned() }</td>
                                <td class="value" data-index="">{ format_percent(row.index) }</td>
                                <td>{ rollup::band_label(&props.templates, row, lang) }</td>
                                <td class="value" data-errors="">{ row.errors }</td>
                                <td class="value">{ row.warnings }</td>
                                { for row.rates.iter().map(|v| html! { <td class="value">{ format_percent(*v) }</td> }) }
                                <td class="source">{ &row.member.source }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            { pager(false) }
        </section>
    }
}
