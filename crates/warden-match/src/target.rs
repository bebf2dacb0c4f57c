//! The function a scan is about: the `resources[]` entry of its findings, and the region and account of their ARNs.

use std::collections::BTreeMap;

use serde::Deserialize;
use warden_core::{
    Architecture, AwsLambdaFunctionDetails, LambdaVpcConfig, PackageType, Resource, ResourceDetails, ResourceType,
    Runtime, Timestamp,
};

/// Region of a function scanned without `--function-config`: no AWS region is named `local`, so such findings can
/// never be mistaken for ones of a real account.
pub const PLACEHOLDER_REGION: &str = "local";
/// Account of a function scanned without `--function-config`.
pub const PLACEHOLDER_ACCOUNT: &str = "000000000000";

/// The scanned function.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub region: String,
    pub account: String,
    /// `resources[0]` of every finding; its `id` is part of every finding ARN.
    pub resource: Resource,
}

/// A `--function-config` file that is not a Lambda `GetFunction` response.
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    #[error("not a Lambda GetFunction response: {0}")]
    Json(#[from] serde_json::Error),
    #[error(
        "Configuration.FunctionArn {0:?} is not a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME)"
    )]
    Arn(String),
}

impl Target {
    /// A function known only by its deployment package's file name: `arn:aws:lambda:local:000000000000:function:
    /// <name>:$LATEST` (see [`PLACEHOLDER_REGION`]), so that finding ARNs are still stable across rescans of a file
    /// of the same name.
    pub fn placeholder(name: &str) -> Target {
        let name: String =
            name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
        let name = if name.is_empty() { "function".to_string() } else { name };
        let id = format!("arn:aws:lambda:{PLACEHOLDER_REGION}:{PLACEHOLDER_ACCOUNT}:function:{name}:$LATEST");
        Target {
            region: PLACEHOLDER_REGION.to_string(),
            account: PLACEHOLDER_ACCOUNT.to_string(),
            resource: Resource {
                resource_type: ResourceType::AwsLambdaFunction,
                id,
                partition: Some("aws".to_string()),
                region: Some(PLACEHOLDER_REGION.to_string()),
                tags: BTreeMap::new(),
                details: None,
            },
        }
    }

    /// The function a Lambda `GetFunction` response (`aws lambda get-function --output json`) describes: region,
    /// account and partition from `Configuration.FunctionArn`, the resource id that ARN qualified with its version
    /// (`…:function:name:$LATEST`, as Inspector names it), tags, and `details.awsLambdaFunction`.
    pub fn from_get_function(json: &str) -> Result<Target, TargetError> {
        let response: GetFunction = serde_json::from_str(json)?;
        let c = response.configuration;
        let arn = c.function_arn.clone();
        let parts: Vec<&str> = arn.split(':').collect();
        let (partition, region, account, name, qualifier) = match parts.as_slice() {
            ["arn", partition, "lambda", region, account, "function", name] => {
                (*partition, *region, *account, *name, None)
            }
            ["arn", partition, "lambda", region, account, "function", name, qualifier] => {
                (*partition, *region, *account, *name, Some(*qualifier))
            }
            _ => return Err(TargetError::Arn(arn)),
        };
        if region.is_empty() || account.is_empty() || name.is_empty() {
            return Err(TargetError::Arn(arn));
        }
        let version = qualifier.map(str::to_string).or(c.version.clone()).unwrap_or_else(|| "$LATEST".to_string());
        let id = format!("arn:{partition}:lambda:{region}:{account}:function:{name}:{version}");
        let details = AwsLambdaFunctionDetails {
            function_name: c.function_name.unwrap_or_else(|| name.to_string()),
            runtime: c.runtime.as_deref().map(Runtime::from_lambda).unwrap_or(Runtime::Unsupported),
            code_sha256: c.code_sha256.unwrap_or_default(),
            version,
            execution_role_arn: c.role.unwrap_or_default(),
            layers: c.layers.into_iter().map(|l| l.arn).collect(),
            vpc_config: c.vpc_config.and_then(|v| {
                let config = LambdaVpcConfig {
                    subnet_ids: v.subnet_ids,
                    security_group_ids: v.security_group_ids,
                    vpc_id: v.vpc_id.filter(|s| !s.is_empty()),
                };
                (config != LambdaVpcConfig::default()).then_some(config)
            }),
            package_type: c.package_type.as_deref().and_then(PackageType::from_lambda),
            architectures: c.architectures.iter().filter_map(|a| Architecture::from_lambda(a)).collect(),
            last_modified_at: c.last_modified.as_deref().and_then(lambda_time),
        };
        Ok(Target {
            region: region.to_string(),
            account: account.to_string(),
            resource: Resource {
                resource_type: ResourceType::AwsLambdaFunction,
                id,
                partition: Some(partition.to_string()),
                region: Some(region.to_string()),
                tags: response.tags,
                details: Some(ResourceDetails { aws_lambda_function: Some(details) }),
            },
        })
    }
}

