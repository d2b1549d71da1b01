//! One node of the draft's tree: its row of fields and tools, its problems, its children; an
//! item's rule with the fields of its kind, cells and rates picked by their labels.

use std::collections::HashMap;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::i18n::editor::{editor_strings, EditorStrings};
use crate::core::authoring::editor::{self, DraftEdit, Node, RuleKind};
use crate::core::number::{self, NumberKind};
use crate::core::template::criteria::{
    Area, AreaKind, Criterion, Item, RatioSource, Rule, WhenEmpty,
};
use crate::core::template::{Appendix, CellKind};
use crate::core::text::{Lang, Text};

/// Sets one field of a rule from what the officer chose or typed.
type RuleSetter = Box<dyn Fn(&mut Rule, String)>;

pub struct Ctx<'a> {
    pub lang: Lang,
    pub appendix: &'a Appendix,
    pub on_edit: Callback<DraftEdit>,
    pub problems: &'a HashMap<Node, Vec<Text>>,
}

fn key(n: Node) -> String {
    match n {
        Node::Area(a) => format!("a{a}"),
        Node::Criterion(a, c) => format!("a{a}.c{c}"),
        Node::Item(a, c, i) => format!("a{a}.c{c}.i{i}"),
    }
}

fn problems(ctx: &Ctx, n: Node) -> Html {
    match ctx.problems.get(&n) {
        None => Html::default(),
        Some(list) => html! {
            // The alert is the list's box: a <ul> with a role is no list to a screen reader.
            <div class="editor-node-problems" role="alert">
                <ul>{ for list.iter().map(|m| html! { <li data-problem="">{ m.get(ctx.lang) }</li> }) }</ul>
            </div>
        },
    }
}

fn text_input(
    ctx: &Ctx,
    class: &'static str,
    label: &'static str,
    value: String,
    make: impl Fn(String) -> DraftEdit + 'static,
) -> Html {
    super::text_field(class, label, value, ctx.on_edit.reform(make))
}

/// A number field of the draft (a maximum).
fn number_input(
    ctx: &Ctx,
    label: &'static str,
    value: f64,
    make: impl Fn(f64) -> DraftEdit + 'static,
) -> Html {
    let on_value = ctx.on_edit.reform(make);
    html! { <EditorNumber {label} {value} {on_value} lang={ctx.lang} /> }
}

#[derive(Properties, PartialEq)]
pub struct EditorNumberProps {
    pub label: &'static str,
    pub value: f64,
    pub on_value: Callback<f64>,
    pub lang: Lang,
}

/// A number read the Vietnamese way ("0,5"). What does not read is not applied: it stays in
/// the field, with why under it, until corrected; the draft keeps its last good value.
#[function_component(EditorNumber)]
pub fn editor_number(props: &EditorNumberProps) -> Html {
    // What was typed and does not read, with why: shown as typed until corrected.
    let refused = use_state(|| None::<(String, number::ParseError)>);
    let id = use_memo((), |_| format!("editor-num-{}", next_id()));
    let onchange = {
        let (refused, on_value) = (refused.clone(), props.on_value.clone());
        Callback::from(move |e: Event| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            match number::parse(&typed, NumberKind::Decimal) {
                Ok(v) => {
                    refused.set(None);
                    on_value.emit(v);
                }
                Err(why) => refused.set(Some((typed, why))),
            }
        })
    };
    let (value, message) = match &*refused {
        Some((typed, why)) => (
            typed.clone(),
            Some(match props.lang {
                Lang::Vi => why.message_vi(),
                Lang::En => why.message_en(),
            }),
        ),
        None => (number::format_trimmed(props.value, 2), None),
    };
    let error_id = format!("{id}-error");
    html! {
        <span class="editor-num-field">
            <input type="text" class="editor-num" inputmode="decimal" aria-label={props.label}
                title={props.label} {value}
                aria-invalid={message.is_some().then_some("true")}
                aria-describedby={message.is_some().then(|| error_id.clone())} {onchange} />
            if let Some(m) = message {
                <span class="editor-num-error" id={error_id} role="alert" data-number-error="">{ m }</span>
            }
        </span>
    }
}

