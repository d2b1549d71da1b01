//! One sub-criterion: its maximum, status and points, the rule's explanation, the control its
//! rule needs (a score, a yes/no answer, ticked parts, or nothing when the appendix scores it),
//! the not-applicable toggle, the giải trình and the evidence. A component so that typing in
//! one item re-renders that item only.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::evidence::EvidenceList;
use super::points;
use crate::app::components::field::TextArea;
use crate::app::i18n::sheets::{sheets, Sheets};
use crate::core::edit::Edit;
use crate::core::number::NO_VALUE;
use crate::core::present::value;
use crate::core::report::Assessment;
use crate::core::scoring::{ItemScore, ItemStatus};
use crate::core::template::criteria::{Item, Part, RatioSource, Rule};
use crate::core::template::Appendix;
use crate::core::text::Lang;
use crate::core::workspace::Templates;

#[derive(Properties, PartialEq)]
pub struct ItemProps {
    pub templates: Rc<Templates>,
    pub area: usize,
    pub criterion: usize,
    pub item: usize,
    pub score: ItemScore,
    pub assessment: Assessment,
    /// For an additive item, each part's answer read from the appendix (`None` otherwise).
    pub cell_parts: Vec<Option<bool>>,
    pub lang: Lang,
    pub on_edit: Callback<Edit>,
}

/// The DOM id stem of an item and its controls: "1.1.1" → "item-1-1-1".
pub fn dom_id(item: &str) -> String {
    format!("item-{}", item.replace('.', "-"))
}

#[function_component]
pub fn ItemCard(props: &ItemProps) -> Html {
    let s = sheets(props.lang);
    let lang = props.lang;
    let templates = &props.templates;
    let def: &Item =
        &templates.criteria.template.areas[props.area].criteria[props.criterion].items[props.item];
    let score = &props.score;
    let id = dom_id(&def.id);
    let explanation_id = format!("{id}-why");
    let (status_icon, status_class, status_word) = status(s, score.status);
    let not_applicable = score.status == ItemStatus::NotApplicable;
    let source = rule_source(&templates.appendix, &def.rule, lang);
    html! {
        <article class={classes!("item", status_class)} data-item={def.id.clone()}
            aria-labelledby={format!("{id}-title")}>
            <header class="item-head">
                <span class="item-stt">{ &def.stt }</span>
                <h5 id={format!("{id}-title")}>{ def.title.get(lang) }</h5>
                <span class="item-max">{ (s.scoring_max)(&value::points(def.max)) }</span>
                <span class={classes!("status", status_class)}>
                    <span aria-hidden="true">{ status_icon }</span>{ status_word }
                </span>
                <span class="item-points">
                    if matches!(score.status, ItemStatus::Pending | ItemStatus::NotApplicable) {
                        { NO_VALUE }
                    } else {
                        { points(score.points, lang) }
                    }
                </span>
            </header>
            <p class="explanation" id={explanation_id.clone()}>
                if score.auto {
                    <span class="auto-badge">{ s.scoring_auto }</span>
                }
                { score.explanation.get(lang) }
            </p>
            if let Some(source) = source {
                <p class="rule-source">{ s.scoring_source }{ ": " }{ source }</p>
            }
            { for score.warnings.iter().map(|w| html! {
                <p class="item-warning"><span aria-hidden="true">{ "⚠ " }</span>{ w.get(lang) }</p>
            }) }
            <div class="item-controls">
                { rule_control(props, def, &explanation_id, not_applicable) }
                if def.na_allowed {
                    { na_toggle(props, def) }
                }
            </div>
            { explanation_field(props, def, s) }
            <EvidenceList item={def.id.clone()} dom_id={id.clone()} hint={def.evidence_hint.get(lang).to_owned()}
                evidence={props.assessment.evidence.clone()} lang={lang} on_edit={props.on_edit.clone()} />
        </article>
    }
}

