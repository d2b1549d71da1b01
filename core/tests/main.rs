//! Native tests of the report core, one file per area, one behaviour per test.
#![cfg(not(target_arch = "wasm32"))]

mod support;

mod appendix_editor;
mod builtin;
mod checks;
mod compare;
mod compute;
mod document;
mod edit;
mod editor;
mod exchange;
mod fuzz;
mod hostile;
mod merge;
mod national766;
mod present;
mod prose;
mod rollup;
mod scoring;
mod seeds;
mod sheet_import;
mod validation;
mod versions;
mod workspace;
