//! # Unencrypted AWS resource
//!
//! ## What it finds
//! S3 objects written (`PutObjectRequest`, `TransferUtilityUploadRequest`, `CopyObjectRequest`) without
//! `ServerSideEncryptionMethod`; SNS topics and SQS queues created (`CreateTopicRequest`, `CreateQueueRequest`)
//! without `KmsMasterKeyId`/`SqsManagedSseEnabled`; DynamoDB tables created without `SSESpecification`.
//!
//! Also: a KMS ciphertext decrypted and encrypted again in the function (client-side re-encryption) instead of
//! KMS `ReEncrypt`, which never exposes the plaintext.
//!
//! ## Why it matters
//! Data at rest is protected only by the defaults, with no key you control, audit or can revoke.
//!
//! ## Example
//! ```csharp
//! await s3.PutObjectAsync(new PutObjectRequest { BucketName = "reports", Key = key, ContentBody = csv });
//! ```
//!
//! ## Fix
//! ```csharp
//! await s3.PutObjectAsync(new PutObjectRequest
//! {
//!     BucketName = "reports", Key = key, ContentBody = csv,
//!     ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
//! });
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/311.html
//! - https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html

use super::shared;
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

fn configured(c: &CallSite) -> bool {
    c.args.iter().any(|a| a.name.is_some())
}

fn s3_unencrypted(c: &CallSite) -> bool {
    configured(c)
        && !c.has_keyword("ServerSideEncryptionMethod")
        && !c.has_keyword("ServerSideEncryptionKeyManagementServiceKeyId")
        && !c.has_keyword("ServerSideEncryptionCustomerMethod")
}

fn attributes_without_kms(c: &CallSite) -> bool {
    configured(c)
        && !c.args.iter().any(|a| {
            a.name.as_deref() == Some("Attributes")
                && (shared::mentions_str(&a.value, "KmsMasterKeyId")
                    || shared::mentions_str(&a.value, "SqsManagedSseEnabled")
                    || shared::mentions_name(&a.value, "KmsMasterKeyId")
                    || shared::mentions_name(&a.value, "SqsManagedSseEnabled"))
        })
}

fn table_unencrypted(c: &CallSite) -> bool {
    configured(c) && !c.has_keyword("SSESpecification")
}

const S3: &str = "S3 object written without server-side encryption (ServerSideEncryptionMethod)";
const QUEUE: &str = "SNS topic / SQS queue created without a KMS key";
const TABLE: &str = "DynamoDB table created without SSESpecification";

/// `sns.CreateTopicAsync("name")`: no attributes, so no KMS key.
fn bare_topic(c: &CallSite) -> bool {
    c.positional() == 1 && c.arg(0, "").is_some_and(|a| !matches!(a.value.kind, crate::ir::ExprKind::Call { .. }))
}

const AWS_CHECKS: &[Check] = &[
    Check::Custom(crate::rules::shared_kms::check),
    Check::Call(CallCheck { pattern: "**.CreateTopicAsync", when: Some(bare_topic), message: QUEUE }),
    Check::Call(CallCheck { pattern: "**.CreateTopic", when: Some(bare_topic), message: QUEUE }),
    Check::Call(CallCheck { pattern: "PutObjectRequest", when: Some(s3_unencrypted), message: S3 }),
    Check::Call(CallCheck { pattern: "**.PutObjectRequest", when: Some(s3_unencrypted), message: S3 }),
    Check::Call(CallCheck { pattern: "TransferUtilityUploadRequest", when: Some(s3_unencrypted), message: S3 }),
    Check::Call(CallCheck { pattern: "CopyObjectRequest", when: Some(s3_unencrypted), message: S3 }),
    Check::Call(CallCheck { pattern: "CreateTopicRequest", when: Some(attributes_without_kms), message: QUEUE }),
    Check::Call(CallCheck { pattern: "CreateQueueRequest", when: Some(attributes_without_kms), message: QUEUE }),
    Check::Call(CallCheck { pattern: "CreateTableRequest", when: Some(table_unencrypted), message: TABLE }),
];

pub const RULE: Rule = Rule {
    lang: Lang::CSharp,
    slug: "unencrypted-aws-resource",
    name: "Unencrypted AWS resource",
    cwes: &["CWE-311"],
    severity: Severity::Medium,
    tags: &["encryption", "aws"],
    remediation: "Request server-side encryption with a KMS key: ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS, KmsMasterKeyId for SNS/SQS, SSESpecification for DynamoDB.",
    references: &[
        "https://cwe.mitre.org/data/definitions/311.html",
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html",
    ],
    checks: AWS_CHECKS,
};