fn status(s: &Sheets, st: ItemStatus) -> (&'static str, &'static str, &'static str) {
    match st {
        ItemStatus::Scored => ("✔ ", "scored", s.scoring_status_scored),
        ItemStatus::Pending => ("○ ", "pending", s.scoring_status_pending),
        ItemStatus::NotApplicable => ("⊘ ", "na", s.scoring_status_na),
        ItemStatus::Invalid => ("✖ ", "invalid", s.scoring_status_invalid),
    }
}

/// Where an automatically scored item takes its figures: the appendix cells or named rate.
fn rule_source(appendix: &Appendix, rule: &Rule, lang: Lang) -> Option<String> {
    let label = |id: &str| {
        appendix
            .cell(id)
            .map(|ix| format!("«{}»", appendix.cell_label(ix).get(lang)))
    };
    let labels = |ids: &[String]| {
        ids.iter()
            .filter_map(|id| label(id))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let ratio = |src: &RatioSource| match src {
        RatioSource::Rate(name) => appendix
            .template
            .rates
            .iter()
            .find(|r| &r.id == name)
            .map(|r| format!("{} = {}", r.label.get(lang), r.definition.get(lang))),
        RatioSource::Cell(id) => label(id),
        RatioSource::Cells { num, den } => Some(format!("{} / {}", labels(num), labels(den))),
    };
    match rule {
        Rule::YesNo { cell: Some(id) }
        | Rule::Deduction { cell: id, .. }
        | Rule::PerCase { cell: id, .. } => label(id),
        Rule::RatioBands { ratio: src, .. }
        | Rule::ProportionalInBand { ratio: src, .. }
        | Rule::Proportional { ratio: src, .. } => ratio(src),
        Rule::Manual { .. } | Rule::YesNo { cell: None } | Rule::Additive { .. } => None,
    }
}

fn rule_control(props: &ItemProps, def: &Item, described_by: &str, disabled: bool) -> Html {
    match &def.rule {
        Rule::Manual { step } => {
            let step = step.unwrap_or(props.templates.criteria.template.step);
            manual_input(props, def, step, described_by, disabled)
        }
        Rule::YesNo { cell: None } => yes_no_buttons(props, def, disabled),
        Rule::Additive { parts } => additive_parts(props, def, parts, disabled),
        _ => Html::default(),
    }
}

fn manual_input(
    props: &ItemProps,
    def: &Item,
    step: f64,
    described_by: &str,
    disabled: bool,
) -> Html {
    let s = sheets(props.lang);
    let input_id = format!("{}-score", dom_id(&def.id));
    let oninput = {
        let (item, on_edit) = (def.id.clone(), props.on_edit.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_edit.emit(Edit::Score {
                item: item.clone(),
                raw: input.value(),
            });
        })
    };
    let invalid = props.score.status == ItemStatus::Invalid;
    html! {
        <div class="manual-score">
            <label for={input_id.clone()}>
                { s.scoring_self_score }
                <small>{ format!(" ({})", (s.scoring_score_range)(&value::points(def.max), &value::points(step))) }</small>
            </label>
            <input type="text" inputmode="decimal" id={input_id} autocomplete="off"
                value={props.assessment.score.clone()} aria-describedby={described_by.to_owned()}
                aria-invalid={invalid.then_some("true")} {disabled} {oninput} />
        </div>
    }
}

/// Có / Không as two toggle buttons; pressing the chosen one again takes the answer back.
fn yes_no_buttons(props: &ItemProps, def: &Item, disabled: bool) -> Html {
    let s = sheets(props.lang);
    let current = props.assessment.answer;
    let button = |value: bool, word: &'static str, suffix: &'static str| {
        let pressed = current == Some(value);
        let onclick = {
            let (item, on_edit) = (def.id.clone(), props.on_edit.clone());
            Callback::from(move |_: MouseEvent| {
                on_edit.emit(Edit::Answer {
                    item: item.clone(),
                    answer: (!pressed).then_some(value),
                })
            })
        };
        html! {
            <button type="button" class={classes!("answer", pressed.then_some("pressed"))}
                aria-pressed={pressed.to_string()} id={format!("{}-{suffix}", dom_id(&def.id))}
                {disabled} {onclick}>
                if pressed { <span aria-hidden="true">{ "● " }</span> }
                { word }
            </button>
        }
    };
    html! {
        <div class="answer-group" role="group" aria-label={s.scoring_answer}>
            <span class="answer-label" aria-hidden="true">{ s.scoring_answer }{ ":" }</span>
            { button(true, s.yes, "yes") }
            { button(false, s.no, "no") }
        </div>
    }
}

