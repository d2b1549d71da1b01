//! The long fuzz run: `cargo run --profile fuzz -p cchc-core --example fuzz -- N [target]
//! [seed]` runs N inputs of each target (or of the one named: import, appendix, criteria,
//! edits), prints the count per target and keeps each crashing input under
//! core/tests/fuzz-regressions/. The `fuzz` profile is the release build with unwinding, so
//! that a panic is caught and counted instead of aborting the run.

#[path = "../tests/fuzz_harness.rs"]
mod harness;

use std::time::Instant;

use harness::{run, Corpus, Target};

fn main() {
    if cfg!(panic = "abort") {
        eprintln!("This build aborts on panic; run with --profile fuzz (release, unwinding).");
        std::process::exit(2);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: u64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let targets: Vec<Target> = match args.get(1).map(String::as_str) {
        None | Some("all") => Target::ALL.to_vec(),
        Some(name) => match Target::from_name(name) {
            Some(t) => vec![t],
            None => {
                eprintln!("unknown target {name}");
                std::process::exit(2);
            }
        },
    };
    let seed: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1);
    let corpus = Corpus::new();
    let mut failed = false;
    for target in targets {
        let start = Instant::now();
        let stats = run(target, seed, n, &corpus);
        println!(
            "{:<9} inputs {:>9}  accepted {:>9}  crashes {:>3}  {:.1} s",
            target.name(),
            stats.inputs,
            stats.accepted,
            stats.crashes.len(),
            start.elapsed().as_secs_f64()
        );
        for c in &stats.crashes {
            failed = true;
            match harness::save(c) {
                Ok(path) => println!("  crash: {}\n    kept in {path}", c.message),
                Err(e) => println!("  crash: {} (not saved: {e})", c.message),
            }
        }
    }
    if failed {
        std::process::exit(1);
    }
}
