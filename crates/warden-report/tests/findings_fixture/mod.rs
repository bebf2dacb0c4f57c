//! Hand-written findings in the inspector2 JSON shape, every member filled, shared by the SARIF and CSV tests:
//!
//! 0. `CVE-2023-30861 - flask` (HIGH): one PIP package of the function, three CVSS scores, EPSS, exploit data and
//!    the function's full configuration (layers, VPC, tags).
//! 1. `CVE-2019-11324 - urllib3` (HIGH): the same package twice, in the function and in a layer
//!    (`sourceLambdaLayerArn`), fix available for one of them only (`PARTIAL`).
//! 2. `CVE-2021-44906 - minimist` (MEDIUM): an npm package without a fix, whose title holds a double quote, a comma
//!    and a line feed.
//! 3. `python/sql-injection@v1.0` (CRITICAL): a code finding, lines 12–14 of `/var/task/app.py`.
//! 4. `CVE-2023-30861 - flask` again, in another function: the same rule, a different result.
//! 5. `CWE-798` hard-coded credentials (LOW) in a file of a layer: a code finding from a layer.
#![allow(dead_code, clippy::expect_used)]

use warden_core::Finding;

pub const LAYER_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:layer:deps:3";
pub const FUNCTION_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST";

pub fn findings() -> Vec<Finding> {
    serde_json::from_str(FINDINGS).expect("the fixture parses as inspector2 findings")
}

