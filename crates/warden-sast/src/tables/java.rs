//! Sources, sinks and sanitizers of java.

use super::{ParamSources, Tables};

pub static TABLES: Tables = Tables {
    sources: &[],
    sinks: &[],
    sanitizers: &[],
    params: ParamSources { types: &[], annotations: &[], route_decorators: &[], request_names: &[] },
    log_calls: &[],
};
