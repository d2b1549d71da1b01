//! What the browser component tests share: a place to mount a component, events as a browser
//! would send them, and waiting for Yew to render. The modules of `tests/web/` use it as
//! `crate::support`.

use std::time::Duration;

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
};

/// A fresh `<div>` at the end of the body to mount a component on.
pub fn host() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets Yew run what it scheduled (it renders from the microtask queue, which a zero timer
/// waits behind), and the effects that follow a render.
pub async fn settle() {
    for _ in 0..3 {
        yew::platform::time::sleep(Duration::ZERO).await;
    }
}

pub async fn wait_ms(ms: u64) {
    yew::platform::time::sleep(Duration::from_millis(ms)).await;
}

pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

/// The element `selector` matches; panics with the root's HTML when none does.
pub fn get(root: &Element, selector: &str) -> Element {
    find(root, selector).unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

pub fn text(root: &Element, selector: &str) -> String {
    get(root, selector).text_content().unwrap_or_default()
}

/// An event of DOM class `class` ("InputEvent", "KeyboardEvent"…) with `init` fields, built
/// through its constructor as a page script would.
pub fn event(class: &str, kind: &str, init: &[(&str, JsValue)]) -> Event {
    let window = web_sys::window().unwrap();
    let constructor: js_sys::Function = Reflect::get(&window, &class.into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let options = Object::new();
    Reflect::set(&options, &"bubbles".into(), &true.into()).unwrap();
    for (key, value) in init {
        Reflect::set(&options, &(*key).into(), value).unwrap();
    }
    let args = js_sys::Array::of2(&kind.into(), &options);
    Reflect::construct(&constructor, &args)
        .unwrap()
        .dyn_into()
        .unwrap()
}

pub fn dispatch(target: &Element, e: &Event) {
    target.dispatch_event(e).unwrap();
}

/// Types `value` into an `<input>` or `<textarea>` the way a keyboard without an IME does.
pub fn type_text(field: &Element, value: &str) {
    set_value(field, value);
    dispatch(
        field,
        &event("InputEvent", "input", &[("inputType", "insertText".into())]),
    );
}

/// Sets the control's text without any event (what an IME does between its events).
pub fn set_value(field: &Element, value: &str) {
    if let Some(input) = field.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else {
        field
            .dyn_ref::<HtmlTextAreaElement>()
            .expect("an input or a textarea")
            .set_value(value);
    }
}

pub fn value(field: &Element) -> String {
    match field.dyn_ref::<HtmlInputElement>() {
        Some(input) => input.value(),
        None => field
            .dyn_ref::<HtmlTextAreaElement>()
            .expect("an input or a textarea")
            .value(),
    }
}

/// Chooses the option with value `value` in a `<select>`.
pub fn choose(select: &Element, value: &str) {
    select
        .dyn_ref::<HtmlSelectElement>()
        .expect("a select")
        .set_value(value);
    dispatch(select, &event("Event", "change", &[]));
}

pub fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>()
        .expect("an HTML element")
        .click();
}

pub fn press(el: &Element, key: &str) {
    dispatch(
        el,
        &event("KeyboardEvent", "keydown", &[("key", key.into())]),
    );
}

pub fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}