const FINDINGS: &str = r#"[
{
  "findingArn": "arn:aws:inspector2:us-east-1:123456789012:finding/0f1e2d3c4b5a69788796a5b4c3d2e1f0",
  "awsAccountId": "123456789012",
  "type": "PACKAGE_VULNERABILITY",
  "description": "Flask is a lightweight WSGI web application framework. When all of the following conditions are met, a response containing data intended for one client may be cached and subsequently sent by the proxy to other clients.",
  "title": "CVE-2023-30861 - flask",
  "remediation": {"recommendation": {"text": "None Provided", "Url": "https://github.com/pallets/flask/security/advisories/GHSA-m2qf-hxjv-5gpq"}},
  "severity": "HIGH",
  "firstObservedAt": 1700000000,
  "lastObservedAt": 1700950400.5,
  "updatedAt": 1700950400,
  "status": "ACTIVE",
  "resources": [{
    "type": "AWS_LAMBDA_FUNCTION",
    "id": "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST",
    "partition": "aws",
    "region": "us-east-1",
    "tags": {"team": "payments", "env": "prod"},
    "details": {"awsLambdaFunction": {
      "functionName": "orders",
      "runtime": "PYTHON_3_12",
      "codeSha256": "q7Rj0mX3bYk0Zf0l3Yk3n0cZ2C5y4pJtq8bq9Qq1m3E=",
      "version": "$LATEST",
      "executionRoleArn": "arn:aws:iam::123456789012:role/orders-role",
      "layers": ["arn:aws:lambda:us-east-1:123456789012:layer:deps:3"],
      "vpcConfig": {"subnetIds": ["subnet-0abc"], "securityGroupIds": ["sg-0abc"], "vpcId": "vpc-0abc"},
      "packageType": "ZIP",
      "architectures": ["X86_64"],
      "lastModifiedAt": 1699990000
    }}
  }],
  "inspectorScore": 7.5,
  "inspectorScoreDetails": {"adjustedCvss": {
    "scoreSource": "NVD", "cvssSource": "NVD", "version": "3.1", "score": 7.5,
    "scoringVector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
    "adjustments": [{"metric": "AV", "reason": "none"}]
  }},
  "packageVulnerabilityDetails": {
    "vulnerabilityId": "CVE-2023-30861",
    "vulnerablePackages": [{
      "name": "flask", "version": "2.2.0", "packageManager": "PIP",
      "filePath": "/var/task/flask-2.2.0.dist-info/METADATA",
      "fixedInVersion": "2.2.5", "remediation": "Upgrade flask to 2.2.5",
      "purl": "pkg:pypi/flask@2.2.0"
    }],
    "source": "NVD",
    "cvss": [
      {"baseScore": 7.5, "scoringVector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", "version": "3.1", "source": "NVD"},
      {"baseScore": 5.0, "scoringVector": "AV:N/AC:L/Au:N/C:P/I:N/A:N", "version": "2.0", "source": "NVD"},
      {"baseScore": 7.5, "scoringVector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", "version": "3.1", "source": "GHSA"}
    ],
    "relatedVulnerabilities": ["GHSA-m2qf-hxjv-5gpq", "PYSEC-2023-62"],
    "sourceUrl": "https://nvd.nist.gov/vuln/detail/CVE-2023-30861",
    "vendorSeverity": "HIGH",
    "vendorCreatedAt": 1683064800,
    "vendorUpdatedAt": 1690000000,
    "referenceUrls": ["https://github.com/pallets/flask/releases/tag/2.2.5", "https://github.com/pallets/flask/releases/tag/2.3.2"]
  },
  "fixAvailable": "YES",
  "exploitAvailable": "NO",
  "exploitabilityDetails": {"lastKnownExploitAt": 1695000000},
  "epss": {"score": 0.00157}
},
{
  "findingArn": "arn:aws:inspector2:us-east-1:123456789012:finding/1a2b3c4d5e6f708192a3b4c5d6e7f801",
  "awsAccountId": "123456789012",
  "type": "PACKAGE_VULNERABILITY",
  "description": "The urllib3 library 1.24.x before 1.24.2 for Python mishandles certain cases where the desired set of CA certificates is different from the OS store of CA certificates.",
  "title": "CVE-2019-11324 - urllib3",
  "remediation": {"recommendation": {"text": "None Provided"}},
  "severity": "HIGH",
  "firstObservedAt": 1700000000,
  "lastObservedAt": 1700000000,
  "status": "ACTIVE",
  "resources": [{"type": "AWS_LAMBDA_FUNCTION", "id": "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST", "partition": "aws", "region": "us-east-1"}],
  "inspectorScore": 7.5,
  "packageVulnerabilityDetails": {
    "vulnerabilityId": "CVE-2019-11324",
    "vulnerablePackages": [
      {"name": "urllib3", "version": "1.24.1", "packageManager": "PIP",
       "filePath": "/var/task/urllib3-1.24.1.dist-info/METADATA",
       "fixedInVersion": "1.24.2", "remediation": "Upgrade urllib3 to 1.24.2", "purl": "pkg:pypi/urllib3@1.24.1"},
      {"name": "urllib3", "version": "1.24.1", "packageManager": "PYTHONPKG",
       "filePath": "/opt/python/lib/python3.12/site-packages/urllib3 1.24.1.egg-info/PKG-INFO",
       "fixedInVersion": "NotAvailable",
       "sourceLambdaLayerArn": "arn:aws:lambda:us-east-1:123456789012:layer:deps:3", "purl": "pkg:pypi/urllib3@1.24.1"}
    ],
    "source": "NVD",
    "cvss": [{"baseScore": 7.5, "scoringVector": "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", "version": "3.0", "source": "NVD"}],
    "sourceUrl": "https://nvd.nist.gov/vuln/detail/CVE-2019-11324",
    "vendorSeverity": "HIGH",
    "referenceUrls": ["https://github.com/urllib3/urllib3/compare/a6ec68a...1efadf4"]
  },
  "fixAvailable": "PARTIAL",
  "exploitAvailable": "NO"
},
{
  "findingArn": "arn:aws:inspector2:us-east-1:123456789012:finding/2b3c4d5e6f708192a3b4c5d6e7f80912",
  "awsAccountId": "123456789012",
  "type": "PACKAGE_VULNERABILITY",
  "description": "Minimist <=1.2.5 is vulnerable to Prototype Pollution via file index.js, function setKey() (lines 69-95).",
  "title": "CVE-2021-44906 - minimist, \"prototype\"\npollution",
  "remediation": {"recommendation": {"text": "Upgrade minimist, or remove it."}},
  "severity": "MEDIUM",
  "firstObservedAt": 1690000000,
  "lastObservedAt": 1700000000,
  "status": "ACTIVE",
  "resources": [{"type": "AWS_LAMBDA_FUNCTION", "id": "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST", "region": "us-east-1"}],
  "packageVulnerabilityDetails": {
    "vulnerabilityId": "CVE-2021-44906",
    "vulnerablePackages": [{"name": "minimist", "version": "1.2.0", "packageManager": "NPM",
      "filePath": "/var/task/node_modules/minimist/package.json", "purl": "pkg:npm/minimist@1.2.0"}],
    "source": "GITHUB_SECURITY_ADVISORY",
    "cvss": [{"baseScore": 5.6, "scoringVector": "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L", "version": "3.1", "source": "GHSA"}],
    "sourceUrl": "https://github.com/advisories/GHSA-xvch-5gv4-984h",
    "vendorSeverity": "MODERATE"
  },
  "fixAvailable": "NO"
},
{
  "findingArn": "arn:aws:inspector2:us-east-1:123456789012:finding/3c4d5e6f708192a3b4c5d6e7f8091a2b",
  "awsAccountId": "123456789012",
  "type": "CODE_VULNERABILITY",
  "description": "User input from the event flows into a SQL query built by string formatting.",
  "title": "CWE-89 - SQL injection",
  "remediation": {"recommendation": {"text": "Use parameterized queries.", "Url": "https://cwe.mitre.org/data/definitions/89.html"}},
  "severity": "CRITICAL",
  "firstObservedAt": 1700000000,
  "lastObservedAt": 1700000000,
  "status": "ACTIVE",
  "resources": [{"type": "AWS_LAMBDA_FUNCTION", "id": "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST", "region": "us-east-1"}],
  "codeVulnerabilityDetails": {
    "filePath": {"fileName": "app.py", "filePath": "/var/task/app.py", "startLine": 12, "endLine": 14},
    "detectorTags": ["injection", "sql"],
    "referenceUrls": ["https://owasp.org/www-community/attacks/SQL_Injection"],
    "ruleId": "python/sql-injection",
    "detectorId": "python/sql-injection@v1.0",
    "detectorName": "SQL injection",
    "cwes": ["CWE-89"]
  }
},
{
  "findingArn": "arn:aws:inspector2:us-east-1:123456789012:finding/4d5e6f708192a3b4c5d6e7f8091a2b3c",
  "awsAccountId": "123456789012",
  "type": "PACKAGE_VULNERABILITY",
  "description": "Flask is a lightweight WSGI web application framework.",
  "title": "CVE-2023-30861 - flask",
  "remediation": {},
  "severity": "HIGH",
  "firstObservedAt": 1700000000,
  "lastObservedAt": 1700000000,
  "status": "ACTIVE",
  "resources": [{"type": "AWS_LAMBDA_FUNCTION", "id": "arn:aws:lambda:eu-west-1:123456789012:function:billing:$LATEST", "region": "eu-west-1"}],
  "inspectorScore": 7.5,
  "packageVulnerabilityDetails": {
    "vulnerabilityId": "CVE-2023-30861",
    "vulnerablePackages": [{"name": "flask", "version": "2.0.1", "packageManager": "POETRY",
      "filePath": "/var/task/poetry.lock", "fixedInVersion": "2.2.5", "remediation": "Upgrade flask to 2.2.5"}],
    "source": "NVD",
    "sourceUrl": "https://nvd.nist.gov/vuln/detail/CVE-2023-30861"
  },
  "fixAvailable": "YES"
},
{
  "findingArn": "arn:aws:inspector2:us-east-1:123456789012:finding/5e6f708192a3b4c5d6e7f8091a2b3c4d",
  "awsAccountId": "123456789012",
  "type": "CODE_VULNERABILITY",
  "description": "A hard-coded AWS secret access key.",
  "title": "CWE-798 - Hardcoded credentials",
  "remediation": {"recommendation": {"text": "Read secrets from AWS Secrets Manager."}},
  "severity": "LOW",
  "firstObservedAt": 1700000000,
  "lastObservedAt": 1700000000,
  "status": "SUPPRESSED",
  "resources": [{"type": "AWS_LAMBDA_FUNCTION", "id": "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST", "region": "us-east-1"}],
  "codeVulnerabilityDetails": {
    "filePath": {"fileName": "settings.py", "filePath": "/opt/python/shared/settings.py", "startLine": 3, "endLine": 3},
    "detectorId": "python/hardcoded-credentials@v1.0",
    "detectorName": "Hardcoded credentials",
    "sourceLambdaLayerArn": "arn:aws:lambda:us-east-1:123456789012:layer:deps:3",
    "cwes": ["CWE-798"]
  }
}
]"#;
