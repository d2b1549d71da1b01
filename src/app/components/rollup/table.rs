//! The commune table of a roll-up: worst first by default, sortable by any column, filtered by
//! name, band and errors. The order and the filter are the core's (`rollup::view`).

use std::rc::Rc;

use yew::prelude::*;

use super::Done;
use crate::app::i18n::rollup::rollup as texts;
use crate::core::number::format_percent;
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
}

impl PartialEq for CommuneTableProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.rollup, &other.rollup)
            && self.lang == other.lang
            && self.on_open == other.on_open
    }
}

#[function_component]
pub fn CommuneTable(props: &CommuneTableProps) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;
    let sort = use_state(|| (SortBy::Worst, false));
    let filter = use_state(Filter::default);
    let r = &props.rollup.rollup;
    let shown = rollup::view(r, sort.0, sort.1, &filter);

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
            <th scope="col" aria-sort={aria}>
                <button type="button" class="sort" {onclick}>{ label }{ mark }</button>
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
    let bands = &props.templates.criteria.template.bands;
    html! {
        <section class="rollup-table">
            <h3>{ t.rollup_table }{ format!(" ({}/{})", shown.len(), r.rows.len()) }</h3>
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
                    { for shown.iter().enumerate().map(|(n, &i)| {
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
        </section>
    }
}
