//! `src/core` is the product logic and must build and test natively: it may not use the browser
//! layer. This test reads every `src/core/**/*.rs` and fails, naming file and line, where code
//! (not a comment, not a string) names one of the browser crates as an identifier.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// Identifiers that belong to the browser layer. `gloo_*` (gloo's sub-crates) and
/// `wasm_bindgen_*` (futures, test) are caught by prefix.
const FORBIDDEN: &[&str] = &["yew", "web_sys", "js_sys", "gloo", "wasm_bindgen"];
const FORBIDDEN_PREFIXES: &[&str] = &["gloo_", "wasm_bindgen_", "yew_"];

fn is_forbidden(ident: &str) -> bool {
    FORBIDDEN.contains(&ident) || FORBIDDEN_PREFIXES.iter().any(|p| ident.starts_with(p))
}

/// Every identifier that appears in code (outside comments, string, byte-string, raw-string and
/// char literals), with its 1-based line number.
fn code_identifiers(src: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = src.chars().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Advance over chars[i..j], counting newlines.
    let skip = |from: usize, to: usize, line: &mut usize| {
        *line += chars[from..to.min(n)].iter().filter(|&&c| c == '\n').count();
    };
    while i < n {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            // Line comment (also `///` and `//!`): up to the end of the line.
            while i < n && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            // Block comment, possibly nested.
            let start = i;
            let mut depth = 0usize;
            while i < n {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            skip(start, i, &mut line);
        } else if c == '"' {
            let start = i;
            i = end_of_quoted(&chars, i + 1);
            skip(start, i, &mut line);
        } else if c == '\'' {
            // A char literal ('a', '\n', '\u{1F600}') or a lifetime / label ('a, 'static).
            if next == Some('\\') {
                let mut j = i + 3; // past the quote, the backslash and the escaped char
                while j < n && chars[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1; // lifetime: its name is read as an ordinary identifier next
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < n && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let ident: String = chars[start..i].iter().collect();
            // String-literal prefixes: r"..", r#".."#, b"..", br"..", c"..", cr#".."#.
            let is_prefix = matches!(ident.as_str(), "r" | "b" | "br" | "c" | "cr");
            if is_prefix && i < n && (chars[i] == '"' || chars[i] == '#') {
                let raw = ident.contains('r');
                let mut hashes = 0;
                let mut j = i;
                while raw && j < n && chars[j] == '#' {
                    hashes += 1;
                    j += 1;
                }
                if j < n && chars[j] == '"' {
                    let start_lit = i;
                    i = if raw {
                        end_of_raw(&chars, j + 1, hashes)
                    } else {
                        end_of_quoted(&chars, j + 1)
                    };
                    skip(start_lit, i, &mut line);
                    continue;
                }
                // `r#ident` (a raw identifier): the name after `#` is read next round.
            }
            out.push((line, ident));
        } else {
            if c == '\n' {
                line += 1;
            }
            i += 1;
        }
    }
    out
}

/// Index just past the closing `"` of an ordinary (escaped) string whose body starts at `i`.
fn end_of_quoted(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    chars.len()
}

/// Index just past the closing `"###` of a raw string whose body starts at `i`.
fn end_of_raw(chars: &[char], mut i: usize, hashes: usize) -> usize {
    while i < chars.len() {
        if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
            return i + 1 + hashes;
        }
        i += 1;
    }
    chars.len()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn offences(src: &str) -> Vec<(usize, String)> {
    code_identifiers(src).into_iter().filter(|(_, id)| is_forbidden(id)).collect()
}

#[test]
fn core_uses_no_browser_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let core = root.join("src/core");
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no .rs files under {}", core.display());

    let mut report = Vec::new();
    for file in &files {
        let src = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let lines: Vec<&str> = src.lines().collect();
        for (line, ident) in offences(&src) {
            let rel = file.strip_prefix(root).unwrap_or(file).display();
            let text = lines.get(line - 1).map(|l| l.trim()).unwrap_or("");
            report.push(format!("{rel}:{line}: uses `{ident}`: {text}"));
        }
    }
    assert!(
        report.is_empty(),
        "src/core must not use the browser layer (yew, web_sys, js_sys, gloo, wasm_bindgen); \
         move this code to src/app:\n{}",
        report.join("\n")
    );
}

#[test]
fn scanner_flags_code_and_ignores_comments_and_strings() {
    let src = r####"//! Not yew::prelude in a doc comment, nor web_sys.
/* block yew::Html /* nested gloo */ still comment js_sys */
fn f<'a>(x: &'a str) -> char {
    let s = "use yew::prelude::*; \" web_sys";
    let r = r#"wasm_bindgen "quoted" js_sys"#;
    let b = b"gloo";
    let c = '"';
    let d = '\'';
    // wasm_bindgen in a line comment
    'y'
}
use yew::prelude::*;
fn g() { let _ = web_sys::window(); let _ = gloo_timers::x; } // yew
#[wasm_bindgen] fn h() {}
let yewtree = 1; let my_yew = 2;
"####;
    let found = offences(src);
    assert_eq!(
        found,
        vec![
            (12, "yew".to_string()),
            (13, "web_sys".to_string()),
            (13, "gloo_timers".to_string()),
            (14, "wasm_bindgen".to_string()),
        ],
    );
}
