//! # Unencrypted AWS resource
//!
//! ## What it finds
//! AWS resources created or written without asking for encryption: S3 `putObject`/`upload`/`PutObjectCommand`/
//! multipart uploads without `ServerSideEncryption`, SNS topics and SQS queues created without a KMS key
//! (`KmsMasterKeyId`, or `SqsManagedSseEnabled` for SQS), and DynamoDB tables created without an
//! `SSESpecification` (AWS SDK for JavaScript v2 clients and v3 commands).
//!
//! Also: a KMS ciphertext decrypted and encrypted again in the function (client-side re-encryption) instead of
//! KMS `ReEncrypt`, which never exposes the plaintext.
//!
//! ## Why it matters
//! Data at rest without a customer-chosen key is readable by anyone who gets at the storage, and its access cannot
//! be audited or revoked through KMS.
//!
//! ## Example
//! ```javascript
//! await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: key, Body: report }));
//! ```
//!
//! ## Fix
//! ```javascript
//! await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: key, Body: report, ServerSideEncryption: 'aws:kms' }));
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/311.html
//! - https://docs.aws.amazon.com/AmazonS3/latest/userguide/serv-side-encryption.html

use super::shared::{Opt, has_object, opt};
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

fn absent(o: Opt) -> bool {
    matches!(o, Opt::Missing)
}

fn s3_put(site: &CallSite) -> bool {
    has_object(site, 0)
        && !absent(opt(site, 0, "Bucket"))
        && !absent(opt(site, 0, "Key"))
        && absent(opt(site, 0, "ServerSideEncryption"))
        && absent(opt(site, 0, "SSEKMSKeyId"))
        && absent(opt(site, 0, "SSECustomerAlgorithm"))
}

/// `new Upload({ client, params: { Bucket, Key, Body } })` from `@aws-sdk/lib-storage`.
fn lib_storage_upload(site: &CallSite) -> bool {
    has_object(site, 0)
        && !absent(opt(site, 0, "params.Bucket"))
        && absent(opt(site, 0, "params.ServerSideEncryption"))
        && absent(opt(site, 0, "params.SSEKMSKeyId"))
}

fn topic(site: &CallSite) -> bool {
    has_object(site, 0) && !absent(opt(site, 0, "Name")) && absent(opt(site, 0, "Attributes.KmsMasterKeyId"))
}

fn queue(site: &CallSite) -> bool {
    has_object(site, 0)
        && !absent(opt(site, 0, "QueueName"))
        && absent(opt(site, 0, "Attributes.KmsMasterKeyId"))
        && opt(site, 0, "Attributes.SqsManagedSseEnabled").is_false()
        && opt(site, 0, "Attributes.SqsManagedSseEnabled") != Opt::Const(crate::rules::Const::Str("true".into()))
}

fn table(site: &CallSite) -> bool {
    has_object(site, 0) && !absent(opt(site, 0, "TableName")) && absent(opt(site, 0, "SSESpecification"))
}

const S3: &str = "an S3 object written without server-side encryption";
const SNS: &str = "an SNS topic without server-side encryption";
const SQS: &str = "an SQS queue without server-side encryption";
const DDB: &str = "a DynamoDB table without an SSE specification";

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "unencrypted-aws-resource",
    name: "Unencrypted AWS resource",
    cwes: &["CWE-311"],
    severity: Severity::Medium,
    tags: &["encryption", "aws"],
    remediation: "Ask for server-side encryption with a KMS key: ServerSideEncryption: 'aws:kms' for S3 writes, \
                  Attributes.KmsMasterKeyId for SNS topics and SQS queues, SSESpecification for DynamoDB tables.",
    references: &["https://cwe.mitre.org/data/definitions/311.html"],
    checks: &[
        Check::Custom(crate::rules::shared_kms::check),
        Check::Call(CallCheck { pattern: "**.putObject", when: Some(s3_put), message: S3 }),
        Check::Call(CallCheck { pattern: "**.upload", when: Some(s3_put), message: S3 }),
        Check::Call(CallCheck { pattern: "**.createMultipartUpload", when: Some(s3_put), message: S3 }),
        Check::Call(CallCheck { pattern: "**.PutObjectCommand", when: Some(s3_put), message: S3 }),
        Check::Call(CallCheck { pattern: "PutObjectCommand", when: Some(s3_put), message: S3 }),
        Check::Call(CallCheck { pattern: "**.CreateMultipartUploadCommand", when: Some(s3_put), message: S3 }),
        Check::Call(CallCheck { pattern: "@aws-sdk/lib-storage.Upload", when: Some(lib_storage_upload), message: S3 }),
        Check::Call(CallCheck { pattern: "**.createTopic", when: Some(topic), message: SNS }),
        Check::Call(CallCheck { pattern: "**.CreateTopicCommand", when: Some(topic), message: SNS }),
        Check::Call(CallCheck { pattern: "CreateTopicCommand", when: Some(topic), message: SNS }),
        Check::Call(CallCheck { pattern: "**.createQueue", when: Some(queue), message: SQS }),
        Check::Call(CallCheck { pattern: "**.CreateQueueCommand", when: Some(queue), message: SQS }),
        Check::Call(CallCheck { pattern: "CreateQueueCommand", when: Some(queue), message: SQS }),
        Check::Call(CallCheck { pattern: "**.createTable", when: Some(table), message: DDB }),
        Check::Call(CallCheck { pattern: "**.CreateTableCommand", when: Some(table), message: DDB }),
        Check::Call(CallCheck { pattern: "CreateTableCommand", when: Some(table), message: DDB }),
    ],
};
