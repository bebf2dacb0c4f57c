//! # Missing SSH host key verification
//!
//! ## What it finds
//! Net::SSH, Net::SCP and Net::SFTP connections that accept unknown or changed host keys: `verify_host_key: :never`
//! (or `false`, `:accept_new_or_local_tunnel` on a new host), or the older `paranoid: false`.
//!
//! ## Why it matters
//! Accepting any host key lets a machine in the middle impersonate the SSH server and capture the credentials and
//! data sent to it.
//!
//! ## Example
//! ```ruby
//! Net::SSH.start("deploy.example.com", "deploy", keys: [KEY_PATH], verify_host_key: :never) do |ssh|
//!   ssh.exec!("./release.sh")
//! end
//! ```
//!
//! ## Fix
//! Check the server's key against known hosts:
//! ```ruby
//! Net::SSH.start("deploy.example.com", "deploy", keys: [KEY_PATH], verify_host_key: :always,
//!                user_known_hosts_file: "/var/task/known_hosts")
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/322.html
//! - https://github.com/net-ssh/net-ssh#host-key-verification

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Const, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "missing-host-key-verification",
    name: "Missing SSH host key verification",
    cwes: &["CWE-322"],
    severity: Severity::Medium,
    tags: &["ssh", "authentication"],
    remediation: "Verify host keys against a known_hosts file (verify_host_key: :always, user_known_hosts_file: …) instead of accepting whatever key the server presents.",
    references: &[
        "https://cwe.mitre.org/data/definitions/322.html",
        "https://github.com/net-ssh/net-ssh#host-key-verification",
    ],
    checks: &[
        Check::Call(CallCheck { pattern: "Net.SSH.start", when: Some(accepts_any_key), message: MSG }),
        Check::Call(CallCheck { pattern: "Net.SCP.start", when: Some(accepts_any_key), message: MSG }),
        Check::Call(CallCheck { pattern: "Net.SFTP.start", when: Some(accepts_any_key), message: MSG }),
        Check::Call(CallCheck { pattern: "Net.SSH.Transport.Session", when: Some(accepts_any_key), message: MSG }),
    ],
};

const MSG: &str = "SSH host keys are not verified";

fn accepts_any_key(site: &CallSite) -> bool {
    let never = |c: Option<&Const>| match c {
        Some(Const::Bool(false)) => true,
        Some(Const::Str(s)) => matches!(s.as_str(), "never" | "accept_new_or_local_tunnel" | "very_lenient"),
        _ => false,
    };
    never(site.keyword("verify_host_key")) || never(site.keyword("paranoid"))
}
