//! The Ruby detectors, one file each.

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
mod missing_host_key_verification;
mod nosql_injection;
mod open_redirect;
mod os_command_injection;
mod path_traversal;
mod sensitive_information_leak;
mod server_side_request_forgery;
pub(crate) mod shared;
mod sql_injection;
mod stack_trace_exposure;
mod unencrypted_aws_resource;
mod untrusted_deserialization;
mod weak_key_size;
mod xml_external_entity;
mod xpath_injection;

/// Every Ruby detector; a test checks that each file of this directory is listed.
pub const RULES: &[&Rule] = &[
    &sql_injection::RULE,
    &nosql_injection::RULE,
    &os_command_injection::RULE,
    &code_injection::RULE,
    &path_traversal::RULE,
    &server_side_request_forgery::RULE,
    &xml_external_entity::RULE,
    &ldap_injection::RULE,
    &xpath_injection::RULE,
    &log_injection::RULE,
    &untrusted_deserialization::RULE,
    &cross_site_scripting::RULE,
    &open_redirect::RULE,
    &header_injection::RULE,
    &hardcoded_credentials::RULE,
    &aws_logged_credentials::RULE,
    &sensitive_information_leak::RULE,
    &stack_trace_exposure::RULE,
    &insecure_cryptography::RULE,
    &insecure_hashing::RULE,
    &insecure_random::RULE,
    &weak_key_size::RULE,
    &improper_certificate_validation::RULE,
    &insecure_tls_version::RULE,
    &insecure_connection::RULE,
    &insecure_cookie::RULE,
    &unencrypted_aws_resource::RULE,
    &insecure_cors_policy::RULE,
    &loose_file_permissions::RULE,
    &insecure_temp_file::RULE,
    &missing_host_key_verification::RULE,
];
