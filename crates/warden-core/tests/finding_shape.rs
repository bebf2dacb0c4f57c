//! Warden's `Finding` against the real `inspector2` service model.
//!
//! The model is the `service-2.json` that ships in the `botocore` wheel (pinned to [`BOTOCORE`] so the test does
//! not move under us; `pip download` fetches it into `target/warden-test-cache/botocore` on first use, or
//! `WARDEN_INSPECTOR2_MODEL` names a `service-2.json` or `service-2.json.gz` to use instead).
//!
//! A finding with every member Warden models is serialised and walked against the model's shapes: every key must
//! be a member of its shape, every required member must be present, and every value must have the member's type,
//! enum value, length bounds and pattern. The model members Warden does not produce are listed in
//! [`NOT_MODELLED`], and that list is checked too, so a member added to a struct but missing from the example (or
//! newly modelled) cannot slip by. Each API enum is compared with the model's values both ways.
//!
//! Then one realistic package-vulnerability finding is compared with its expected JSON, in full.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use warden_core::{
    Architecture, AwsLambdaFunctionDetails, CodeFilePath, CodeVulnerabilityDetails, CvssScore, CvssScoreAdjustment,
    CvssScoreDetails, EpssDetails, ExploitAvailable, ExploitabilityDetails, Finding, FindingStatus, FindingType,
    FixAvailable, InspectorScoreDetails, LambdaVpcConfig, PackageManager, PackageType, PackageVulnerabilityDetails,
    Recommendation, Remediation, Resource, ResourceDetails, ResourceType, Runtime, Severity, Timestamp,
    VulnerablePackage, finding_arn,
};

/// The botocore release whose `inspector2` model the test reads.
const BOTOCORE: &str = "1.44.8";

/// Model members of the shapes a Lambda finding uses that Warden does not produce: EC2, ECR, code-repository and
/// other clouds' members, and the runtime-reachability analysis Warden does not do.
const NOT_MODELLED: &[&str] = &[
    "Finding.networkReachabilityDetails",
    "Resource.provider",
    "Resource.providerAccountId",
    "Resource.providerOrgId",
    "ResourceDetails.awsEc2Instance",
    "ResourceDetails.awsEcrContainerImage",
    "ResourceDetails.codeRepository",
    "ResourceDetails.image",
    "ResourceDetails.machineImage",
    "ResourceDetails.serverlessFunction",
    "ResourceDetails.vm",
    "VulnerablePackage.runtimeReachability",
    "VulnerablePackage.runtimeReachabilityReason",
];

// ---------------------------------------------------------------------------------------------------------------
// The model

fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"),
    }
}

/// The `inspector2` service model as JSON, loaded once per test process.
fn service_model() -> &'static Value {
    static MODEL: OnceLock<Value> = OnceLock::new();
    MODEL.get_or_init(load_service_model)
}

fn load_service_model() -> Value {
    if let Some(path) = std::env::var_os("WARDEN_INSPECTOR2_MODEL") {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("WARDEN_INSPECTOR2_MODEL {path:?}: {e}"));
        return parse_model(&bytes, Path::new(&path).extension().is_some_and(|e| e == "gz"));
    }
    let cache = target_dir().join("warden-test-cache/botocore");
    let extracted = cache.join(format!("inspector2-service-2-botocore-{BOTOCORE}.json"));
    if let Ok(bytes) = std::fs::read(&extracted) {
        return parse_model(&bytes, false);
    }
    std::fs::create_dir_all(&cache).expect("create the test cache");
    let wheel = find_wheel(&cache).unwrap_or_else(|| {
        let status = Command::new("python3")
            .args(["-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps"])
            .arg(format!("botocore=={BOTOCORE}"))
            .arg("-d")
            .arg(&cache)
            .status()
            .expect("run `python3 -m pip download` (pip is needed to fetch the inspector2 service model)");
        assert!(status.success(), "`pip download botocore=={BOTOCORE}` failed: {status}");
        find_wheel(&cache).expect("pip downloaded no botocore wheel")
    });
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&wheel).expect("open the wheel")).expect("a zip");
    let name = archive
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .find(|n| {
            n.starts_with("botocore/data/inspector2/")
                && (n.ends_with("/service-2.json") || n.ends_with("/service-2.json.gz"))
        })
        .expect("the wheel has botocore/data/inspector2/*/service-2.json[.gz]");
    let mut bytes = Vec::new();
    archive.by_name(&name).expect("the model entry").read_to_end(&mut bytes).expect("read the model");
    let model = parse_model(&bytes, name.ends_with(".gz"));
    let tmp = extracted.with_extension(format!("json.{}.tmp", std::process::id()));
    std::fs::write(&tmp, serde_json::to_vec(&model).expect("serialise")).expect("write the cache");
    std::fs::rename(&tmp, &extracted).expect("move the cache into place");
    model
}

