//! Drafting (below).
