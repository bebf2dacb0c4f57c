//! # Hardcoded credentials
//!
//! ## What it finds
//! Secrets written in the code: AWS access keys, private keys, GitHub/Slack/Stripe/Google/SendGrid/npm/OpenAI
//! tokens, passwords in connection strings, and string literals assigned to names such as `password`, `api_key`,
//! `client_secret`. AWS's documented example keys are reported at LOW severity as placeholders; obvious
//! placeholders (`changeme`, `${VAR}`, `<password>`) are not reported.
//!
//! ## Why it matters
//! Anyone who can read the deployment package (or the repository) gets the credential; it cannot be rotated
//! without a deployment.
//!
//! ## Example
//! ```python
//! DB_PASSWORD = "Sup3rS3cret!"
//! client = boto3.client("s3", aws_access_key_id="AKIA...", aws_secret_access_key="...")
//! ```
//!
//! ## Fix
//! Read the secret at run time:
//! ```python
//! password = secrets_client.get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])["SecretString"]
//! ```
//!
//! ## References
//! - https://cwe.mitre.org/data/definitions/798.html
//! - https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html

use crate::lang::Lang;
use crate::rules::{Check, Rule};
use warden_core::Severity;

pub const RULE: Rule = Rule {
    lang: Lang::Python,
    slug: "hardcoded-credentials",
    name: "Hardcoded credentials",
    cwes: &["CWE-798"],
    severity: Severity::Critical,
    tags: &["secrets", "credentials"],
    remediation: "Move the secret to AWS Secrets Manager or SSM Parameter Store (SecureString) and read it at run time; rotate the exposed value.",
    references: &["https://cwe.mitre.org/data/definitions/798.html"],
    checks: &[Check::Secrets],
};
