//! # Unencrypted AWS resource
//!
//! ## What it finds
//! S3 objects written without `server_side_encryption` (`put_object`, `copy_object`, `object.put`; `nil` or `""`
//! counts as none), SNS topics and
//! SQS queues created without a KMS key or SSE attribute, and DynamoDB tables created without an
//! `sse_specification`.
//!
//! Also: a KMS ciphertext decrypted and encrypted again in the function (client-side re-encryption) instead of
//! KMS `ReEncrypt`, which never exposes the plaintext.
//!
//! ## Why it matters
//! Data stored without your own encryption key is readable by anyone who gets access to the bucket, queue or table
//! and cannot be cut off by revoking a key.
//!
//! ## Example
//! ```ruby
//! def handler(event:, context:)
//!   s3.put_object(bucket: "reports", key: "r.json", body: event["body"])
//! end
//! ```
//!
//! ## Fix
//! Ask for KMS encryption:
//! ```ruby
//!   s3.put_object(bucket: "reports", key: "r.json", body: event["body"],
//!                 server_side_encryption: "aws:kms", ssekms_key_id: KEY_ARN)
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/311.html
//! - https://docs.aws.amazon.com/sdk-for-ruby/v3/api/Aws/S3/Client.html#put_object-instance_method

use super::shared::hash_keys;
use crate::ir::ExprKind;
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Const, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Ruby,
    slug: "unencrypted-aws-resource",
    name: "Unencrypted AWS resource",
    cwes: &["CWE-311"],
    severity: Severity::Medium,
    tags: &["encryption", "aws"],
    remediation: "Encrypt data at rest with KMS: pass server_side_encryption (\"aws:kms\") to S3 writes, KmsMasterKeyId to SNS topics and SQS queues, and an sse_specification to DynamoDB tables.",
    references: &[
        "https://cwe.mitre.org/data/definitions/311.html",
        "https://docs.aws.amazon.com/sdk-for-ruby/v3/api/Aws/S3/Client.html#put_object-instance_method",
    ],
    checks: &[
        Check::Custom(crate::rules::shared_kms::check),
        Check::Call(CallCheck { pattern: "**.put_object", when: Some(no_sse), message: MSG_S3 }),
        Check::Call(CallCheck { pattern: "**.copy_object", when: Some(no_sse), message: MSG_S3 }),
        Check::Call(CallCheck { pattern: "**.create_multipart_upload", when: Some(no_sse), message: MSG_S3 }),
        Check::Call(CallCheck { pattern: "**.object.put", when: Some(no_sse), message: MSG_S3 }),
        Check::Call(CallCheck { pattern: "Aws.S3.Object.put", when: Some(no_sse), message: MSG_S3 }),
        Check::Call(CallCheck { pattern: "**.create_topic", when: Some(no_kms_attribute), message: MSG_SNS }),
        Check::Call(CallCheck { pattern: "**.create_queue", when: Some(no_queue_encryption), message: MSG_SQS }),
        Check::Call(CallCheck { pattern: "**.create_table", when: Some(no_table_sse), message: MSG_DDB }),
    ],
};

const MSG_S3: &str = "an S3 object written without server-side encryption";
const MSG_SNS: &str = "an SNS topic created without a KMS key";
const MSG_SQS: &str = "an SQS queue created without encryption";
const MSG_DDB: &str = "a DynamoDB table created without an SSE specification";

/// The request parameters as (lower-case key, constant): keyword arguments or a literal hash argument. `None` when
/// they are passed in a variable whose content is unknown.
fn request(site: &CallSite) -> Option<Vec<(String, Option<Const>)>> {
    let named: Vec<(String, Option<Const>)> = site
        .args
        .iter()
        .zip(site.consts)
        .filter_map(|(a, c)| a.name.as_ref().map(|n| (n.to_ascii_lowercase(), c.clone())))
        .collect();
    if !named.is_empty() {
        return Some(named);
    }
    if site.arg(0, "").is_some_and(|a| matches!(a.value.kind, ExprKind::Dict(_))) {
        return hash_keys(site, 0);
    }
    None
}

fn no_sse(site: &CallSite) -> bool {
    request(site).is_some_and(|r| {
        // `server_side_encryption: nil` (or `""`) asks for none.
        !r.iter().any(|(k, c)| {
            matches!(k.as_str(), "server_side_encryption" | "sse_customer_algorithm" | "ssekms_key_id")
                && !matches!(c, Some(Const::Null))
                && c.as_ref().and_then(Const::as_str) != Some("")
        })
    })
}

fn attribute_keys(site: &CallSite) -> Option<Vec<String>> {
    let i = site.args.iter().position(|a| a.name.as_deref() == Some("attributes"))?;
    match site.args.get(i).map(|a| &a.value.kind) {
        Some(ExprKind::Dict(entries)) => Some(
            entries
                .iter()
                .filter_map(|(k, _)| k.as_ref().and_then(|k| k.as_str().map(str::to_ascii_lowercase)))
                .collect(),
        ),
        _ => match site.consts.get(i).and_then(Option::as_ref) {
            Some(Const::Dict(d)) => Some(d.iter().map(|(k, _)| k.to_ascii_lowercase()).collect()),
            _ => None,
        },
    }
}

fn no_kms_attribute(site: &CallSite) -> bool {
    if request(site).is_none() {
        return false;
    }
    match attribute_keys(site) {
        Some(keys) => !keys.iter().any(|k| k == "kmsmasterkeyid"),
        None => !site.has_keyword("attributes"),
    }
}

fn no_queue_encryption(site: &CallSite) -> bool {
    if request(site).is_none() {
        return false;
    }
    match attribute_keys(site) {
        Some(keys) => !keys.iter().any(|k| k == "kmsmasterkeyid" || k == "sqsmanagedsseenabled"),
        None => !site.has_keyword("attributes"),
    }
}

fn no_table_sse(site: &CallSite) -> bool {
    request(site)
        .is_some_and(|r| r.iter().any(|(k, _)| k == "table_name") && !r.iter().any(|(k, _)| k == "sse_specification"))
}
