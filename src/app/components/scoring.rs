//! Tự chấm điểm: the criteria set as a tree of areas → criteria → sub-criteria. Numeric items
//! score themselves from the appendix; the officer scores the others, says why (giải trình)
//! and lists the evidence documents. Every figure shown comes from `eval.scorecard`.
//!
//! DOM contract: each sub-criterion is `[data-item="{item id}"]` (class `scored`, `pending`,
//! `na` or `invalid`); its controls have ids from the item id with '.' → '-' (1.1.1 →
//! `item-1-1-1`): `-score`, `-yes`, `-no`, `-na`, `-part-{part id}`, `-explanation`,
//! `-add-evidence`, and per evidence row `-ev{index}-title | -number | -date | -location |
//! -remove`. Each area is `[data-area="{area id}"]` with its subtotal in `.area-points`.

mod evidence;
mod item;

use yew::prelude::*;

use crate::app::components::criteria::CRITERIA_ANCHOR;
use crate::app::components::tabs::TabLink;
use crate::app::components::SheetProps;
use crate::app::i18n::sheets::{sheets, Sheets};
use crate::core::number::format_percent;
use crate::core::present::value;
use crate::core::report::Assessment;
use crate::core::scoring::{band_label, AreaScore};
use crate::core::template::criteria::{Area, AreaKind, Rule};
use crate::core::text::Lang;
use crate::state::Tab;
use item::ItemCard;

/// "12,5 điểm" / "12,5 pts": figures keep the Vietnamese notation in both languages, since
/// that is how the report writes them.
pub fn points(x: f64, lang: Lang) -> String {
    (sheets(lang).points)(&value::points(x))
}

#[function_component]
pub fn ScoringView(props: &SheetProps) -> Html {
    let s = sheets(props.lang);
    let criteria = &props.templates.criteria;
    let card = &props.eval.scorecard;
    let lang = props.lang;
    let set = &criteria.template;
    html! {
        <section class="sheet scoring" aria-labelledby="scoring-title">
            <header class="sheet-head">
                <h2 id="scoring-title">{ s.scoring_title }</h2>
                <p class="sheet-template">{ set.title.get(lang) }</p>
                if set.sample {
                    <div class="sample-notice" role="note">
                        <strong><span aria-hidden="true">{ "⚠ " }</span>{ s.scoring_sample }</strong>
                        <p>{ set.source.get(lang) }</p>
                        <p><TabLink to={Tab::Reports} anchor={CRITERIA_ANCHOR}>{ s.scoring_load_criteria }</TabLink></p>
                    </div>
                } else if !set.source.is_empty() {
                    <p class="sheet-source">{ set.source.get(lang) }</p>
                }
            </header>
            <p class="scoring-totals" aria-live="polite">
                <span>{ s.scoring_self_scored }{ ": " }<strong>{ points(card.total, lang) }</strong>
                    { " / " }{ points(card.applicable_max, lang) }</span>
                <span>{ s.scoring_index }{ ": " }<strong>{ format_percent(card.index) }</strong>
                    { " · " }{ band_label(criteria, card, lang) }</span>
                <span>{ s.scoring_pending }{ ": " }<strong>{ card.pending_count() }</strong></span>
            </p>
            { for set.areas.iter().enumerate().map(|(ai, area)| render_area(props, ai, area, &card.areas[ai])) }
        </section>
    }
}

fn render_area(props: &SheetProps, ai: usize, area: &Area, score: &AreaScore) -> Html {
    let s = sheets(props.lang);
    let lang = props.lang;
    let title_id = format!("area-{}", area.id);
    let head = html! {
        <summary>
            <h3 id={title_id.clone()}>
                <span class="area-stt">{ &area.stt }{ "." }</span>{ " " }{ area.title.get(lang) }
            </h3>
            <span class="area-points">{ area_figure(s, area, score) }</span>
        </summary>
    };
    if area.kind == AreaKind::Survey {
        return html! {
            <details class="area survey" data-area={area.id.clone()} open=true>
                { head }
                <p class="survey-note">{ s.scoring_survey_note }</p>
            </details>
        };
    }
    let kind_note = match area.kind {
        AreaKind::Bonus => Some(s.scoring_bonus_note),
        AreaKind::Penalty => Some(s.scoring_penalty_note),
        _ => None,
    };
    let empty = Assessment::default();
    html! {
        <details class={classes!("area", area_class(area.kind))} data-area={area.id.clone()} open=true>
            { head }
            if let Some(note) = kind_note {
                <p class="area-note">{ note }</p>
            }
            { for area.criteria.iter().enumerate().map(|(ci, crit)| {
                let crit_items = props.eval.scorecard.items_in(&props.templates.criteria, ai, ci);
                html! {
                    <section class="criterion" aria-labelledby={format!("crit-{}", crit.id)}>
                        <h4 id={format!("crit-{}", crit.id)}>
                            <span class="crit-stt">{ &crit.stt }</span>{ " " }{ crit.title.get(lang) }
                            <span class="crit-max">{ format!(" ({})", (s.scoring_max)(&value::points(crit.max))) }</span>
                        </h4>
                        { for crit_items.map(|score| {
                            let def = props.templates.criteria.def(score.item);
                            let assessment = props.report.assessments.get(&def.id).unwrap_or(&empty).clone();
                            html! {
                                <ItemCard templates={props.templates.clone()} area={ai} criterion={ci}
                                    item={props.templates.criteria.items[score.item].index} score={score.clone()} {assessment}
                                    cell_parts={cell_parts(props, &def.rule)} lang={lang}
                                    on_edit={props.on_edit.clone()} />
                            }
                        }) }
                    </section>
                }
            }) }
        </details>
    }
}

/// An area's subtotal as the heading shows it: "8,5 / 12 điểm"; the survey and the bonus and
/// penalty caps say what they are instead.
fn area_figure(s: &Sheets, area: &Area, score: &AreaScore) -> String {
    match (area.kind, score.points) {
        (AreaKind::Survey, _) | (_, None) => (s.scoring_max)(&value::points(area.max)),
        (AreaKind::Bonus, Some(p)) => format!(
            "{} ({})",
            (s.points)(&value::plus_points(p)),
            (s.scoring_cap)(&value::points(area.max))
        ),
        (AreaKind::Penalty, Some(p)) => format!(
            "{} ({})",
            (s.points)(&value::minus_points(p)),
            (s.scoring_cap)(&value::points(area.max))
        ),
        (AreaKind::Regular, Some(p)) => (s.points)(&format!(
            "{} / {}",
            value::points(p),
            value::points(score.applicable_max)
        )),
    }
}

fn area_class(kind: AreaKind) -> &'static str {
    match kind {
        AreaKind::Regular => "regular",
        AreaKind::Survey => "survey",
        AreaKind::Bonus => "bonus",
        AreaKind::Penalty => "penalty",
    }
}

/// The answers of an additive item's parts that come from an appendix yes/no cell (`None` for
/// parts the officer ticks, and for cells not filled yet).
fn cell_parts(props: &SheetProps, rule: &Rule) -> Vec<Option<bool>> {
    let Rule::Additive { parts } = rule else {
        return Vec::new();
    };
    let appendix = &props.templates.appendix;
    parts
        .iter()
        .map(|p| {
            p.cell
                .as_deref()
                .and_then(|id| appendix.cell(id))
                .and_then(|ix| props.eval.computed.answer(ix))
        })
        .collect()
}
