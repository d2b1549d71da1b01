//! Native tests of the report core, one file per area, one behaviour per test.
#![cfg(not(target_arch = "wasm32"))]

mod support;

mod builtin;
mod checks;
mod compute;
mod document;
mod edit;
mod exchange;
mod fuzz;
mod hostile;
mod present;
mod prose;
mod scoring;
mod seeds;
mod validation;
mod workspace;
