#!/usr/bin/env bash
# Builds the benchmark corpus: a real Lambda deployment package of >= 100 MB (Python data stack with native wheels
# plus the AWS SDK for JavaScript v2 and express in node_modules), as `pip install --target` and `npm install` make
# it. Output: target/bench/lambda-big.zip (cached; delete it to rebuild).
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench/lambda-big.zip
[ -f "$out" ] && { echo "$out"; exit 0; }
work=target/bench/lambda-big
rm -rf "$work" && mkdir -p "$work"
python3 -m pip install --quiet --disable-pip-version-check --target "$work" \
  --only-binary=:all: --platform manylinux2014_x86_64 --python-version 3.12 --implementation cp \
  numpy==2.1.2 scipy==1.14.1 pandas==2.2.3 pyarrow==17.0.0 boto3==1.35.0 cryptography==43.0.1 \
  pydantic==2.9.2 requests==2.32.3 PyYAML==6.0.2 Jinja2==3.1.4 grpcio==1.66.2
( cd "$work" && printf '{"name":"bench","version":"1.0.0","private":true}\n' > package.json \
  && npm install --silent --no-audit --no-fund aws-sdk@2.1691.0 express@4.21.1 lodash@4.17.21 >/dev/null )
( cd "$work" && zip -q -r -X ../lambda-big.zip . )
ls -l "$out"
