//! The javascript detectors (JavaScript and TypeScript), one file each.

use super::Rule;

mod aws_logged_credentials;
mod code_injection;
mod cross_site_scripting;
mod hardcoded_credentials;
mod header_injection;
mod improper_certificate_validation;
mod insecure_connection;
mod insecure_cookie;
mod insecure_cors_policy;
mod insecure_cryptography;
mod insecure_hashing;
mod insecure_random;
mod insecure_temp_file;
mod insecure_tls_version;
mod ldap_injection;
mod log_injection;
mod loose_file_permissions;
mod nosql_injection;
mod open_redirect;
mod os_command_injection;
mod path_traversal;
mod sensitive_information_leak;
mod server_side_request_forgery;
mod shared;
mod sql_injection;
mod stack_trace_exposure;
mod unencrypted_aws_resource;
mod untrusted_deserialization;
mod weak_key_size;
mod xml_external_entity;
mod xpath_injection;

/// Every javascript detector; a test checks that each file of this directory is listed.
pub const RULES: &[&Rule] = &[
    &aws_logged_credentials::RULE,
    &code_injection::RULE,
    &cross_site_scripting::RULE,
    &hardcoded_credentials::RULE,
    &header_injection::RULE,
    &improper_certificate_validation::RULE,
    &insecure_connection::RULE,
    &insecure_cookie::RULE,
    &insecure_cors_policy::RULE,
    &insecure_cryptography::RULE,
    &insecure_hashing::RULE,
    &insecure_random::RULE,
    &insecure_temp_file::RULE,
    &insecure_tls_version::RULE,
    &ldap_injection::RULE,
    &log_injection::RULE,
    &loose_file_permissions::RULE,
    &nosql_injection::RULE,
    &open_redirect::RULE,
    &os_command_injection::RULE,
    &path_traversal::RULE,
    &sensitive_information_leak::RULE,
    &server_side_request_forgery::RULE,
    &sql_injection::RULE,
    &stack_trace_exposure::RULE,
    &unencrypted_aws_resource::RULE,
    &untrusted_deserialization::RULE,
    &weak_key_size::RULE,
    &xml_external_entity::RULE,
    &xpath_injection::RULE,
];
