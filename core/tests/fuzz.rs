//! The bounded pass of the fuzzer (a few seconds), and every crashing input it ever found,
//! replayed. The long run: `cargo run --profile fuzz -p cchc-core --example fuzz -- N`; or
//! `CCHC_FUZZ=N cargo test -p cchc-core fuzz` for N inputs per target here.

#[path = "fuzz_harness.rs"]
mod harness;

use harness::{run, run_one, Corpus, Rng, Target, REGRESSIONS};

fn corpus() -> &'static Corpus {
    static C: std::sync::OnceLock<Corpus> = std::sync::OnceLock::new();
    C.get_or_init(Corpus::new)
}

/// Inputs per target: a bounded pass by default, more from `CCHC_FUZZ`.
fn budget(default: u64) -> u64 {
    std::env::var("CCHC_FUZZ")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn pass(target: Target, default: u64) {
    let stats = run(target, 2026, budget(default), corpus());
    let crashes: Vec<String> = stats
        .crashes
        .iter()
        .map(|c| {
            let kept = harness::save(c).unwrap_or_default();
            format!("{}: {} (kept in {kept})", c.target.name(), c.message)
        })
        .collect();
    assert!(crashes.is_empty(), "{crashes:#?}");
    assert!(stats.accepted > 0, "no {} input got through", target.name());
}

#[test]
fn fuzz_import() {
    pass(Target::Import, 600);
}

#[test]
fn fuzz_appendix_templates() {
    pass(Target::Appendix, 40);
}

#[test]
fn fuzz_criteria_sets() {
    pass(Target::Criteria, 300);
}

#[test]
fn fuzz_edits() {
    pass(Target::Edits, 150);
}

/// Every input that ever crashed a target, kept as a file `<target>-<hash>.txt`.
#[test]
fn fuzz_regressions_stay_fixed() {
    let mut n = 0;
    let Ok(dir) = std::fs::read_dir(REGRESSIONS) else {
        return;
    };
    for entry in dir.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(target) = name.split('-').next().and_then(Target::from_name) else {
            continue;
        };
        let input = std::fs::read_to_string(entry.path()).unwrap();
        let result = run_one(target, &input, corpus(), &mut Rng::new(1));
        assert!(result.is_ok(), "{name}: {result:?}");
        n += 1;
    }
    eprintln!("{n} fuzz regressions replayed");
}