/// Lambda writes `LastModified` as `2024-05-01T12:00:00.000+0000` (no colon in the offset).
fn lambda_time(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    let fixed = match s.len().checked_sub(5).and_then(|i| s.get(..i).zip(s.get(i..))) {
        Some((head, zone))
            if (zone.starts_with('+') || zone.starts_with('-')) && zone.bytes().skip(1).all(|b| b.is_ascii_digit()) =>
        {
            format!("{head}{}:{}", zone.get(..3)?, zone.get(3..)?)
        }
        _ => s.to_string(),
    };
    warden_advisories::parse_rfc3339(&fixed).map(Timestamp::from)
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct GetFunction {
    configuration: Configuration,
    #[serde(default)]
    tags: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Configuration {
    function_arn: String,
    function_name: Option<String>,
    runtime: Option<String>,
    code_sha256: Option<String>,
    version: Option<String>,
    role: Option<String>,
    #[serde(default)]
    layers: Vec<Layer>,
    vpc_config: Option<VpcConfig>,
    package_type: Option<String>,
    #[serde(default)]
    architectures: Vec<String>,
    last_modified: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Layer {
    arn: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct VpcConfig {
    #[serde(default)]
    subnet_ids: Vec<String>,
    #[serde(default)]
    security_group_ids: Vec<String>,
    vpc_id: Option<String>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_get_function_response_names_the_resource() {
        let json = r#"{"Configuration": {"FunctionName": "orders", "FunctionArn":
            "arn:aws:lambda:eu-west-1:123456789012:function:orders", "Runtime": "python3.12",
            "Role": "arn:aws:iam::123456789012:role/orders", "CodeSha256": "abc=", "Version": "$LATEST",
            "LastModified": "2024-05-01T12:00:00.000+0000", "PackageType": "Zip", "Architectures": ["arm64"],
            "Layers": [{"Arn": "arn:aws:lambda:eu-west-1:123456789012:layer:deps:3", "CodeSize": 1}]},
            "Code": {"RepositoryType": "S3"}, "Tags": {"team": "a"}}"#;
        let t = Target::from_get_function(json).unwrap();
        assert_eq!(t.region, "eu-west-1");
        assert_eq!(t.account, "123456789012");
        assert_eq!(t.resource.id, "arn:aws:lambda:eu-west-1:123456789012:function:orders:$LATEST");
        let d = t.resource.details.unwrap().aws_lambda_function.unwrap();
        assert_eq!(d.runtime, Runtime::Python312);
        assert_eq!(d.layers, vec!["arn:aws:lambda:eu-west-1:123456789012:layer:deps:3".to_string()]);
        assert_eq!(d.architectures, vec![Architecture::Arm64]);
        assert_eq!(d.last_modified_at, Some(Timestamp::from(1_714_564_800)));
        assert_eq!(t.resource.tags.get("team").map(String::as_str), Some("a"));
        assert!(Target::from_get_function(r#"{"Configuration": {"FunctionArn": "nope"}}"#).is_err());
        assert!(Target::from_get_function("[]").is_err());
    }

    #[test]
    fn the_placeholder_is_clearly_not_a_real_account() {
        let t = Target::placeholder("my fn.zip");
        assert_eq!(t.resource.id, "arn:aws:lambda:local:000000000000:function:my-fn-zip:$LATEST");
    }
}
