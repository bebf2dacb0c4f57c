//! OSV advisories: read, validated once at the boundary, indexed by normalized package name, matched with OSV
//! semantics, and kept in a compact on-disk database.
//!
//! | module | holds |
//! |---|---|
//! | [`osv`] | the OSV schema as plain serde structs (what a document says) |
//! | [`validate`](mod@validate) | the boundary: [`Advisory`] with parsed ecosystems and versions; every problem counted |
//! | [`load`](mod@load) | a JSON file, a directory, a zip, or the bucket layout `<dir>/<Ecosystem>/all.zip` |
//! | [`index`](mod@index) | [`Index`]: by id and by (ecosystem, [`warden_core::normalize_name`]) |
//! | [`matcher`] | OSV range semantics, explicit `versions` lists, and why each [`Match`] matched |
//! | [`store`] | [`Database`]: one file written atomically, with the import's stats and diff |
//!
//! ```no_run
//! use warden_advisories::{Database, Ecosystem};
//! # fn main() -> Result<(), warden_advisories::StoreError> {
//! let db = Database::import("../shared/osv".as_ref(), "/tmp/warden-db".as_ref())?;
//! println!("{}", db.meta().stats); // per-ecosystem counts and problems
//! for m in db.affected(Ecosystem::PyPI, "PyYAML", "5.3") {
//!     println!("{m}"); // PYSEC-2020-96: PyYAML affected (listed version 5.3); fixed in 5.3.1
//! }
//! let db = Database::open("/tmp/warden-db".as_ref())?; // later: no JSON parsed
//! # Ok(()) }
//! ```
//!
//! Advisory data is untrusted: nothing here panics on it, and what cannot be read is counted per ecosystem and kind
//! ([`LoadStats`], [`ProblemKind`]) and, where it concerns an installed package, reported as
//! [`MatchOutcome::Undecidable`] rather than as "not affected".
//!
//! # Measurements
//!
//! The full shared snapshot (`../shared/osv`: 9,841 documents in 7 zips, 9.1 MB compressed, 23 MB of JSON), release
//! build, on the 2-core development machine while fuzzers ran (load average about 5, so medians are noisy; the
//! fastest run is the better guide). From `benches/matching.rs`:
//!
//! | what | fastest | median |
//! |---|---|---|
//! | [`load()`] + [`Index::new`] (unzip, parse the JSON, validate, index) | 472 ms | 545–684 ms |
//! | [`Database::import`] (load, encode, write atomically) | 549 ms | (single runs: 549–1,076 ms) |
//! | [`Database::open`] before deferred lists (decode, re-validate, parse every listed version, index) | 206 ms | 213–496 ms |
//! | [`Database::open`] now (decode, re-validate, index; `versions` lists parsed on first lookup; no JSON) | 119 ms | 129 ms |
//! | the same two, back to back at load average 8.5 | 305 ms → 128 ms | 476 ms → 141 ms |
//! | database file `advisories.wdb` | 14,616,748 bytes (14.6 MB) | |
//! | [`Index::affected`] × 10,000 packages, 3,488 of them named by the snapshot | 18 ms | 23–28 ms |
//! | the same × 10,000 queries all at named packages, heavy ones (Go `stdlib`, Django) most often | 111 ms | 146–200 ms |
//!
//! Opening was dominated by allocation: the PyPI advisories list about 140,000 versions, each parsed into a
//! [`warden_versions::Version`]. An open now leaves each [`VersionList`] unparsed until a lookup first reaches its
//! entry (a `OnceLock` per list; the import parsed it and counted its problems, and the parse is deterministic and
//! cannot fail, so matches are unchanged). Measured on the same load (about 6) the bench went from 266 ms fastest,
//! 303 ms median, to 119 ms and 129 ms. `warden scan --db` of a one-package zip (debug build): 1.03–1.11 s and
//! 130 MB peak RSS before, 0.56–0.62 s and 77 MB after (`/usr/bin/time -v`). What remains is decoding every record
//! (about 10,000 advisories' strings), parsing range events, and building the index. In a debug build (the tests)
//! an open takes about 0.45 s (0.75 s before).

pub mod index;
pub mod load;
pub mod matcher;
pub mod osv;
mod stats;
pub mod store;
mod time;
pub mod validate;

pub use index::Index;
pub use load::{Document, LoadError, Loaded, load};
pub use matcher::{Evidence, Match, MatchOutcome, NameMatch, Undecidable};
pub use stats::{EXAMPLES_PER_KIND, EcosystemStats, LoadStats, NO_ECOSYSTEM, Problem, ProblemKind};
pub use store::{Database, ImportDiff, Meta, StoreError};
pub use time::parse_rfc3339;
pub use validate::{
    Advisory, Affected, Bound, Event, EventKind, GitRange, InvalidRange, OrderedRange, Range, RangeKind, VersionList,
    VersionScheme,
};
pub use warden_core::Ecosystem;
