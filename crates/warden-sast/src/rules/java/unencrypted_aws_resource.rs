//! # Unencrypted AWS resource
//!
//! ## What it finds
//! AWS SDK requests that create or write data without server-side encryption: S3 `PutObjectRequest` (SDK v2
//! builders without `serverSideEncryption`/`ssekmsKeyId`; SDK v1 requests and object metadata without
//! `setSSEAlgorithm`/SSE-KMS parameters), DynamoDB `CreateTableRequest` without an `sseSpecification`, SNS
//! `CreateTopicRequest` and SQS `CreateQueueRequest` without a KMS key (or SQS-managed SSE) attribute, and the SDK
//! v1 name-only `createQueue("name")`/`createTopic("name")` calls.
//!
//! Also: a KMS ciphertext decrypted and encrypted again in the function (client-side re-encryption) instead of
//! KMS `ReEncrypt`, which never exposes the plaintext.
//!
//! ## Why it matters
//! Data stored without encryption under your control is readable by anyone who reaches the storage or its backups,
//! and fails most compliance baselines.
//!
//! ## Example
//! ```java
//! s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromString(body));
//! ```
//!
//! ## Fix
//! ```java
//! s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key)
//!     .serverSideEncryption(ServerSideEncryption.AWS_KMS).build(), RequestBody.fromString(body));
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/311.html

use super::shared::{any_str, call_parts, chain_calls, function_exprs, new_type};
use crate::ir::{Expr, ExprKind, Module, Span};
use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, RawHit, Rule};
use warden_core::Severity;

/// (request type, methods any one of which sets encryption, what is missing)
const REQUESTS: &[(&str, &[&str], &str)] = &[
    (
        "PutObjectRequest",
        &[
            "serverSideEncryption",
            "ssekmsKeyId",
            "sseCustomerAlgorithm",
            "withSSEAwsKeyManagementParams",
            "setSSEAwsKeyManagementParams",
            "withSSECustomerKey",
            "setSSECustomerKey",
            "withMetadata",
            "setMetadata",
        ],
        "an S3 object written without server-side encryption",
    ),
    (
        "CreateTableRequest",
        &["sseSpecification", "withSSESpecification", "setSSESpecification"],
        "a DynamoDB table without an SSE specification",
    ),
    (
        "CreateTopicRequest",
        &["attributes", "withAttributes", "addAttributesEntry", "setAttributes"],
        "an SNS topic without server-side encryption",
    ),
    (
        "CreateQueueRequest",
        &["attributes", "attributesWithStrings", "withAttributes", "addAttributesEntry", "setAttributes"],
        "an SQS queue without server-side encryption",
    ),
];

/// The type a chain starts from: `PutObjectRequest` of `PutObjectRequest.builder().…` or `new PutObjectRequest(…).…`.
fn chain_root(e: &Expr) -> Option<&str> {
    let mut cur = e;
    loop {
        if let Some(t) = new_type(cur) {
            return Some(t);
        }
        match &cur.kind {
            ExprKind::Call { callee, .. } => cur = callee,
            ExprKind::Attr { obj, .. } => cur = obj,
            ExprKind::Name(n) => return Some(n.rsplit('.').next().unwrap_or(n)),
            _ => return None,
        }
    }
}

/// Whether the attribute arguments mention a KMS key or managed SSE (a variable counts: it cannot be seen).
fn attributes_encrypt(args: &[crate::ir::Arg]) -> bool {
    args.iter().any(|a| {
        !matches!(a.value.kind, ExprKind::Call { .. } | ExprKind::Dict(_))
            || any_str(&a.value, &|s| s.contains("KmsMasterKeyId") || s.contains("SqsManagedSseEnabled"))
            || mentions_attr(&a.value, &["KMS_MASTER_KEY_ID", "SQS_MANAGED_SSE_ENABLED"])
    })
}

fn mentions_attr(e: &Expr, names: &[&str]) -> bool {
    let mut found = false;
    crate::rules::shared_walk::walk_expr(e, &mut |x| {
        if let ExprKind::Attr { name, .. } = &x.kind
            && names.contains(&name.as_str())
        {
            found = true;
        }
    });
    found
}

fn unencrypted(module: &Module, out: &mut Vec<RawHit>) {
    for func in &module.functions {
        // Outermost chains only: a call that is the receiver of another call is part of a longer chain.
        let mut inner: Vec<u32> = Vec::new();
        let mut chains: Vec<(Expr, Span)> = Vec::new();
        let mut encrypts_elsewhere = false;
        function_exprs(func, &mut |e| {
            if let Some((recv, method, _, _)) = call_parts(e) {
                if let Some(r) = recv
                    && matches!(r.kind, ExprKind::Call { .. })
                {
                    inner.push(r.span.end_byte);
                }
                if matches!(
                    method,
                    "setSSEAlgorithm"
                        | "setSSEAwsKeyManagementParams"
                        | "withSSEAwsKeyManagementParams"
                        | "setSSECustomerKey"
                ) {
                    encrypts_elsewhere = true;
                }
                if chain_root(e).is_some_and(|r| REQUESTS.iter().any(|(t, _, _)| *t == r)) {
                    chains.push((e.clone(), e.span));
                }
            }
        });
        for (e, span) in chains {
            if inner.contains(&span.end_byte) {
                continue;
            }
            let Some(root) = chain_root(&e) else { continue };
            let Some((_, setters, message)) = REQUESTS.iter().find(|(t, _, _)| *t == root) else { continue };
            let calls = chain_calls(&e);
            // v2 requests are only complete at build(); v1 requests are objects.
            let v2 = calls.iter().any(|(m, _, _)| *m == "builder");
            if v2 && calls.first().is_none_or(|(m, _, _)| *m != "build") {
                continue;
            }
            let encrypted = calls
                .iter()
                .any(|(m, args, _)| setters.contains(m) && (!m.contains("ttributes") || attributes_encrypt(args)));
            let encrypted = encrypted || (root == "PutObjectRequest" && encrypts_elsewhere);
            if !encrypted {
                out.push(RawHit { span, message: (*message).to_string(), trace: Vec::new() });
            }
        }
    }
}

/// SDK v1 `createQueue("name")` / `createTopic("name")`: the name-only overloads cannot ask for encryption.
fn name_only(site: &CallSite) -> bool {
    site.positional() == 1 && site.str_arg(0, "").is_some()
}

pub const RULE: Rule = Rule {
    lang: Lang::Java,
    slug: "unencrypted-aws-resource",
    name: "Unencrypted AWS resource",
    cwes: &["CWE-311"],
    severity: Severity::Medium,
    tags: &["encryption", "aws"],
    remediation: "Request server-side encryption explicitly (S3 serverSideEncryption(AWS_KMS), DynamoDB sseSpecification, SNS/SQS KmsMasterKeyId) with a KMS key you control.",
    references: &["https://cwe.mitre.org/data/definitions/311.html"],
    checks: &[
        Check::Custom(crate::rules::shared_kms::check),
        Check::Custom(unencrypted),
        Check::Call(CallCheck {
            pattern: "**.createQueue",
            when: Some(name_only),
            message: "an SQS queue without server-side encryption",
        }),
        Check::Call(CallCheck {
            pattern: "**.createTopic",
            when: Some(name_only),
            message: "an SNS topic without server-side encryption",
        }),
    ],
};