fn find_wheel(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir).ok()?.filter_map(Result::ok).map(|e| e.path()).find(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(&format!("botocore-{BOTOCORE}-")) && n.ends_with(".whl"))
    })
}

fn parse_model(bytes: &[u8], gzipped: bool) -> Value {
    let json = if gzipped {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).expect("gunzip the model");
        out
    } else {
        bytes.to_vec()
    };
    let model: Value = serde_json::from_slice(&json).expect("the model is JSON");
    assert_eq!(model["metadata"]["signingName"], "inspector2", "not the inspector2 model");
    model
}

fn shape<'m>(model: &'m Value, name: &str) -> &'m Map<String, Value> {
    model["shapes"][name].as_object().unwrap_or_else(|| panic!("the model has no shape {name}"))
}

// ---------------------------------------------------------------------------------------------------------------
// Walking a value against a shape

struct Walk<'m> {
    model: &'m Value,
    errors: Vec<String>,
    /// `Shape.member` for every member seen.
    covered: BTreeSet<String>,
    /// Every structure shape reached.
    structures: BTreeSet<String>,
}

impl<'m> Walk<'m> {
    fn new(model: &'m Value) -> Self {
        Walk { model, errors: Vec::new(), covered: BTreeSet::new(), structures: BTreeSet::new() }
    }

    fn check(&mut self, shape_name: &str, value: &Value, path: &str) {
        let s = shape(self.model, shape_name);
        let ty = s["type"].as_str().unwrap_or_default();
        match ty {
            "structure" => self.structure(shape_name, s, value, path),
            "list" => {
                let Some(items) = value.as_array() else {
                    return self.errors.push(format!("{path}: {shape_name} wants a list, got {value}"));
                };
                self.bounds(shape_name, s, items.len(), path);
                let member = s["member"]["shape"].as_str().unwrap_or_default();
                for (i, item) in items.iter().enumerate() {
                    self.check(member, item, &format!("{path}[{i}]"));
                }
            }
            "map" => {
                let Some(entries) = value.as_object() else {
                    return self.errors.push(format!("{path}: {shape_name} wants a map, got {value}"));
                };
                let key = s["key"]["shape"].as_str().unwrap_or_default();
                let val = s["value"]["shape"].as_str().unwrap_or_default();
                for (k, v) in entries {
                    self.check(key, &Value::String(k.clone()), &format!("{path}.<key {k}>"));
                    self.check(val, v, &format!("{path}.{k}"));
                }
            }
            "string" => {
                let Some(text) = value.as_str() else {
                    return self.errors.push(format!("{path}: {shape_name} wants a string, got {value}"));
                };
                self.bounds(shape_name, s, text.chars().count(), path);
                if let Some(values) = s.get("enum").and_then(Value::as_array)
                    && !values.iter().any(|v| v == text)
                {
                    self.errors.push(format!("{path}: {text:?} is not a {shape_name} value"));
                }
                if let Some(pattern) = s.get("pattern").and_then(Value::as_str) {
                    match regex_lite::Regex::new(&format!("^(?:{pattern})$")) {
                        Ok(re) if re.is_match(text) => {}
                        Ok(_) => self.errors.push(format!("{path}: {text:?} does not match {shape_name} /{pattern}/")),
                        Err(e) => self.errors.push(format!("{path}: cannot check {shape_name} /{pattern}/: {e}")),
                    }
                }
            }
            "timestamp" | "double" | "float" => {
                let Some(number) = value.as_f64() else {
                    return self.errors.push(format!("{path}: {shape_name} ({ty}) wants a number, got {value}"));
                };
                if let Some(min) = s.get("min").and_then(Value::as_f64)
                    && number < min
                {
                    self.errors.push(format!("{path}: {number} is below {shape_name}'s minimum {min}"));
                }
                if let Some(max) = s.get("max").and_then(Value::as_f64)
                    && number > max
                {
                    self.errors.push(format!("{path}: {number} is above {shape_name}'s maximum {max}"));
                }
            }
            "integer" | "long" => {
                let fits = match ty {
                    "integer" => value.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
                    _ => value.as_i64().is_some(),
                };
                if !fits {
                    self.errors.push(format!("{path}: {shape_name} ({ty}) wants an integer, got {value}"));
                }
            }
            "boolean" => {
                if !value.is_boolean() {
                    self.errors.push(format!("{path}: {shape_name} wants a boolean, got {value}"));
                }
            }
            other => self.errors.push(format!("{path}: {shape_name} has type {other}, which this test cannot check")),
        }
    }