/// Ids for the error messages of number fields, unique in the page.
fn next_id() -> u32 {
    thread_local!(static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    NEXT.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    })
}

fn tools(ctx: &Ctx, t: &EditorStrings, n: Node, first: bool, last: bool, child: bool) -> Html {
    let b = |label: &'static str,
             sym: &'static str,
             action: &'static str,
             e: DraftEdit,
             disabled: bool| {
        let on_edit = ctx.on_edit.clone();
        html! {
            <button type="button" class="editor-tool" data-action={action} title={label} aria-label={label}
                {disabled} onclick={Callback::from(move |_: MouseEvent| on_edit.emit(e.clone()))}>{ sym }</button>
        }
    };
    let is_area = matches!(n, Node::Area(_));
    let is_item = matches!(n, Node::Item(..));
    html! {
        <span class="editor-tools">
            { b(t.move_up, "↑", "move-up", DraftEdit::MoveUp(n), first) }
            { b(t.move_down, "↓", "move-down", DraftEdit::MoveDown(n), last) }
            { b(t.outdent, "⇤", "outdent", DraftEdit::Outdent(n), is_area) }
            { b(t.indent, "⇥", "indent", DraftEdit::Indent(n), first || is_item) }
            { b(t.add_after, "+", "add-after", DraftEdit::AddAfter(n), false) }
            if child { { b(t.add_child, "+↳", "add-child", DraftEdit::AddChild(n), false) } }
            { b(t.remove, "✕", "remove", DraftEdit::Remove(n), false) }
        </span>
    }
}

/// "mục con cộng 3" next to a maximum, and a button to take it when it differs.
fn sum_note(ctx: &Ctx, t: &EditorStrings, n: Node, max: f64, sum: f64) -> Html {
    let ok = (max - sum).abs() < 1e-9;
    let on_edit = ctx.on_edit.clone();
    html! {
        <span class={classes!("editor-sum", if ok { "ok" } else { "bad" })}>
            { (t.sum)(&number::format_trimmed(sum, 2)) }
            if !ok {
                { " " }
                <button type="button" class="editor-tool" data-action="sum-up"
                    onclick={Callback::from(move |_: MouseEvent| on_edit.emit(DraftEdit::SumUp(n)))}>{ t.sum_up }</button>
            }
        </span>
    }
}

pub fn area_view(ctx: &Ctx, ai: usize, a: &Area, count: usize) -> Html {
    let t = editor_strings(ctx.lang);
    let n = Node::Area(ai);
    let kind = {
        let on_edit = ctx.on_edit.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            let k = match s.value().as_str() {
                "survey" => AreaKind::Survey,
                "bonus" => AreaKind::Bonus,
                "penalty" => AreaKind::Penalty,
                _ => AreaKind::Regular,
            };
            on_edit.emit(DraftEdit::AreaKind(ai, k));
        })
    };
    let opt = |v: &'static str, label: &'static str, k: AreaKind| {
        html! {
            <option value={v} selected={a.kind == k}>{ label }</option>
        }
    };
    let sum: f64 = a.criteria.iter().map(|c| c.max).sum();
    let survey = a.kind == AreaKind::Survey;
    html! {
        <div class="editor-node editor-area" data-node={key(n)} role="treeitem" aria-expanded="true">
            <div class="editor-row">
                { text_input(ctx, "editor-stt", t.stt, a.stt.clone(), move |s| DraftEdit::Stt(n, s)) }
                { text_input(ctx, "editor-title", t.name, a.title.vi.clone(), move |s| DraftEdit::Title(n, s)) }
                { number_input(ctx, t.max, a.max, move |v| DraftEdit::Max(n, v)) }
                <select aria-label={t.area_kind} title={t.area_kind} onchange={kind}>
                    { opt("regular", t.kind_regular, AreaKind::Regular) }
                    { opt("survey", t.kind_survey, AreaKind::Survey) }
                    { opt("bonus", t.kind_bonus, AreaKind::Bonus) }
                    { opt("penalty", t.kind_penalty, AreaKind::Penalty) }
                </select>
                if !survey { { sum_note(ctx, t, n, a.max, sum) } }
                { tools(ctx, t, n, ai == 0, ai + 1 == count, !survey) }
            </div>
            { problems(ctx, n) }
            if !survey {
                <div class="editor-children" role="group">
                    { for a.criteria.iter().enumerate().map(|(ci, c)| criterion_view(ctx, ai, ci, c, a.criteria.len())) }
                </div>
            }
        </div>
    }
}

