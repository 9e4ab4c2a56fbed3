//! The one test binary: end-to-end tests through the real `mh51` binary, by area.

mod util;

mod refusals;
mod register;