fn additive_parts(props: &ItemProps, def: &Item, parts: &[Part], disabled: bool) -> Html {
    let s = sheets(props.lang);
    let lang = props.lang;
    html! {
        <fieldset class="parts">
            <legend>{ s.scoring_parts }</legend>
            { for parts.iter().enumerate().map(|(i, part)| {
                let from_cell = part.cell.is_some();
                let checked = if from_cell {
                    props.cell_parts.get(i).copied().flatten() == Some(true)
                } else {
                    props.assessment.parts.contains(&part.id)
                };
                let onchange = {
                    let (item, id, on_edit) = (def.id.clone(), part.id.clone(), props.on_edit.clone());
                    Callback::from(move |e: Event| {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        on_edit.emit(Edit::Part { item: item.clone(), part: id.clone(), met: input.checked() });
                    })
                };
                html! {
                    <label class={classes!("part", from_cell.then_some("from-cell"))}>
                        <input type="checkbox" id={format!("{}-part-{}", dom_id(&def.id), part.id)} {checked}
                            disabled={disabled || from_cell} {onchange} />
                        { part.label.get(lang) }
                        <span class="part-points">{ format!(" ({})", points(part.points, lang)) }</span>
                        if from_cell {
                            <small class="part-source">{ " — " }{ s.scoring_part_from_appendix }</small>
                        }
                    </label>
                }
            }) }
            if parts.iter().any(|p| p.cell.is_none()) {
                { none_met(props, def, disabled) }
            }
        </fieldset>
    }
}

/// "None of the sub-items is met" is an answer too (worth 0), distinct from not answered yet.
fn none_met(props: &ItemProps, def: &Item, disabled: bool) -> Html {
    let s = sheets(props.lang);
    let checked = props.assessment.answer == Some(false) && props.assessment.parts.is_empty();
    let onchange = {
        let (item, on_edit) = (def.id.clone(), props.on_edit.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let answer = input.checked().then_some(false);
            on_edit.emit(Edit::Answer {
                item: item.clone(),
                answer,
            });
        })
    };
    html! {
        <label class="part none-met">
            <input type="checkbox" id={format!("{}-none-met", dom_id(&def.id))} {checked}
                disabled={disabled || !props.assessment.parts.is_empty()} {onchange} />
            { s.scoring_none_met }
        </label>
    }
}

fn na_toggle(props: &ItemProps, def: &Item) -> Html {
    let s = sheets(props.lang);
    let onchange = {
        let (item, on_edit) = (def.id.clone(), props.on_edit.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_edit.emit(Edit::NotApplicable {
                item: item.clone(),
                value: input.checked(),
            });
        })
    };
    html! {
        <label class="na-toggle">
            <input type="checkbox" id={format!("{}-na", dom_id(&def.id))} checked={props.assessment.not_applicable} {onchange} />
            { s.scoring_not_applicable }
        </label>
    }
}

fn explanation_field(props: &ItemProps, def: &Item, s: &Sheets) -> Html {
    let field_id = format!("{}-explanation", dom_id(&def.id));
    let on_change = {
        let (item, on_edit) = (def.id.clone(), props.on_edit.clone());
        Callback::from(move |text: String| {
            on_edit.emit(Edit::Explanation {
                item: item.clone(),
                text,
            })
        })
    };
    html! {
        <div class="explanation-field">
            <label for={field_id.clone()}>{ s.scoring_explanation }</label>
            <TextArea id={field_id} rows={2} value={props.assessment.explanation.clone()} {on_change} />
        </div>
    }
}
