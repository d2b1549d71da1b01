//! The sample report (the end-to-end fixture, Tân Hà 2025) on the built-in templates.

use std::io::Read;
use std::sync::OnceLock;

use cchc_core::exchange;
use cchc_core::report::Report;
use cchc_core::workspace::{evaluate, Evaluation, Templates};

pub fn templates() -> &'static Templates {
    static T: OnceLock<Templates> = OnceLock::new();
    T.get_or_init(|| Templates::builtin().expect("built-in templates are valid"))
}

pub fn sample() -> Report {
    let json = include_str!("../../tests/e2e/fixtures/tan-ha-2025.json");
    exchange::import(json).expect("the fixture imports")
}

pub fn eval(r: &Report) -> Evaluation {
    evaluate(templates(), r)
}

/// A part of a zip (an .xlsx or .docx) as text.
pub fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut f = zip.by_name(name).expect("the part exists");
    let mut s = String::new();
    f.read_to_string(&mut s).expect("text");
    s
}

/// Writes a produced file under target/office-out/ for a person to open.
pub fn keep(name: &str, bytes: &[u8]) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/office-out");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(name), bytes);
}
