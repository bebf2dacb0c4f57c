//! # Hardcoded credentials
//!
//! ## What it finds
//! Secrets written in the code: AWS access keys, private keys, GitHub/Slack/Stripe/Google/SendGrid/npm/OpenAI
//! tokens, passwords in connection strings (`mongodb://user:pass@…`), and string literals assigned to names or
//! object properties such as `password`, `apiKey`, `clientSecret`. AWS's documented example keys are reported at
//! LOW severity as placeholders; obvious placeholders (`changeme`, `${VAR}`, `<password>`) are not reported.
//!
//! ## Why it matters
//! Anyone who can read the deployment package (or the repository) gets the credential; it cannot be rotated
//! without a deployment.
//!
//! ## Example
//! ```javascript
//! const s3 = new S3Client({
//!   credentials: { accessKeyId: 'AKIA…', secretAccessKey: 'wJalr…' },
//! });
//! const DB_PASSWORD = 'Sup3rS3cret!';
//! ```
//!
//! ## Fix
//! Use the function's role and read other secrets at run time:
//! ```javascript
//! const s3 = new S3Client({});
//! const { SecretString } = await sm.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/798.html
//! - https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html

use crate::lang::Lang;
use crate::rules::{CallCheck, CallSite, Check, Rule};
use warden_core::Severity;

/// A literal key that is not an obvious placeholder.
fn literal_key(site: &CallSite, i: usize) -> bool {
    site.arg(i, "").and_then(|a| a.value.as_str()).is_some_and(|k| {
        let l = k.to_ascii_lowercase();
        k.len() >= 6
            && !["changeme", "placeholder", "your", "example", "xxx", "***", "${", "<", "test", "dummy"]
                .iter()
                .any(|p| l.contains(p))
    })
}

fn key_at_1(site: &CallSite) -> bool {
    literal_key(site, 1)
}

fn key_at_0(site: &CallSite) -> bool {
    literal_key(site, 0)
}

const KEY: &str = "a signing key is hardcoded";

pub const RULE: Rule = Rule {
    lang: Lang::JavaScript,
    slug: "hardcoded-credentials",
    name: "Hardcoded credentials",
    cwes: &["CWE-798"],
    severity: Severity::Critical,
    tags: &["secrets", "credentials"],
    remediation: "Remove the secret from the code and rotate it; use the function's IAM role for AWS and read other \
                  secrets from Secrets Manager or SSM Parameter Store at run time.",
    references: &["https://cwe.mitre.org/data/definitions/798.html"],
    checks: &[
        Check::Secrets,
        Check::Call(CallCheck { pattern: "jsonwebtoken.sign", when: Some(key_at_1), message: KEY }),
        Check::Call(CallCheck { pattern: "jsonwebtoken.verify", when: Some(key_at_1), message: KEY }),
        Check::Call(CallCheck { pattern: "jose.SignJWT.sign", when: Some(key_at_0), message: KEY }),
        Check::Call(CallCheck { pattern: "crypto.createHmac", when: Some(key_at_1), message: KEY }),
        Check::Call(CallCheck { pattern: "cookie-parser", when: Some(key_at_0), message: KEY }),
        Check::Call(CallCheck { pattern: "crypto-js.HmacSHA256", when: Some(key_at_1), message: KEY }),
        Check::Call(CallCheck {
            pattern: "crypto-js.AES.encrypt",
            when: Some(key_at_1),
            message: "an encryption key is hardcoded",
        }),
    ],
};
