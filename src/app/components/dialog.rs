//! A modal dialog drawn in the page (not `window.confirm`, which cannot be styled, translated
//! or tested, and which some browsers suppress).

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DialogProps {
    /// The dialog's id; its title gets `{id}-title`.
    pub id: AttrValue,
    pub title: AttrValue,
    /// Escape or a click outside the dialog.
    pub on_cancel: Callback<()>,
    /// The body.
    pub children: Html,
    /// The buttons, at the bottom, the safe choice first.
    pub actions: Html,
}

#[function_component(Dialog)]
pub fn dialog(props: &DialogProps) -> Html {
    let node = use_node_ref();
    // Focus moves into the dialog when it opens (so the keyboard and a screen reader are in it)
    // and back to where it was when it closes.
    use_effect_with(node.clone(), |node| {
        let before = active_element();
        if let Some(el) = node.cast::<HtmlElement>() {
            let _ = el.focus();
        }
        move || {
            if let Some(el) = before.filter(|el| el.is_connected()) {
                let _ = el.focus();
            }
        }
    });
    let onkeydown = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_cancel.emit(());
            }
        })
    };
    let onclick_backdrop = {
        let on_cancel = props.on_cancel.clone();
        let node = node.clone();
        Callback::from(move |e: MouseEvent| {
            let inside = match (e.target(), node.get()) {
                (Some(target), Some(dialog)) => target
                    .dyn_ref::<web_sys::Node>()
                    .is_some_and(|t| dialog.contains(Some(t))),
                _ => true,
            };
            if !inside {
                on_cancel.emit(());
            }
        })
    };
    let title_id = format!("{}-title", props.id);
    html! {
        <div class="dialog-backdrop" onclick={onclick_backdrop}>
            <div
                class="dialog"
                id={&props.id}
                role="dialog"
                aria-modal="true"
                aria-labelledby={title_id.clone()}
                tabindex="-1"
                ref={node}
                {onkeydown}
            >
                <h2 class="dialog-title" id={title_id}>{ &props.title }</h2>
                <div class="dialog-body">{ props.children.clone() }</div>
                <div class="dialog-actions">{ props.actions.clone() }</div>
            </div>
        </div>
    }
}

fn active_element() -> Option<HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<HtmlElement>()
        .ok()
}