fn criterion_view(ctx: &Ctx, ai: usize, ci: usize, c: &Criterion, count: usize) -> Html {
    let t = editor_strings(ctx.lang);
    let n = Node::Criterion(ai, ci);
    let sum: f64 = c.items.iter().map(|i| i.max).sum();
    html! {
        <div class="editor-node editor-criterion" data-node={key(n)} role="treeitem" aria-expanded="true">
            <div class="editor-row">
                { text_input(ctx, "editor-stt", t.stt, c.stt.clone(), move |s| DraftEdit::Stt(n, s)) }
                { text_input(ctx, "editor-title", t.name, c.title.vi.clone(), move |s| DraftEdit::Title(n, s)) }
                { number_input(ctx, t.max, c.max, move |v| DraftEdit::Max(n, v)) }
                { sum_note(ctx, t, n, c.max, sum) }
                { tools(ctx, t, n, ci == 0, ci + 1 == count, true) }
            </div>
            { problems(ctx, n) }
            <div class="editor-children" role="group">
                { for c.items.iter().enumerate().map(|(ii, i)| item_view(ctx, ai, ci, ii, i, c.items.len())) }
            </div>
        </div>
    }
}

fn item_view(ctx: &Ctx, ai: usize, ci: usize, ii: usize, i: &Item, count: usize) -> Html {
    let t = editor_strings(ctx.lang);
    let n = Node::Item(ai, ci, ii);
    let na = {
        let on_edit = ctx.on_edit.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_edit.emit(DraftEdit::NaAllowed(n, input.checked()));
        })
    };
    let guide = {
        let on_edit = ctx.on_edit.clone();
        Callback::from(move |e: Event| {
            let input: HtmlTextAreaElement = e.target_unchecked_into();
            on_edit.emit(DraftEdit::Guide(n, input.value()));
        })
    };
    html! {
        <div class="editor-node editor-item" data-node={key(n)} role="treeitem">
            <div class="editor-row">
                { text_input(ctx, "editor-stt", t.stt, i.stt.clone(), move |s| DraftEdit::Stt(n, s)) }
                { text_input(ctx, "editor-title", t.name, i.title.vi.clone(), move |s| DraftEdit::Title(n, s)) }
                { number_input(ctx, t.max, i.max, move |v| DraftEdit::Max(n, v)) }
                { tools(ctx, t, n, ii == 0, ii + 1 == count, false) }
            </div>
            { problems(ctx, n) }
            <div class="editor-rule">
                { rule_view(ctx, t, n, i) }
            </div>
            <div class="editor-row editor-extra">
                <label class="editor-field">
                    <span>{ t.evidence }</span>
                    { text_input(ctx, "", t.evidence, i.evidence_hint.vi.clone(), move |s| DraftEdit::Evidence(n, s)) }
                </label>
                <label class="editor-check">
                    <input type="checkbox" checked={i.na_allowed} onchange={na} />{ " " }{ t.na_allowed }
                </label>
            </div>
            <label class="editor-field wide">
                <span>{ t.guide }</span>
                <textarea rows="2" value={i.guide.vi.clone()} onchange={guide} />
            </label>
        </div>
    }
}

fn select(
    label: &'static str,
    options: Vec<(String, String)>,
    current: &str,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <select aria-label={label} title={label} {onchange}>
            { for options.into_iter().map(|(v, l)| {
                let selected = v == current;
                html! { <option value={v} {selected}>{ l }</option> }
            }) }
        </select>
    }
}

