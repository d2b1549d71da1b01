//! Tổng hợp: what a commune leader reads at a glance — the self-scored index and its band, the
//! points that make it, a bar per area, where points are lost, what is still to score and what
//! the checks found. Read-only; every figure comes from `eval.scorecard` and `eval.findings`.
//!
//! DOM contract: `#summary-index` holds the index ("64,64%"), `#summary-band` the band label,
//! `.area-bars` the chart, `.losses` the items losing most points.

use yew::prelude::*;

use crate::app::components::findings::{count_by_severity, FindingsList};
use crate::app::components::scoring::points;
use crate::app::components::SheetProps;
use crate::app::i18n::sheets::{sheets, Sheets};
use crate::core::number::format_percent;
use crate::core::present::value;
use crate::core::scoring::{band_label, ItemStatus, Scorecard};
use crate::core::template::criteria::AreaKind;
use crate::core::template::Criteria;
use crate::core::text::Lang;

/// How many of the items losing most points are listed.
const TOP_LOSSES: usize = 10;

#[function_component]
pub fn SummaryView(props: &SheetProps) -> Html {
    let s = sheets(props.lang);
    let lang = props.lang;
    let criteria = &props.templates.criteria;
    let card = &props.eval.scorecard;
    let (errors, warnings) = count_by_severity(&props.eval.findings);
    html! {
        <section class="sheet summary" aria-labelledby="summary-title">
            <header class="sheet-head">
                <h2 id="summary-title">{ s.summary_title }</h2>
                <p class="sheet-template">{ criteria.template.title.get(lang) }</p>
                if criteria.template.sample {
                    <p class="sample-notice small" role="note">
                        <span aria-hidden="true">{ "⚠ " }</span>{ s.scoring_sample }
                    </p>
                }
            </header>
            <div class="summary-top">
                { headline(s, criteria, card, lang) }
                { figures(s, card, lang) }
            </div>
            <div class="summary-grid">
                { area_bars(s, criteria, card, lang) }
                <section class="summary-status" aria-labelledby="summary-status-title">
                    <h3 id="summary-status-title">{ s.summary_to_do }</h3>
                    <p class="counts-line">
                        <span class={classes!("count-chip", (errors > 0).then_some("error"))}>
                            <span aria-hidden="true">{ counts_glyph(errors, warnings) }</span>
                            { (s.findings_counts)(errors, warnings) }
                        </span>
                        <span class={classes!("count-chip", (card.pending_count() > 0).then_some("pending"))}>
                            <span aria-hidden="true">{ "○ " }</span>
                            { (s.summary_pending)(card.pending_count()) }
                        </span>
                    </p>
                    { pending_list(s, criteria, card, lang) }
                </section>
            </div>
            { losses(s, criteria, card, lang) }
            <FindingsList templates={props.templates.clone()} eval={props.eval.clone()} lang={lang} />
        </section>
    }
}

/// The glyph before the findings count: the worst severity found, or a tick for none.
fn counts_glyph(errors: usize, warnings: usize) -> &'static str {
    match (errors, warnings) {
        (0, 0) => "✔ ",
        (0, _) => "⚠ ",
        _ => "✖ ",
    }
}

fn headline(s: &Sheets, criteria: &Criteria, card: &Scorecard, lang: Lang) -> Html {
    html! {
        <div class="headline">
            <p class="headline-label">{ s.summary_index }</p>
            <p class="headline-index" id="summary-index">{ format_percent(card.index) }</p>
            <p class="headline-band">
                { s.summary_band }{ ": " }<strong id="summary-band">{ band_label(criteria, card, lang) }</strong>
            </p>
            if card.pending_count() > 0 {
                <p class="headline-incomplete">
                    <span aria-hidden="true">{ "○ " }</span>{ (s.summary_incomplete)(card.pending_count()) }
                </p>
            }
            <p class="headline-note">{ s.summary_index_note }</p>
        </div>
    }
}

fn figures(s: &Sheets, card: &Scorecard, lang: Lang) -> Html {
    let row = |label: &'static str, value: String, class: &'static str| {
        html! {
            <div class={classes!("figure", class)}><dt>{ label }</dt><dd>{ value }</dd></div>
        }
    };
    html! {
        <dl class="figures">
            { row(s.summary_achieved, points(card.achieved, lang), "") }
            { row(s.summary_bonus, (s.points)(&value::plus_points(card.bonus)), "") }
            { row(s.summary_penalty, (s.points)(&value::minus_points(card.penalty)), "") }
            { row(s.summary_total, points(card.total, lang), "strong") }
            { row(s.summary_applicable_max, points(card.applicable_max, lang), "") }
            { row(s.summary_survey, format!("{} ({})", points(card.survey_max, lang), s.summary_survey_apart), "apart") }
        </dl>
    }
}

