//! Hướng dẫn: a short user guide, seven sections in the order an officer works through a
//! report (the tabs, then saving and moving reports, then working offline). Plain text from
//! `i18n::guide`; the illustrated version is docs/HUONG-DAN.md.
//!
//! DOM contract: the guide is `.sheet.guide`; each section is `#guide-{code}` (`identity`,
//! `appendix`, `scoring`, `summary`, `print`, `transfer`, `offline`) headed by an `h3`.

use yew::prelude::*;

use crate::app::i18n::guide::{guide, GuideSection};
use crate::core::text::Lang;

#[derive(Properties, PartialEq)]
pub struct GuideProps {
    pub lang: Lang,
}

#[function_component]
pub fn GuideView(props: &GuideProps) -> Html {
    let g = guide(props.lang);
    html! {
        <section class="sheet guide" aria-labelledby="guide-title">
            <header class="sheet-head">
                <h2 id="guide-title">{ g.guide_title }</h2>
                <p class="sheet-hint">{ g.guide_intro }</p>
            </header>
            <nav class="guide-contents" aria-label={g.guide_contents}>
                <ul>
                    { for g.guide_sections.iter().map(|s| html! {
                        <li><a href={format!("#guide-{}", s.code)}>{ s.title }</a></li>
                    }) }
                </ul>
            </nav>
            { for g.guide_sections.iter().map(|s| section(s, g.guide_notes)) }
            <p class="guide-more">{ g.guide_more }</p>
        </section>
    }
}

fn section(s: &GuideSection, notes_label: &'static str) -> Html {
    let id = format!("guide-{}", s.code);
    let title_id = format!("{id}-title");
    html! {
        <section class="guide-section" id={id} aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ s.title }</h3>
            <ol class="guide-steps">
                { for s.steps.iter().map(|step| html! { <li>{ *step }</li> }) }
            </ol>
            if !s.notes.is_empty() {
                <div class="guide-notes">
                    <h4>{ notes_label }</h4>
                    <ul>
                        { for s.notes.iter().map(|note| html! { <li>{ *note }</li> }) }
                    </ul>
                </div>
            }
        </section>
    }
}
