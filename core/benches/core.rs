//! Prints how long the core takes on realistic work. Not a test: nothing is asserted; compare
//! the figures as ratios within one run, since timings on shared machines are noisy.
//!
//! `cargo bench --bench core`

use std::hint::black_box;
use std::time::{Duration, Instant};

use cchc_core::exchange;
use cchc_core::report::Report;
use cchc_core::workspace::{aggregate, evaluate, Templates};

/// A report with every input cell filled with plausible figures, varied by `seed`.
fn filled(t: &Templates, seed: u64) -> Report {
    let mut r = t.new_report(format!("bench-{seed}"));
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    for cell in t.appendix.cells.iter().filter(|c| c.is_input()) {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let v = (x >> 33) % 2000;
        let raw = match cell.kind {
            cchc_core::template::CellKind::YesNo => {
                if v % 2 == 0 { "có" } else { "không" }.to_owned()
            }
            cchc_core::template::CellKind::Percent => format!("{},{:02}", v % 100, v % 97),
            cchc_core::template::CellKind::Money => format!("{}.000.000", v * 37),
            cchc_core::template::CellKind::Text => "ghi chú".to_owned(),
            cchc_core::template::CellKind::Date => "05/01/2026".to_owned(),
            _ => v.to_string(),
        };
        r.set_value(&cell.id, &raw);
    }
    for item in t
        .criteria
        .template
        .areas
        .iter()
        .flat_map(|a| &a.criteria)
        .flat_map(|c| &c.items)
    {
        let a = r.assessments.entry(item.id.clone()).or_default();
        a.score = "0,5".into();
        a.answer = Some(true);
        a.explanation = "Đã thực hiện đầy đủ theo kế hoạch.".into();
        a.evidence.push(Default::default());
        a.evidence[0].title = "Kế hoạch CCHC năm".into();
        a.evidence[0].number = "15/KH-UBND".into();
    }
    r
}

/// Runs `f` once to warm up, then repeatedly for about `budget`, and prints the mean time per
/// run (with a zero budget, the time of the single warm-up run).
fn measure(name: &str, budget: Duration, mut f: impl FnMut()) -> Duration {
    let warm_up = Instant::now();
    f();
    let first = warm_up.elapsed();
    let start = Instant::now();
    let mut runs = 0u32;
    while start.elapsed() < budget {
        f();
        runs += 1;
    }
    let per = if runs == 0 {
        first
    } else {
        start.elapsed() / runs
    };
    println!(
        "{name:<58} {:>10.1} µs/lần  ({} lần)",
        per.as_secs_f64() * 1e6,
        runs.max(1)
    );
    per
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this once as a smoke test,
    // where one pass of each measurement is enough.
    let benching = std::env::args().any(|a| a == "--bench");
    let budget = Duration::from_millis(match (benching, std::env::var_os("CI").is_some()) {
        (false, _) => 0,
        (true, true) => 300,
        (true, false) => 1500,
    });
    let t = Templates::builtin().expect("built-in templates are valid");
    let report = filled(&t, 1);
    let eval = evaluate(&t, &report);
    let json = exchange::export(&t, &report, &eval, "2026-11-25T00:00:00Z");
    let inputs = t.appendix.cells.iter().filter(|c| c.is_input()).count();
    println!(
        "Mẫu: {} ô ({} ô nhập, {} ô tính), {} tiêu chí thành phần; tệp JSON xuất {} byte",
        t.appendix.cells.len(),
        inputs,
        t.appendix.eval_order.len(),
        eval.scorecard.items.len(),
        json.len()
    );
    let compile = measure(
        "biên dịch + kiểm tra hai mẫu có sẵn",
        budget,
        || {
            black_box(Templates::builtin().unwrap());
        },
    );
    let recompute = measure(
        "tính lại toàn bộ (ô tính, kiểm tra chéo, chấm điểm)",
        budget,
        || {
            black_box(evaluate(&t, black_box(&report)));
        },
    );
    let computed = cchc_core::compute::compute(&t.appendix, &report);
    measure(
        "  trong đó: đọc ô nhập và tính ô tính",
        budget,
        || {
            black_box(cchc_core::compute::compute(&t.appendix, black_box(&report)));
        },
    );
    measure(
        &format!(
            "  trong đó: kiểm tra chéo ({} phát hiện)",
            eval.findings.len()
        ),
        budget,
        || {
            black_box(cchc_core::checks::findings(
                &t.appendix,
                &report,
                black_box(&computed),
            ));
        },
    );
    measure("  trong đó: chấm điểm", budget, || {
        black_box(cchc_core::scoring::score(
            &t.criteria,
            black_box(&computed),
            &report,
        ));
    });
    let import = measure(
        "đọc JSON + kiểm tra + tính lại một báo cáo",
        budget,
        || {
            let r = exchange::import(black_box(&json)).unwrap();
            black_box(evaluate(&t, &r));
        },
    );
    let reports: Vec<Report> = (0..1000).map(|i| filled(&t, i)).collect();
    let agg = measure("tổng hợp 1.000 báo cáo", budget, || {
        black_box(aggregate(&t.appendix, black_box(&reports)));
    });
    let export = measure(
        "xuất JSON một báo cáo (kèm số liệu tính)",
        budget,
        || {
            black_box(exchange::export(&t, &report, &eval, "2026-11-25T00:00:00Z"));
        },
    );
    println!(
        "Tỷ lệ so với một lần tính lại: biên dịch mẫu {:.1}×, nhập JSON {:.1}×, xuất JSON {:.1}×, tổng hợp 1.000 báo cáo {:.0}×",
        compile.as_secs_f64() / recompute.as_secs_f64(),
        import.as_secs_f64() / recompute.as_secs_f64(),
        export.as_secs_f64() / recompute.as_secs_f64(),
        agg.as_secs_f64() / recompute.as_secs_f64()
    );
}
