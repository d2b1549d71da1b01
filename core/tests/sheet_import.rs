//! Spreadsheet import of a criteria table: CSV reading, header and hierarchy, rules read from
//! the optional columns, broken rows listed, and the result compiled against the appendix.

use cchc_core::authoring::import::{import_criteria, CriteriaImport, NoteKind, SetMeta};
use cchc_core::authoring::sheet::parse_csv;

use crate::support::templates;

const SAMPLE_CSV: &str = include_str!("../../docs/samples/tieu-chi-xa-mau.csv");

fn import_csv(csv: &str) -> CriteriaImport {
    let sheet = parse_csv(csv).expect("CSV reads");
    import_criteria(&sheet, &templates().appendix, SetMeta::default()).expect("a table")
}

#[test]
fn explore_sample() {
    let imp = import_csv(SAMPLE_CSV);
    println!("items {} problem {:?}", imp.item_count(), imp.problem.as_ref().map(|p| p.message().vi));
    for n in &imp.notes {
        println!("{:>3} {:?} {}", n.row, n.kind, n.message.vi);
    }
    for a in &imp.template.areas {
        println!("{} {} {:?} {}", a.id, a.title.vi, a.kind, a.max);
        for c in &a.criteria {
            println!("  {} {} {}", c.id, c.title.vi, c.max);
            for i in &c.items {
                println!("    {} [{}] {} {} {:?}", i.id, i.stt, i.title.vi, i.max, i.rule);
            }
        }
    }
}
