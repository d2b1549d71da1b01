//! The row of tabs under the header: the parts of the open report, its print, then (apart)
//! the saved reports and the user guide; and [`TabLink`], a link from inside a screen to a part of another tab.

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::app::i18n::shell::{shell, Shell};
use crate::core::text::Lang;
use crate::state::Tab;

fn tab_label(t: &Shell, tab: Tab) -> &'static str {
    match tab {
        Tab::Identity => t.tab_identity,
        Tab::Appendix => t.tab_appendix,
        Tab::Scoring => t.tab_scoring,
        Tab::Summary => t.tab_summary,
        Tab::Words => t.tab_words,
        Tab::Print => t.tab_print,
        Tab::Reports => t.tab_reports,
        Tab::Guide => t.tab_guide,
    }
}

/// A stable name for tests and styles: `[data-tab="reports"]`.
fn tab_code(tab: Tab) -> &'static str {
    match tab {
        Tab::Identity => "identity",
        Tab::Appendix => "appendix",
        Tab::Scoring => "scoring",
        Tab::Summary => "summary",
        Tab::Words => "words",
        Tab::Print => "print",
        Tab::Reports => "reports",
        Tab::Guide => "guide",
    }
}

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub current: Tab,
    pub lang: Lang,
    pub on_select: Callback<Tab>,
}

#[function_component(Tabs)]
pub fn tabs(props: &TabsProps) -> Html {
    let t = shell(props.lang);
    html! {
        <nav class="tabs" aria-label={t.tabs}>
            <ul>
                { for Tab::ALL.into_iter().map(|tab| {
                    let current = tab == props.current;
                    html! {
                        <li class={classes!(matches!(tab, Tab::Reports).then_some("tab-apart"))}>
                            <button
                                type="button"
                                class="tab"
                                data-tab={tab_code(tab)}
                                aria-current={current.then_some("page")}
                                onclick={props.on_select.reform(move |_| tab)}
                            >
                                { tab_label(t, tab) }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}

/// How a link inside a screen sends the officer to another tab. The root provides it as a
/// context, so a link deep in a sheet needs no callback threaded down through its parents.
#[derive(Clone, PartialEq)]
pub struct Navigate(pub Callback<Tab>);

#[derive(Properties, PartialEq)]
pub struct TabLinkProps {
    pub to: Tab,
    /// The DOM id of the part of that tab to show; it gets the focus.
    pub anchor: AttrValue,
    pub children: Html,
}

/// A link to a part of another tab. Without a [`Navigate`] context (a sheet mounted on its
/// own) it is a plain in-page link.
#[function_component(TabLink)]
pub fn tab_link(props: &TabLinkProps) -> Html {
    let navigate = use_context::<Navigate>();
    let onclick = navigate.map(|Navigate(go)| {
        let (to, anchor) = (props.to, props.anchor.clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            go.emit(to);
            // Yew renders the tab in a microtask after this handler; a zero timer runs after
            // that render, when the part exists.
            let anchor = anchor.clone();
            Timeout::new(0, move || reveal(&anchor)).forget();
        })
    });
    html! {
        <a href={format!("#{}", props.anchor)} {onclick}>{ props.children.clone() }</a>
    }
}

/// Scrolls to the element `id` and gives it the focus, so a screen reader starts there too.
fn reveal(id: &str) {
    let Some(el) = gloo::utils::document().get_element_by_id(id) else {
        return;
    };
    el.scroll_into_view();
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        _ = el.focus();
    }
}
