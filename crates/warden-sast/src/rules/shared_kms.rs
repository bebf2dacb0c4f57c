//! Client-side KMS re-encryption, for every language: a function that decrypts a KMS ciphertext and encrypts the
//! result again under a key (`kms.decrypt(…)` then `kms.encrypt(…)`, `DecryptCommand` then `EncryptCommand`,
//! `DecryptAsync` then `EncryptAsync`) brings the plaintext data key into the function's memory where KMS's
//! `ReEncrypt` would never expose it.

use super::RawHit;
use super::shared_walk::function_expressions;
use crate::ir::{Expr, ExprKind, Module};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Decrypt,
    Encrypt,
}

/// Whether a call is a KMS decrypt or encrypt: by the request type it builds (`DecryptCommand`, `DecryptRequest`) or
/// by a `decrypt`/`encrypt` method on something named like a KMS client, or given a ciphertext blob / key id.
fn kms_op(e: &Expr) -> Option<Op> {
    let ExprKind::Call { callee, args, new } = &e.kind else { return None };
    let dotted = callee.dotted().unwrap_or_default();
    let last = dotted.rsplit('.').next().unwrap_or_default().to_ascii_lowercase();
    let op = match last.trim_end_matches("async").trim_end_matches("command").trim_end_matches("request") {
        "decrypt" => Op::Decrypt,
        "encrypt" => Op::Encrypt,
        _ => return None,
    };
    let typed = *new && (last.ends_with("command") || last.ends_with("request"));
    let receiver = dotted.to_ascii_lowercase();
    let kms_receiver = receiver.contains("kms");
    let kms_args = args.iter().any(|a| {
        let named = a.name.as_deref().map(str::to_ascii_lowercase).unwrap_or_default();
        let mut keyed = false;
        if let ExprKind::Dict(entries) = &a.value.kind {
            keyed = entries.iter().any(|(k, _)| {
                k.as_ref().and_then(|k| k.as_str().map(str::to_string).or_else(|| k.dotted())).is_some_and(|k| {
                    let k = k.to_ascii_lowercase();
                    k.contains("ciphertextblob") || k == "keyid"
                })
            });
        }
        named.contains("ciphertext") || named == "keyid" || named == "key_id" || keyed
    });
    (typed || kms_receiver || kms_args).then_some(op)
}

/// A decrypt followed by an encrypt in one function.
pub fn check(module: &Module, out: &mut Vec<RawHit>) {
    for f in &module.functions {
        let mut decrypted = false;
        let mut last_line = 0;
        function_expressions(f, &mut |e| match kms_op(e) {
            Some(Op::Decrypt) => decrypted = true,
            Some(Op::Encrypt) if decrypted && e.span.start_line != last_line => {
                last_line = e.span.start_line;
                out.push(RawHit {
                    span: e.span,
                    message: "KMS data is decrypted and encrypted again in the function: use ReEncrypt".to_string(),
                    trace: Vec::new(),
                });
            }
            _ => {}
        });
    }
}
