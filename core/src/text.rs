//! Bilingual text. Vietnamese is the language of the report; English is for the UI switch.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// A label in both languages. In templates a plain string is accepted and used for both.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "TextRepr")]
pub struct Text {
    pub vi: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum TextRepr {
    Plain(String),
    Both {
        vi: String,
        #[serde(default)]
        en: String,
    },
}

impl From<TextRepr> for Text {
    fn from(r: TextRepr) -> Self {
        match r {
            TextRepr::Plain(vi) => Text {
                vi,
                en: String::new(),
            },
            TextRepr::Both { vi, en } => Text { vi, en },
        }
    }
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, falling back to Vietnamese where no translation exists.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.is_empty() => &self.en,
            _ => &self.vi,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.vi.is_empty()
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text {
            vi: s.to_owned(),
            en: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_string_is_vietnamese_and_falls_back() {
        let t: Text = serde_json::from_str("\"Tổng số\"").unwrap();
        assert_eq!(t.get(Lang::Vi), "Tổng số");
        assert_eq!(t.get(Lang::En), "Tổng số");
    }

    #[test]
    fn both_languages() {
        let t: Text = serde_json::from_str(r#"{"vi":"Tổng số","en":"Total"}"#).unwrap();
        assert_eq!(t.get(Lang::En), "Total");
        assert_eq!(t.get(Lang::Vi), "Tổng số");
    }
}
