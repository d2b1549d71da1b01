//! Form controls that any screen can use. Each is controlled (it shows the `value` it is given
//! and reports the officer's change through `on_change`), renders the bare control only (the
//! caller writes its `<label for={id}>`), and never fights the officer's typing:
//!
//! * [`TextField`] and [`TextArea`] survive Vietnamese IME composition (Telex, VNI): while the
//!   IME composes ("â" from "a a"), the control's own text is shown and nothing is reported,
//!   so neither a re-render nor a stale value can clobber the composition; the final text is
//!   reported at `compositionend`.
//! * [`DateField`] shows the browser's own text while it has focus, so that a half-typed date
//!   (which the browser reports as "") is not replaced under the officer's fingers.
//! * [`SelectField`] is a `<select>` over a list of [`Choice`]s.

use chrono::NaiveDate;
use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The text of an `<input>` or `<textarea>`.
fn text_of(element: &JsValue) -> Option<String> {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        return Some(input.value());
    }
    element
        .dyn_ref::<HtmlTextAreaElement>()
        .map(HtmlTextAreaElement::value)
}

fn event_text(e: &Event) -> String {
    e.target().and_then(|t| text_of(&t)).unwrap_or_default()
}

/// What an IME-safe control needs: the text to render and its listeners.
struct ImeSafe {
    node: NodeRef,
    shown: AttrValue,
    oninput: Callback<InputEvent>,
}

#[hook]
fn use_ime_safe(value: &AttrValue, on_change: &Callback<String>) -> ImeSafe {
    let node = use_node_ref();
    // A ref, not a state: starting a composition must not cause a render.
    let composing = use_mut_ref(|| false);
    // The listeners below outlive a render; they report through the latest callback.
    let latest = use_mut_ref(|| on_change.clone());
    *latest.borrow_mut() = on_change.clone();
    let shown = match *composing.borrow() {
        true => node
            .get()
            .and_then(|n| text_of(&n))
            .map(AttrValue::from)
            .unwrap_or_else(|| value.clone()),
        false => value.clone(),
    };
    let oninput = {
        let (composing, on_change) = (composing.clone(), on_change.clone());
        Callback::from(move |e: InputEvent| {
            if !e.is_composing() && !*composing.borrow() {
                on_change.emit(event_text(&e));
            }
        })
    };
    // Yew's html! has no composition listeners: attach them to the element directly.
    use_effect_with(node.clone(), move |node| {
        let listeners = node.get().map(|element| {
            let start = {
                let composing = composing.clone();
                EventListener::new(&element, "compositionstart", move |_| {
                    *composing.borrow_mut() = true
                })
            };
            let end = EventListener::new(&element, "compositionend", move |e| {
                *composing.borrow_mut() = false;
                latest.borrow().emit(event_text(e));
            });
            (start, end)
        });
        move || drop(listeners)
    });
    ImeSafe {
        node,
        shown,
        oninput,
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct TextFieldProps {
    /// The element's id, for the caller's `<label for>`.
    pub id: AttrValue,
    pub value: AttrValue,
    /// The whole new text after each change (never in the middle of an IME composition).
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub placeholder: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    /// Marks the value as wrong (`aria-invalid`), e.g. when a finding points at it.
    #[prop_or_default]
    pub invalid: bool,
    /// Ids of the hint or finding elements that describe the field (`aria-describedby`).
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
    /// An accessible name, for a control without a visible `<label>` (a table cell).
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// "decimal" or "numeric" for figures: the keyboard a tablet shows.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
}

/// A one-line text input.
#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let ime = use_ime_safe(&props.value, &props.on_change);
    html! {
        <input
            type="text"
            ref={ime.node}
            id={&props.id}
            class={props.class.clone()}
            value={ime.shown}
            placeholder={&props.placeholder}
            aria-invalid={props.invalid.then_some("true")}
            aria-describedby={props.describedby.clone()}
            aria-label={props.label.clone()}
            inputmode={props.inputmode.clone()}
            autocomplete="off"
            oninput={ime.oninput}
        />
    }
}

/// Like [`TextFieldProps`], less `inputmode`, plus the height in lines.
#[derive(Properties, PartialEq, Clone)]
pub struct TextAreaProps {
    pub id: AttrValue,
    pub value: AttrValue,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub placeholder: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub invalid: bool,
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
    #[prop_or_default]
    pub label: Option<AttrValue>,
    #[prop_or(3)]
    pub rows: u32,
}

/// A multi-line text input, `rows` lines high.
#[function_component(TextArea)]
pub fn text_area(props: &TextAreaProps) -> Html {
    let ime = use_ime_safe(&props.value, &props.on_change);
    html! {
        <textarea
            ref={ime.node}
            id={&props.id}
            class={props.class.clone()}
            rows={props.rows.to_string()}
            value={ime.shown}
            placeholder={&props.placeholder}
            aria-invalid={props.invalid.then_some("true")}
            aria-describedby={props.describedby.clone()}
            aria-label={props.label.clone()}
            oninput={ime.oninput}
        />
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct DateFieldProps {
    pub id: AttrValue,
    pub value: Option<NaiveDate>,
    /// The new date, or `None` when the officer cleared the field.
    pub on_change: Callback<Option<NaiveDate>>,
    #[prop_or_default]
    pub invalid: bool,
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
}

/// A date picker (`type="date"`; the browser shows it in the officer's locale).
#[function_component(DateField)]
pub fn date_field(props: &DateFieldProps) -> Html {
    let node = use_node_ref();
    // After focus leaves, show the date the state holds (the officer may have left it empty).
    let refresh = use_force_update();
    let focused = node.get().is_some_and(|n| {
        let active = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element());
        active.is_some_and(|a| JsValue::from(a) == JsValue::from(n))
    });
    let shown = match (focused, node.cast::<HtmlInputElement>()) {
        (true, Some(input)) => input.value(),
        _ => props
            .value
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    };
    let oninput = props
        .on_change
        .reform(|e: InputEvent| NaiveDate::parse_from_str(&event_text(&e), "%Y-%m-%d").ok());
    html! {
        <input
            type="date"
            ref={node}
            id={&props.id}
            value={shown}
            aria-invalid={props.invalid.then_some("true")}
            aria-describedby={props.describedby.clone()}
            {oninput}
            onblur={move |_| refresh.force_update()}
        />
    }
}

/// One option of a [`SelectField`].
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// What `on_change` reports when this option is chosen.
    pub value: AttrValue,
    pub label: AttrValue,
}

impl Choice {
    pub fn new(value: impl Into<AttrValue>, label: impl Into<AttrValue>) -> Self {
        Choice {
            value: value.into(),
            label: label.into(),
        }
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    pub choices: Vec<Choice>,
    /// The chosen option's `value`.
    pub value: AttrValue,
    /// The `value` of the option the officer picked.
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

#[function_component(SelectField)]
pub fn select_field(props: &SelectFieldProps) -> Html {
    let onchange = props
        .on_change
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    html! {
        <select
            id={&props.id}
            aria-describedby={props.describedby.clone()}
            aria-label={props.label.clone()}
            {onchange}
        >
            { for props.choices.iter().map(|c| html! {
                <option value={&c.value} selected={c.value == props.value}>{ &c.label }</option>
            }) }
        </select>
    }
}