fn rule_view(ctx: &Ctx, t: &EditorStrings, n: Node, i: &Item) -> Html {
    let lang = ctx.lang;
    let kind = RuleKind::of(&i.rule);
    let on_kind = {
        let on_edit = ctx.on_edit.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            let ix: usize = s.value().parse().unwrap_or(0);
            if let Some(k) = RuleKind::ALL.get(ix) {
                on_edit.emit(DraftEdit::RuleKind(n, *k));
            }
        })
    };
    let kinds = RuleKind::ALL
        .iter()
        .enumerate()
        .map(|(ix, k)| (ix.to_string(), k.label().get(lang).to_owned()))
        .collect();
    let current = RuleKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0)
        .to_string();
    // Every change below rebuilds the whole rule from the current one with one field set.
    let set_rule = |f: RuleSetter| {
        let (on_edit, rule) = (ctx.on_edit.clone(), i.rule.clone());
        Callback::from(move |e: Event| {
            let value = match e.target_dyn_into::<HtmlSelectElement>() {
                Some(s) => s.value(),
                None => e.target_unchecked_into::<HtmlInputElement>().value(),
            };
            let mut r = rule.clone();
            f(&mut r, value);
            on_edit.emit(DraftEdit::Rule(n, r));
        })
    };
    let ratio_field = |ratio: &RatioSource| {
        let mut options: Vec<(String, String)> = editor::ratio_choices(ctx.appendix)
            .into_iter()
            .map(|(k, l)| (k, l.get(lang).to_owned()))
            .collect();
        let current = editor::ratio_key(ratio).unwrap_or_else(|| "__cells".into());
        if let RatioSource::Cells { num, den } = ratio {
            options.insert(
                0,
                (
                    "__cells".into(),
                    (t.ratio_cells)(&format!("{} / {}", num.join(" + "), den.join(" + "))),
                ),
            );
        }
        let onchange = set_rule(Box::new(|r, v| {
            if v == "__cells" {
                return;
            }
            let new = editor::ratio_from_key(&v);
            match r {
                Rule::RatioBands { ratio, .. }
                | Rule::ProportionalInBand { ratio, .. }
                | Rule::Threshold { ratio, .. }
                | Rule::Proportional { ratio, .. } => *ratio = new,
                _ => {}
            }
        }));
        html! { <label class="editor-field wide"><span>{ t.ratio }</span>{ select(t.ratio, options, &current, onchange) }</label> }
    };
    let when_field = |w: WhenEmpty| {
        let options = vec![
            ("na".to_owned(), t.when_na.to_owned()),
            ("full".to_owned(), t.when_full.to_owned()),
            ("zero".to_owned(), t.when_zero.to_owned()),
        ];
        let current = match w {
            WhenEmpty::NotApplicable => "na",
            WhenEmpty::Full => "full",
            WhenEmpty::Zero => "zero",
        };
        let onchange = set_rule(Box::new(|r, v| {
            let w = match v.as_str() {
                "full" => WhenEmpty::Full,
                "zero" => WhenEmpty::Zero,
                _ => WhenEmpty::NotApplicable,
            };
            match r {
                Rule::RatioBands { when_empty, .. }
                | Rule::ProportionalInBand { when_empty, .. }
                | Rule::Threshold { when_empty, .. }
                | Rule::Proportional { when_empty, .. } => *when_empty = w,
                _ => {}
            }
        }));
        html! { <label class="editor-field"><span>{ t.when_empty }</span>{ select(t.when_empty, options, current, onchange) }</label> }
    };
    let number_field = |label: &'static str, value: f64, apply: fn(&mut Rule, f64)| {
        let (on_edit, rule) = (ctx.on_edit.clone(), i.rule.clone());
        let on_value = Callback::from(move |x: f64| {
            let mut r = rule.clone();
            apply(&mut r, x);
            on_edit.emit(DraftEdit::Rule(n, r));
        });
        html! {
            <label class="editor-field"><span>{ label }</span>
                <EditorNumber {label} {value} {on_value} lang={lang} />
            </label>
        }
    };
    let cell_field = |label: &'static str,
                      kinds: &[CellKind],
                      current: Option<&str>,
                      none: Option<&'static str>,
                      apply: fn(&mut Rule, Option<String>)| {
        let mut options: Vec<(String, String)> = none
            .map(|l| (String::new(), l.to_owned()))
            .into_iter()
            .collect();
        options.extend(
            editor::cells_of(ctx.appendix, kinds)
                .into_iter()
                .map(|(id, l)| (id, l.get(lang).to_owned())),
        );
        let onchange = set_rule(Box::new(move |r, v| apply(r, (!v.is_empty()).then_some(v))));
        html! { <label class="editor-field wide"><span>{ label }</span>{ select(label, options, current.unwrap_or(""), onchange) }</label> }
    };
    let text_rule =
        |label: &'static str, hint: &'static str, value: String, parse: fn(&mut Rule, &str)| {
            let onchange = set_rule(Box::new(move |r, v| parse(r, &v)));
            html! {
                <label class="editor-field wide" title={hint}><span>{ label }</span>
                    <input type="text" {value} placeholder={hint} {onchange} />
                </label>
            }
        };
    let fields = match &i.rule {
        Rule::Manual { step } => number_field(t.step, step.unwrap_or(0.25), |r, x| {
            if let Rule::Manual { step } = r {
                *step = Some(x);
            }
        }),
        Rule::YesNo { cell } => cell_field(
            t.answer_cell,
            &[CellKind::YesNo],
            cell.as_deref(),
            Some(t.officer_answers),
            |r, v| {
                if let Rule::YesNo { cell } = r {
                    *cell = v;
                }
            },
        ),
        Rule::RatioBands {
            ratio,
            bands,
            when_empty,
        } => html! { <>
            { ratio_field(ratio) }
            { text_rule(t.bands, t.bands_hint, editor::bands_text(bands), |r, v| {
                if let (Rule::RatioBands { bands, .. }, Ok(b)) = (r, editor::bands_from_text(v)) {
                    *bands = b;
                }
            }) }
            { when_field(*when_empty) }
        </> },
        Rule::ProportionalInBand {
            ratio,
            min_percent,
            when_empty,
        } => html! { <>
            { ratio_field(ratio) }
            { number_field(t.min_percent, *min_percent, |r, x| if let Rule::ProportionalInBand { min_percent, .. } = r { *min_percent = x; }) }
            { when_field(*when_empty) }
        </> },
        Rule::Threshold {
            ratio,
            threshold,
            when_empty,
        } => html! { <>
            { ratio_field(ratio) }
            { number_field(t.threshold, *threshold, |r, x| if let Rule::Threshold { threshold, .. } = r { *threshold = x; }) }
            { when_field(*when_empty) }
        </> },
        Rule::Proportional { ratio, when_empty } => html! { <>
            { ratio_field(ratio) }
            { when_field(*when_empty) }
        </> },
        Rule::Additive { parts } => {
            text_rule(t.parts, t.parts_hint, editor::parts_text(parts), |r, v| {
                if let Rule::Additive { parts } = r {
                    if let Ok(p) = editor::parts_from_text(v, parts) {
                        *parts = p;
                    }
                }
            })
        }
        Rule::Deduction { cell, per_case } | Rule::PerCase { cell, per_case } => html! { <>
            { cell_field(t.count_cell, &[CellKind::Count, CellKind::Money, CellKind::Decimal], Some(cell), None, |r, v| {
                if let (Rule::Deduction { cell, .. } | Rule::PerCase { cell, .. }, Some(v)) = (r, v) {
                    *cell = v;
                }
            }) }
            { number_field(t.per_case, *per_case, |r, x| if let Rule::Deduction { per_case, .. } | Rule::PerCase { per_case, .. } = r { *per_case = x; }) }
        </> },
    };
    html! { <>
        <label class="editor-field"><span>{ t.rule }</span>{ select(t.rule, kinds, &current, on_kind) }</label>
        { fields }
    </> }
}
