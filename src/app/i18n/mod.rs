//! Every string the UI itself shows, in Vietnamese (the default) and English, and nothing else.
//!
//! # The scheme (follow it for every new string)
//!
//! * One module per area of the screen: [`shell`] (header, tabs, identity screen, saved
//!   reports, import/export, banners, dialogs), [`sheets`] (appendix, self-scoring, summary),
//!   [`print`] (the print preview around the document), [`guide`] (the user guide) and
//!   [`safety`] (trash, offline note, import notes). A module declares one struct
//!   whose fields are its strings, one `const` per language, and a function that picks the
//!   const for a [`Lang`]:
//!
//!   ```ignore
//!   pub struct Shell {
//!       pub tab_identity: &'static str,
//!       pub saved_today: fn(&str) -> String,
//!   }
//!   pub const VI: Shell = Shell { tab_identity: "Thông tin báo cáo", saved_today: |t| format!("Đã lưu lúc {t}") };
//!   pub const EN: Shell = Shell { tab_identity: "Report details", saved_today: |t| format!("Saved at {t}") };
//!   pub fn shell(lang: Lang) -> &'static Shell { super::pick(lang, &VI, &EN) }
//!   ```
//!
//! * A plain string is a `&'static str`. A string with values in it is a `fn(..) -> String`
//!   written as a non-capturing closure in the const, so each language orders its own words.
//! * Every const fills every field, so the compiler reports a string missing in one language.
//! * Field names start with the part of the screen they belong to (`identity_…`, `reports_…`,
//!   `import_…`), which keeps a struct readable as it grows.
//! * Text that comes from the core (`core::text::Text`: template labels, findings, period
//!   labels, import errors) is already bilingual: show it with `text.get(lang)`, never copy it
//!   here.
//! * A component receives `lang: Lang` in its props and reads its strings once at the top:
//!   `let t = shell(props.lang);` then `{ t.tab_identity }`.

pub mod appendix_editor;
pub mod compare;
pub mod editor;
pub mod guide;
pub mod office;
pub mod print;
pub mod rollup;
pub mod safety;
pub mod sheets;
pub mod shell;
pub mod sync;
pub mod templates;
pub mod words;

pub use crate::core::text::Lang;

/// The const of a string module for `lang`.
pub fn pick<T>(lang: Lang, vi: &'static T, en: &'static T) -> &'static T {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// The value of the `lang` attribute for text in `lang` (screen readers pick their voice by it).
pub fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    }
}
