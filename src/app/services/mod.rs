//! The world outside the state: the clock, localStorage, files, the service worker. Components never call these;
//! the root does, and brings what they return into the state as actions.

pub mod clock;
pub mod files;
pub mod office;
pub mod offline;
pub mod storage;