    fn structure(&mut self, shape_name: &str, s: &Map<String, Value>, value: &Value, path: &str) {
        self.structures.insert(shape_name.to_owned());
        let Some(object) = value.as_object() else {
            return self.errors.push(format!("{path}: {shape_name} wants an object, got {value}"));
        };
        let members = s["members"].as_object().cloned().unwrap_or_default();
        for (key, v) in object {
            match members.get(key) {
                Some(member) => {
                    self.covered.insert(format!("{shape_name}.{key}"));
                    let member_shape = member["shape"].as_str().unwrap_or_default();
                    self.check(member_shape, v, &format!("{path}.{key}"));
                }
                None => self.errors.push(format!("{path}: {shape_name} has no member {key:?}")),
            }
        }
        for required in s.get("required").and_then(Value::as_array).into_iter().flatten() {
            let required = required.as_str().unwrap_or_default();
            if !object.contains_key(required) {
                self.errors.push(format!("{path}: {shape_name} requires {required:?}"));
            }
        }
    }

    fn bounds(&mut self, shape_name: &str, s: &Map<String, Value>, len: usize, path: &str) {
        let len = len as f64;
        if let Some(min) = s.get("min").and_then(Value::as_f64)
            && len < min
        {
            self.errors.push(format!("{path}: length {len} is below {shape_name}'s minimum {min}"));
        }
        if let Some(max) = s.get("max").and_then(Value::as_f64)
            && len > max
        {
            self.errors.push(format!("{path}: length {len} is above {shape_name}'s maximum {max}"));
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Examples

const REGION: &str = "us-east-1";
const ACCOUNT: &str = "123456789012";
const FUNCTION_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:function:orders-api:$LATEST";
const LAYER_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:layer:python-deps:7";

fn lambda_resource() -> Resource {
    Resource {
        resource_type: ResourceType::AwsLambdaFunction,
        id: FUNCTION_ARN.into(),
        partition: Some("aws".into()),
        region: Some(REGION.into()),
        tags: BTreeMap::from([("team".to_owned(), "payments".to_owned())]),
        details: Some(ResourceDetails {
            aws_lambda_function: Some(AwsLambdaFunctionDetails {
                function_name: "orders-api".into(),
                runtime: Runtime::from_lambda("python3.11"),
                code_sha256: "0eTn3QPVuvhALk6Jv0rHrKCdTzQZmJkDEAuEx2QyMUU=".into(),
                version: "$LATEST".into(),
                execution_role_arn: "arn:aws:iam::123456789012:role/orders-api-role".into(),
                layers: vec![LAYER_ARN.into()],
                vpc_config: Some(LambdaVpcConfig {
                    subnet_ids: vec!["subnet-0a1b2c3d4e5f60718".into()],
                    security_group_ids: vec!["sg-0123456789abcdef0".into()],
                    vpc_id: Some("vpc-0fedcba9876543210".into()),
                }),
                package_type: PackageType::from_lambda("Zip"),
                architectures: vec![Architecture::X86_64],
                last_modified_at: Some(Timestamp::from(1_717_000_000)),
            }),
        }),
    }
}

/// A realistic package-vulnerability finding: Flask 2.2.2 in a layer, CVE-2023-30861.
fn package_finding() -> Finding {
    let vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N";
    Finding {
        finding_arn: finding_arn(REGION, ACCOUNT, &[FUNCTION_ARN, "CVE-2023-30861"]),
        aws_account_id: ACCOUNT.into(),
        finding_type: FindingType::PackageVulnerability,
        description: "Flask is a lightweight WSGI web application framework. When all of the following \
                      conditions are met, a response containing data intended for one client may be cached and \
                      subsequently sent by the proxy to other clients."
            .into(),
        title: Some("CVE-2023-30861 - flask".into()),
        remediation: Remediation {
            recommendation: Some(Recommendation {
                text: Some("None Provided".into()),
                url: Some("https://nvd.nist.gov/vuln/detail/CVE-2023-30861".into()),
            }),
        },
        severity: Severity::High,
        first_observed_at: Timestamp::from(1_717_171_717),
        last_observed_at: Timestamp::from_epoch_seconds(1_717_258_117.5),
        updated_at: Some(Timestamp::from_epoch_seconds(1_717_258_117.5)),
        status: FindingStatus::Active,
        resources: vec![lambda_resource()],
        inspector_score: Some(7.5),
        inspector_score_details: Some(InspectorScoreDetails {
            adjusted_cvss: Some(CvssScoreDetails {
                score_source: "NVD".into(),
                cvss_source: Some("NVD".into()),
                version: "3.1".into(),
                score: 7.5,
                scoring_vector: vector.into(),
                adjustments: vec![],
            }),
        }),
        package_vulnerability_details: Some(PackageVulnerabilityDetails {
            vulnerability_id: "CVE-2023-30861".into(),
            vulnerable_packages: vec![VulnerablePackage {
                package_manager: Some(PackageManager::Pythonpkg),
                file_path: Some("/opt/python/Flask-2.2.2.dist-info/METADATA".into()),
                fixed_in_version: Some("2.2.5".into()),
                remediation: Some("Upgrade flask to 2.2.5".into()),
                source_lambda_layer_arn: Some(LAYER_ARN.into()),
                purl: Some("pkg:pypi/flask@2.2.2".into()),
                ..VulnerablePackage::new("flask", "2.2.2")
            }],
            source: "NVD".into(),
            cvss: vec![CvssScore {
                base_score: 7.5,
                scoring_vector: vector.into(),
                version: "3.1".into(),
                source: "NVD".into(),
            }],
            related_vulnerabilities: vec!["GHSA-m2qf-hxjv-5gpq".into(), "PYSEC-2023-62".into()],
            source_url: Some("https://nvd.nist.gov/vuln/detail/CVE-2023-30861".into()),
            vendor_severity: Some("HIGH".into()),
            vendor_created_at: Some(Timestamp::from(1_683_311_400)),
            vendor_updated_at: Some(Timestamp::from(1_686_000_000)),
            reference_urls: vec!["https://github.com/pallets/flask/security/advisories/GHSA-m2qf-hxjv-5gpq".into()],
        }),
        fix_available: Some(FixAvailable::Yes),
        exploit_available: Some(ExploitAvailable::No),
        exploitability_details: None,
        code_vulnerability_details: None,
        epss: Some(EpssDetails { score: Some(0.00123) }),
    }
}

/// A code-vulnerability finding.
fn code_finding() -> Finding {
    Finding {
        finding_arn: finding_arn(
            REGION,
            ACCOUNT,
            &[FUNCTION_ARN, "python/hardcoded-credentials@v1.0", "/var/task/app.py", "12", "12"],
        ),
        finding_type: FindingType::CodeVulnerability,
        title: Some("CWE-798 - Hardcoded credentials".into()),
        description: "Hardcoded credentials can be intercepted by malicious actors.".into(),
        severity: Severity::Critical,
        inspector_score: None,
        inspector_score_details: None,
        package_vulnerability_details: None,
        fix_available: None,
        exploit_available: None,
        epss: None,
        code_vulnerability_details: Some(CodeVulnerabilityDetails {
            file_path: CodeFilePath {
                file_name: "app.py".into(),
                file_path: "/var/task/app.py".into(),
                start_line: 12,
                end_line: 12,
            },
            detector_tags: vec!["secrets".into(), "aws-python-sdk".into()],
            reference_urls: vec!["https://cwe.mitre.org/data/definitions/798.html".into()],
            rule_id: Some("python-hardcoded-credentials".into()),
            source_lambda_layer_arn: Some(LAYER_ARN.into()),
            detector_id: "python/hardcoded-credentials@v1.0".into(),
            detector_name: "Hardcoded credentials".into(),
            cwes: vec!["CWE-798".into()],
        }),
        ..package_finding()
    }
}

/// Every member Warden models, set at least once (some make no sense together; the shape is what is checked).
fn kitchen_sink() -> Vec<Finding> {
    let mut package = package_finding();
    if let Some(details) = package.package_vulnerability_details.as_mut() {
        details.vulnerable_packages.push(VulnerablePackage {
            source_layer_hash: Some(format!("sha256:{}", "ab".repeat(32))),
            epoch: Some(1),
            release: Some("1.amzn2".into()),
            arch: Some("x86_64".into()),
            ..VulnerablePackage::new("openssl", "1.0.2k")
        });
    }
    if let Some(adjusted) = package.inspector_score_details.as_mut().and_then(|d| d.adjusted_cvss.as_mut()) {
        adjusted.adjustments.push(CvssScoreAdjustment { metric: "AV".into(), reason: "network".into() });
    }
    package.exploitability_details =
        Some(ExploitabilityDetails { last_known_exploit_at: Some(Timestamp::from(1_700_000_000)) });
    vec![package, code_finding()]
}

// ---------------------------------------------------------------------------------------------------------------
// Tests

#[test]
fn findings_match_the_service_model() {
    let model = service_model();
    let mut walk = Walk::new(model);
    for (i, finding) in kitchen_sink().iter().enumerate() {
        let json = serde_json::to_value(finding).expect("serialise");
        walk.check("Finding", &json, &format!("finding[{i}]"));
        let back: Finding = serde_json::from_value(json).expect("deserialise what we serialised");
        assert_eq!(&back, finding, "round trip");
    }
    assert!(walk.errors.is_empty(), "the findings do not fit the model:\n{}", walk.errors.join("\n"));

    let mut uncovered = BTreeSet::new();
    for name in &walk.structures {
        for member in shape(model, name)["members"].as_object().into_iter().flatten().map(|(m, _)| m) {
            let key = format!("{name}.{member}");
            if !walk.covered.contains(&key) {
                uncovered.insert(key);
            }
        }
    }
    let expected: BTreeSet<String> = NOT_MODELLED.iter().map(|s| (*s).to_owned()).collect();
    assert_eq!(
        uncovered, expected,
        "model members the examples do not produce differ from NOT_MODELLED (a new struct member missing from \
         kitchen_sink(), or a member newly modelled)"
    );
    println!(
        "{} members of {} shapes checked against botocore {BOTOCORE}; {} not modelled",
        walk.covered.len(),
        walk.structures.len(),
        expected.len()
    );
}

/// Every value of our enum is one of the model's, and every value of the model's parses into ours, except
/// `missing` (model values Warden never produces, and why).
fn check_enum<T: Serialize + DeserializeOwned>(model: &Value, shape_name: &str, ours: &[T], missing: &[&str]) {
    let values: BTreeSet<String> = shape(model, shape_name)["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("{shape_name} is not an enum"))
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    let ours: BTreeSet<String> = ours
        .iter()
        .map(|v| match serde_json::to_value(v).expect("serialise") {
            Value::String(s) => s,
            other => panic!("{shape_name}: {other} is not a string"),
        })
        .collect();
    let extra: Vec<_> = ours.difference(&values).collect();
    assert!(extra.is_empty(), "{shape_name}: values the model does not have: {extra:?}");
    let absent: Vec<_> = values.difference(&ours).map(String::as_str).collect();
    assert_eq!(absent, missing, "{shape_name}: model values we do not have");
    for value in &values {
        let parsed = serde_json::from_value::<T>(Value::String(value.clone()));
        assert_eq!(parsed.is_ok(), !missing.contains(&value.as_str()), "{shape_name}: parsing {value:?}");
    }
}

#[test]
fn enums_match_the_service_model() {
    let model = service_model();
    check_enum(model, "Severity", Severity::ALL, &[]);
    check_enum(model, "FindingStatus", FindingStatus::ALL, &[]);
    check_enum(model, "FindingType", FindingType::ALL, &[]);
    check_enum(model, "FixAvailable", FixAvailable::ALL, &[]);
    check_enum(model, "ExploitAvailable", ExploitAvailable::ALL, &[]);
    check_enum(model, "ResourceType", ResourceType::ALL, &[]);
    check_enum(model, "Runtime", Runtime::ALL, &[]);
    check_enum(model, "Architecture", Architecture::ALL, &[]);
    check_enum(model, "PackageType", PackageType::ALL, &[]);
    let package_managers = [
        PackageManager::Pip,
        PackageManager::Pipenv,
        PackageManager::Poetry,
        PackageManager::Pythonpkg,
        PackageManager::Npm,
        PackageManager::Yarn,
        PackageManager::Nodepkg,
        PackageManager::Jar,
        PackageManager::Pom,
        PackageManager::Gobinary,
        PackageManager::Gomod,
        PackageManager::DotnetCore,
        PackageManager::Nuget,
        PackageManager::Bundler,
        PackageManager::Gemspec,
        PackageManager::Cargo,
        PackageManager::Composer,
    ];
    // `OS` is for operating-system packages of EC2 instances and container images, which Lambda zips do not have.
    check_enum(model, "PackageManager", &package_managers, &["OS"]);
}

/// The walk itself catches each kind of mistake, so a green run means something.
#[test]
fn the_walk_catches_mistakes() {
    let model = service_model();
    let good = serde_json::to_value(package_finding()).expect("serialise");
    type Mutation = (&'static str, fn(&mut Value));
    let mutations: [Mutation; 8] = [
        ("has no member \"findingARN\"", |f| {
            let arn = f["findingArn"].take();
            f["findingARN"] = arn;
        }),
        ("requires \"findingArn\"", |f| {
            f.as_object_mut().map(|o| o.remove("findingArn"));
        }),
        ("is not a Severity value", |f| f["severity"] = "SEVERE".into()),
        ("does not match FindingArn", |f| f["findingArn"] = "arn:aws:inspector2:us-east-1:1:finding/x".into()),
        ("wants a number", |f| f["firstObservedAt"] = "2024-01-01T00:00:00Z".into()),
        ("has no member \"url\"", |f| {
            f["remediation"]["recommendation"]["url"] = "https://example.com".into();
        }),
        ("is above EpssScoreValue's maximum", |f| f["epss"]["score"] = 1.5.into()),
        ("length 0 is below ResourceList's minimum", |f| f["resources"] = Value::Array(vec![])),
    ];
    for (want, mutate) in mutations {
        let mut finding = good.clone();
        mutate(&mut finding);
        let mut walk = Walk::new(model);
        walk.check("Finding", &finding, "finding");
        assert!(walk.errors.iter().any(|e| e.contains(want)), "expected an error with {want:?}, got {:?}", walk.errors);
    }
}

#[test]
fn a_package_finding_serialises_exactly() {
    let json = serde_json::to_string_pretty(&package_finding()).expect("serialise");
    assert_eq!(json, EXPECTED_PACKAGE_FINDING, "\n--- actual ---\n{json}\n");
    let back: Finding = serde_json::from_str(EXPECTED_PACKAGE_FINDING).expect("the expected JSON parses");
    assert_eq!(back, package_finding());
}

const EXPECTED_PACKAGE_FINDING: &str = r#"{
  "findingArn": "arn:aws:inspector2:us-east-1:123456789012:finding/87a40f55b64f62891ba5666ad08b567e",
  "awsAccountId": "123456789012",
  "type": "PACKAGE_VULNERABILITY",
  "description": "Flask is a lightweight WSGI web application framework. When all of the following conditions are met, a response containing data intended for one client may be cached and subsequently sent by the proxy to other clients.",
  "title": "CVE-2023-30861 - flask",
  "remediation": {
    "recommendation": {
      "text": "None Provided",
      "Url": "https://nvd.nist.gov/vuln/detail/CVE-2023-30861"
    }
  },
  "severity": "HIGH",
  "firstObservedAt": 1717171717,
  "lastObservedAt": 1717258117.5,
  "updatedAt": 1717258117.5,
  "status": "ACTIVE",
  "resources": [
    {
      "type": "AWS_LAMBDA_FUNCTION",
      "id": "arn:aws:lambda:us-east-1:123456789012:function:orders-api:$LATEST",
      "partition": "aws",
      "region": "us-east-1",
      "tags": {
        "team": "payments"
      },
      "details": {
        "awsLambdaFunction": {
          "functionName": "orders-api",
          "runtime": "PYTHON_3_11",
          "codeSha256": "0eTn3QPVuvhALk6Jv0rHrKCdTzQZmJkDEAuEx2QyMUU=",
          "version": "$LATEST",
          "executionRoleArn": "arn:aws:iam::123456789012:role/orders-api-role",
          "layers": [
            "arn:aws:lambda:us-east-1:123456789012:layer:python-deps:7"
          ],
          "vpcConfig": {
            "subnetIds": [
              "subnet-0a1b2c3d4e5f60718"
            ],
            "securityGroupIds": [
              "sg-0123456789abcdef0"
            ],
            "vpcId": "vpc-0fedcba9876543210"
          },
          "packageType": "ZIP",
          "architectures": [
            "X86_64"
          ],
          "lastModifiedAt": 1717000000
        }
      }
    }
  ],
  "inspectorScore": 7.5,
  "inspectorScoreDetails": {
    "adjustedCvss": {
      "scoreSource": "NVD",
      "cvssSource": "NVD",
      "version": "3.1",
      "score": 7.5,
      "scoringVector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"
    }
  },
  "packageVulnerabilityDetails": {
    "vulnerabilityId": "CVE-2023-30861",
    "vulnerablePackages": [
      {
        "name": "flask",
        "version": "2.2.2",
        "packageManager": "PYTHONPKG",
        "filePath": "/opt/python/Flask-2.2.2.dist-info/METADATA",
        "fixedInVersion": "2.2.5",
        "remediation": "Upgrade flask to 2.2.5",
        "sourceLambdaLayerArn": "arn:aws:lambda:us-east-1:123456789012:layer:python-deps:7",
        "purl": "pkg:pypi/flask@2.2.2"
      }
    ],
    "source": "NVD",
    "cvss": [
      {
        "baseScore": 7.5,
        "scoringVector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
        "version": "3.1",
        "source": "NVD"
      }
    ],
    "relatedVulnerabilities": [
      "GHSA-m2qf-hxjv-5gpq",
      "PYSEC-2023-62"
    ],
    "sourceUrl": "https://nvd.nist.gov/vuln/detail/CVE-2023-30861",
    "vendorSeverity": "HIGH",
    "vendorCreatedAt": 1683311400,
    "vendorUpdatedAt": 1686000000,
    "referenceUrls": [
      "https://github.com/pallets/flask/security/advisories/GHSA-m2qf-hxjv-5gpq"
    ]
  },
  "fixAvailable": "YES",
  "exploitAvailable": "NO",
  "epss": {
    "score": 0.00123
  }
}"#;
