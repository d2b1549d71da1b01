//! Which findings show at which cell, indexed once per render so that each of the ~200 cells
//! looks itself up instead of scanning every finding.

use std::collections::{BTreeMap, BTreeSet};

use crate::core::checks::{Finding, Place, Severity};
use crate::core::template::CellIx;

pub struct Marks {
    /// Indices into the findings, by the cell each is placed at.
    at: BTreeMap<CellIx, Vec<usize>>,
    /// Cells a finding involves without being placed at them (the other parts of a sum), so
    /// the officer sees what the message compares.
    involved: BTreeSet<CellIx>,
}

impl Marks {
    pub fn new(findings: &[Finding]) -> Self {
        let mut at: BTreeMap<CellIx, Vec<usize>> = BTreeMap::new();
        let mut involved = BTreeSet::new();
        for (i, f) in findings.iter().enumerate() {
            if let Place::Cell(ix) = f.place {
                at.entry(ix).or_default().push(i);
            }
            involved.extend(f.cells.iter().copied());
        }
        for ix in at.keys() {
            involved.remove(ix);
        }
        Marks { at, involved }
    }

    /// The findings placed at a cell, as indices into the evaluation's findings.
    pub fn at(&self, ix: CellIx) -> &[usize] {
        self.at.get(&ix).map_or(&[], Vec::as_slice)
    }

    /// The worst severity placed at a cell (errors sort first).
    pub fn worst(&self, ix: CellIx, findings: &[Finding]) -> Option<Severity> {
        self.at(ix).iter().map(|&i| findings[i].severity).min()
    }

    pub fn is_involved(&self, ix: CellIx) -> bool {
        self.involved.contains(&ix)
    }
}
