//! The row of tabs under the header: the parts of the open report, its print, then (apart)
//! the saved reports.

use yew::prelude::*;

use crate::app::i18n::shell::{shell, Shell};
use crate::app::state::Tab;
use crate::core::text::Lang;

fn tab_label(t: &Shell, tab: Tab) -> &'static str {
    match tab {
        Tab::Identity => t.tab_identity,
        Tab::Appendix => t.tab_appendix,
        Tab::Scoring => t.tab_scoring,
        Tab::Summary => t.tab_summary,
        Tab::Print => t.tab_print,
        Tab::Reports => t.tab_reports,
    }
}

/// A stable name for tests and styles: `[data-tab="reports"]`.
fn tab_code(tab: Tab) -> &'static str {
    match tab {
        Tab::Identity => "identity",
        Tab::Appendix => "appendix",
        Tab::Scoring => "scoring",
        Tab::Summary => "summary",
        Tab::Print => "print",
        Tab::Reports => "reports",
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