/// Achieved against applicable maximum per regular area, as a table drawn as bars: the
/// figures stay readable to a screen reader and in print.
fn area_bars(s: &Sheets, criteria: &Criteria, card: &Scorecard, lang: Lang) -> Html {
    let rows = criteria
        .template
        .areas
        .iter()
        .zip(&card.areas)
        .filter(|(a, _)| a.kind == AreaKind::Regular);
    html! {
        <section class="area-bars" aria-labelledby="area-bars-title">
            <h3 id="area-bars-title">{ s.summary_by_area }</h3>
            <table>
                <thead class="visually-hidden">
                    <tr><th scope="col">{ s.summary_area }</th><th scope="col">{ s.summary_chart }</th><th scope="col">{ s.summary_points }</th></tr>
                </thead>
                <tbody>
                    { for rows.map(|(area, score)| {
                        let achieved = score.points.unwrap_or(0.0);
                        let share = if score.applicable_max > 0.0 { achieved / score.applicable_max * 100.0 } else { 0.0 };
                        html! {
                            <tr data-area={area.id.clone()}>
                                <th scope="row">{ &area.stt }{ ". " }{ area.title.get(lang) }</th>
                                <td class="bar-cell">
                                    // An SVG's geometry, not a style attribute, so the page's
                                    // CSP needs no 'unsafe-inline' for styles.
                                    <svg class="bar" aria-hidden="true" viewBox="0 0 100 10" preserveAspectRatio="none">
                                        <rect class="bar-fill" height="10" width={format!("{:.1}", share.clamp(0.0, 100.0))} />
                                    </svg>
                                </td>
                                <td class="bar-figure">
                                    { format!("{} / {}", value::points(achieved), value::points(score.applicable_max)) }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </section>
    }
}

fn losses(s: &Sheets, criteria: &Criteria, card: &Scorecard, lang: Lang) -> Html {
    // Scorecard::losses leaves out items not scored yet: they are in the to-do list instead.
    let top: Vec<_> = card.losses(criteria).into_iter().take(TOP_LOSSES).collect();
    html! {
        <section class="losses" aria-labelledby="losses-title">
            <h3 id="losses-title">{ s.summary_losses }</h3>
            if top.is_empty() {
                <p>{ s.summary_no_losses }</p>
            } else {
                <table class="sheet-table">
                    <thead>
                        <tr>
                            <th scope="col">{ s.summary_criterion }</th>
                            <th scope="col" class="num">{ s.summary_max }</th>
                            <th scope="col" class="num">{ s.summary_achieved_short }</th>
                            <th scope="col" class="num">{ s.summary_lost }</th>
                            <th scope="col">{ s.summary_why }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for top.iter().map(|it| {
                            let item = criteria.def(it.item);
                            html! {
                                <tr data-item={item.id.clone()}>
                                    <th scope="row">{ &item.stt }{ " " }{ item.title.get(lang) }</th>
                                    <td class="num">{ value::points(it.max) }</td>
                                    <td class="num">{ value::points(it.points) }</td>
                                    <td class="num lost">{ value::minus_points(it.lost()) }</td>
                                    <td class="why">{ it.explanation.get(lang) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}

/// The items still to score (or whose score cannot be read), by number and title.
fn pending_list(s: &Sheets, criteria: &Criteria, card: &Scorecard, lang: Lang) -> Html {
    let open: Vec<_> = card.pending_items().collect();
    if open.is_empty() {
        return html! { <p><span aria-hidden="true">{ "✔ " }</span>{ s.summary_all_scored }</p> };
    }
    html! {
        // Scrolls in its own box, which the keyboard must be able to reach.
        <div class="pending-scroll" role="region" aria-label={(s.summary_pending)(open.len())} tabindex="0">
            <ul class="pending-list">
                { for open.iter().map(|it| {
                    let item = criteria.def(it.item);
                    let invalid = it.status == ItemStatus::Invalid;
                    html! {
                        <li class={classes!(invalid.then_some("invalid"))}>
                            <span class="item-stt">{ &item.stt }</span>{ " " }{ item.title.get(lang) }
                            if invalid { <em>{ " — " }{ s.scoring_status_invalid }</em> }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
