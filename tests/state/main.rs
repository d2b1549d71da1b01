//! Native tests of the app's state: the reducer, a province's appendix and criteria set, the tables'
//! keyboard layout, the notices.

#[path = "../fixtures/criteria.rs"]
mod fixtures;

mod appendix;
mod compare;
mod criteria;
mod golden;
mod history;
mod nav;
mod notices;
mod reducer;
mod tabs;
mod trash;
