//! # Unencrypted AWS resource
//!
//! ## What it finds
//! AWS resources created without encryption at rest: SNS `create_topic` without `KmsMasterKeyId`, SQS
//! `create_queue` without `KmsMasterKeyId`/`SqsManagedSseEnabled`, DynamoDB `create_table` without
//! `SSESpecification`, and S3 objects written with `ServerSideEncryption` explicitly set to nothing. (S3 encrypts
//! new objects with SSE-S3 by default since 2023, so a `put_object` without the parameter is not reported.)
//!
//! Also: a KMS ciphertext decrypted and encrypted again in the function (client-side re-encryption) instead of
//! KMS `ReEncrypt`, which never exposes the plaintext.
//!
//! ## Why it matters
//! Data at rest without encryption under your key is readable by anyone with storage-level access and cannot be
//! revoked by disabling a key.
//!
//! ## Example
//! ```python
//! sns.create_topic(Name="orders")
//! ```
//!
//! ## Fix
//! Encrypt with a KMS key:
//! ```python
//! sns.create_topic(Name="orders", Attributes={"KmsMasterKeyId": "alias/orders"})
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/311.html
//! - https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

fn attributes<'a>(site: &'a CallSite<'a>) -> Option<&'a crate::rules::Const> {
    site.keyword("Attributes")
}

/// `create_topic(Name=…)` with no `KmsMasterKeyId` attribute (and not a boto3-unrelated call: it needs `Name`).
fn no_kms_attribute(site: &CallSite) -> bool {
    site.has_keyword("Name")
        && attributes(site).is_none_or(|a| a.get("KmsMasterKeyId").is_none())
        && !site.args.iter().any(|a| a.spread)
}

/// `create_queue(QueueName=…)` with neither a KMS key nor SQS-managed encryption.
fn no_queue_encryption(site: &CallSite) -> bool {
    site.has_keyword("QueueName")
        && !attributes(site)
            .is_some_and(|a| a.get("KmsMasterKeyId").is_some() || a.get("SqsManagedSseEnabled").is_some())
        && !site.args.iter().any(|a| a.spread)
}

/// `create_table(TableName=…, KeySchema=…)` with no `SSESpecification`.
fn no_sse_specification(site: &CallSite) -> bool {
    site.has_keyword("TableName")
        && site.has_keyword("KeySchema")
        && !site.has_keyword("SSESpecification")
        && !site.args.iter().any(|a| a.spread)
}

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "unencrypted-aws-resource",
    name: "Unencrypted AWS resource",
    cwes: &["CWE-311"],
    severity: Severity::Medium,
    tags: &["encryption", "aws"],
    remediation: "Create SNS topics and SQS queues with a KMS key (KmsMasterKeyId) or SQS-managed encryption, DynamoDB tables with SSESpecification, and S3 uploads with ServerSideEncryption='aws:kms' where the data is sensitive.",
    references: &["https://cwe.mitre.org/data/definitions/311.html"],
    checks: &[
        Check::Custom(crate::rules::shared_kms::check),
        Check::Call(CallCheck {
            pattern: "**.create_topic",
            when: Some(no_kms_attribute),
            message: "an SNS topic without server-side encryption",
        }),
        Check::Call(CallCheck {
            pattern: "**.create_queue",
            when: Some(no_queue_encryption),
            message: "an SQS queue without server-side encryption",
        }),
        Check::Call(CallCheck {
            pattern: "**.create_table",
            when: Some(no_sse_specification),
            message: "a DynamoDB table without an SSE specification",
        }),
    ],
};
