//! `resources[]`: what a finding is about. For Warden, always a Lambda function.

use super::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

api_enum! {
    /// The kinds of resource the API knows. Warden's findings are about `AWS_LAMBDA_FUNCTION`; the rest are
    /// listed so that every value the API accepts (in filters, for instance) parses.
    pub enum ResourceType {
        AwsEc2Instance = "AWS_EC2_INSTANCE",
        AwsEcrContainerImage = "AWS_ECR_CONTAINER_IMAGE",
        AwsEcrRepository = "AWS_ECR_REPOSITORY",
        AwsLambdaFunction = "AWS_LAMBDA_FUNCTION",
        CodeRepository = "CODE_REPOSITORY",
        AzureVirtualMachine = "Microsoft.Compute/virtualMachines",
        AzureContainerImage = "Microsoft.ContainerRegistry/registry/containerImage",
        AzureWebSite = "Microsoft.Web/sites",
        MachineImage = "MACHINE_IMAGE",
        GcpCloudFunction = "cloudfunctions.googleapis.com/Function",
        GcpComputeInstance = "compute.googleapis.com/Instance",
        GcpDockerImage = "artifactregistry.googleapis.com/DockerImage",
    }
}

api_enum! {
    /// A Lambda runtime as the API names it: `python3.11` is `PYTHON_3_11`; see [`Runtime::from_lambda`].
    pub enum Runtime {
        Nodejs = "NODEJS",
        Nodejs12X = "NODEJS_12_X",
        Nodejs14X = "NODEJS_14_X",
        Nodejs16X = "NODEJS_16_X",
        Nodejs18X = "NODEJS_18_X",
        Nodejs20X = "NODEJS_20_X",
        Nodejs22X = "NODEJS_22_X",
        Nodejs24X = "NODEJS_24_X",
        Java8 = "JAVA_8",
        Java8Al2 = "JAVA_8_AL2",
        Java11 = "JAVA_11",
        Java17 = "JAVA_17",
        Java21 = "JAVA_21",
        Java25 = "JAVA_25",
        Python37 = "PYTHON_3_7",
        Python38 = "PYTHON_3_8",
        Python39 = "PYTHON_3_9",
        Python310 = "PYTHON_3_10",
        Python311 = "PYTHON_3_11",
        Python312 = "PYTHON_3_12",
        Python313 = "PYTHON_3_13",
        Python314 = "PYTHON_3_14",
        Go1X = "GO_1_X",
        Dotnetcore31 = "DOTNETCORE_3_1",
        Dotnet6 = "DOTNET_6",
        Dotnet7 = "DOTNET_7",
        Dotnet8 = "DOTNET_8",
        Dotnet10 = "DOTNET_10",
        Ruby27 = "RUBY_2_7",
        Ruby32 = "RUBY_3_2",
        Ruby33 = "RUBY_3_3",
        /// Any runtime the API has no name for (`provided.al2023`, `ruby3.4`, a container image).
        Unsupported = "UNSUPPORTED",
    }
}

impl Runtime {
    /// The API name of a Lambda runtime identifier (`python3.11` → `PYTHON_3_11`, `nodejs20.x` → `NODEJS_20_X`,
    /// `java8.al2` → `JAVA_8_AL2`, `go1.x` → `GO_1_X`, `dotnetcore3.1` → `DOTNETCORE_3_1`); anything the API
    /// does not name is [`Runtime::Unsupported`].
    pub fn from_lambda(identifier: &str) -> Runtime {
        // Upper-case, `.` becomes `_`, and a `_` goes between the language and its version (`python3` →
        // `PYTHON_3`; only there: `al2` stays `AL2`).
        let mut name = String::with_capacity(identifier.len() + 4);
        let mut in_language = true;
        for c in identifier.trim().chars() {
            if in_language && c.is_ascii_digit() {
                in_language = false;
                if !name.is_empty() {
                    name.push('_');
                }
            }
            name.push(if c == '.' { '_' } else { c.to_ascii_uppercase() });
        }
        Runtime::ALL.iter().copied().find(|r| r.as_str() == name).unwrap_or(Runtime::Unsupported)
    }
}

api_enum! {
    /// A function's instruction set.
    pub enum Architecture {
        #[allow(non_camel_case_types)]
        X86_64 = "X86_64",
        Arm64 = "ARM64",
    }
}

impl Architecture {
    /// From Lambda's spelling (`x86_64`, `arm64`); `None` for anything else.
    pub fn from_lambda(name: &str) -> Option<Architecture> {
        name.trim().parse().ok()
    }
}

api_enum! {
    /// How the function's code is deployed.
    pub enum PackageType {
        Image = "IMAGE",
        Zip = "ZIP",
    }
}

impl PackageType {
    /// From Lambda's spelling (`Zip`, `Image`); `None` for anything else.
    pub fn from_lambda(name: &str) -> Option<PackageType> {
        name.trim().parse().ok()
    }
}

/// The resource a finding is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resource {
    #[serde(rename = "type")]
    pub resource_type: ResourceType,
    /// For a function, its ARN with the version: `arn:aws:lambda:<region>:<account>:function:<name>:$LATEST`.
    pub id: String,
    /// `aws`, `aws-cn`, `aws-us-gov`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<ResourceDetails>,
}

/// The resource's details; only the Lambda member is modelled.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aws_lambda_function: Option<AwsLambdaFunctionDetails>,
}

/// A Lambda function, as `GetFunction` described it when it was scanned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AwsLambdaFunctionDetails {
    pub function_name: String,
    pub runtime: Runtime,
    /// Base64 SHA-256 of the deployment package, as Lambda reports it.
    pub code_sha256: String,
    /// `$LATEST`.
    pub version: String,
    pub execution_role_arn: String,
    /// Layer version ARNs, in order (at most 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub layers: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vpc_config: Option<LambdaVpcConfig>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_type: Option<PackageType>,
    /// Exactly one when present.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub architectures: Vec<Architecture>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_at: Option<Timestamp>,
}

/// The function's VPC attachment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LambdaVpcConfig {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subnet_ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security_group_ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lambda_runtime_identifiers_map_to_api_names() {
        for (lambda, api) in [
            ("python3.11", Runtime::Python311),
            ("python3.7", Runtime::Python37),
            ("nodejs20.x", Runtime::Nodejs20X),
            ("nodejs", Runtime::Nodejs),
            ("java8.al2", Runtime::Java8Al2),
            ("java8", Runtime::Java8),
            ("go1.x", Runtime::Go1X),
            ("dotnet8", Runtime::Dotnet8),
            ("dotnetcore3.1", Runtime::Dotnetcore31),
            ("ruby3.3", Runtime::Ruby33),
            ("provided.al2023", Runtime::Unsupported),
            ("python3.15", Runtime::Unsupported),
            ("", Runtime::Unsupported),
            ("PYTHON_3_11x", Runtime::Unsupported),
        ] {
            assert_eq!(Runtime::from_lambda(lambda), api, "{lambda}");
        }
        assert_eq!(Architecture::from_lambda("x86_64"), Some(Architecture::X86_64));
        assert_eq!(Architecture::from_lambda("arm64"), Some(Architecture::Arm64));
        assert_eq!(PackageType::from_lambda("Zip"), Some(PackageType::Zip));
        assert_eq!(PackageType::from_lambda("Image"), Some(PackageType::Image));
    }
}
