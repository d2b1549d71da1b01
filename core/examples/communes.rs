//! Writes generated commune reports (exported JSON) for trying the roll-up by hand and for the
//! end-to-end journeys: `cargo run -p cchc-core --example communes -- 50 target/communes`.

#[path = "../benches/communes.rs"]
mod communes;

use cchc_core::workspace::Templates;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(50);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "target/communes".into()));
    let t = Templates::builtin().expect("built-in templates are valid");
    std::fs::create_dir_all(&dir).expect("the output folder can be made");
    for i in 0..n {
        let path = dir.join(format!("xa-{:04}.json", i + 1));
        std::fs::write(&path, communes::file(&t, i)).expect("the file can be written");
    }
    println!("{n} tệp trong {}", dir.display());
}
