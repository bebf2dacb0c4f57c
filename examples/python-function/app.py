import yaml
import requests


def lambda_handler(event, context):
    config = yaml.safe_load(event.get("body") or "{}")
    return {"statusCode": requests.get(config.get("url", "https://example.com")).status_code}
