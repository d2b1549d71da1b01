//! Proofreads every seed report in ../shared/seeds and prints, per seed, the statements read,
//! right and flagged, then each flagged sentence with its message, for checking by hand:
//! `cargo run -p cchc-core --example proofread-seeds`.

use std::path::Path;

use cchc_core::prose::{proofread, Severity};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    let mut files: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(d) => d.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            std::process::exit(1);
        }
    };
    files.sort();
    let verbose = std::env::args().any(|a| a == "-v");
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let p = proofread(&text);
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!(
            "{name}: {} statements, {} right, {} flagged ({} errors, {} notes)",
            p.statements.len(),
            p.correct(),
            p.flagged().count(),
            p.count(Severity::Error),
            p.count(Severity::Note)
        );
        for s in &p.statements {
            if s.flag.is_none() && !verbose {
                continue;
            }
            let sentence: String = s.sentence.slice(&text).chars().take(220).collect();
            match &s.flag {
                Some(fl) => println!(
                    "  [{:?} {:?}] «{}»\n      {}\n      {}\n      in: {}",
                    fl.severity,
                    s.kind,
                    s.span.slice(&text),
                    fl.message.vi,
                    fl.message.en,
                    sentence.replace('\n', " ")
                ),
                None => println!(
                    "  [ok {:?}] «{}»",
                    s.kind,
                    s.span.slice(&text).replace('\n', " ")
                ),
            }
        }
    }
}
