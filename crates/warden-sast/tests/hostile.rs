//! Hostile and huge source files: a parse that fails, a file over the size budget, a 5 MB minified bundle,
//! deeply nested expressions and blocks, binary junk. Each finishes, never panics, and says what it skipped.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::time::{Duration, Instant};
use warden_sast::{FileBudget, Options, SourceFile, analyze};

fn run(path: &str, text: String, budget: FileBudget) -> warden_sast::Analysis {
    let files = [SourceFile { path: path.to_string(), text, layer: None }];
    analyze(&files, &Options { budget, ..Options::default() })
}

#[test]
fn a_five_megabyte_minified_bundle_is_analysed_within_the_budget() {
    let chunk = "var a=function(b){return b.c+\"x\"+d(e[0],{f:1,g:[2,3]})};exports.h=function(i){a(i.j)};";
    let mut text = String::new();
    while text.len() < 5 * 1024 * 1024 {
        text.push_str(chunk);
    }
    let started = Instant::now();
    let analysis = run("bundle.js", text, FileBudget::default());
    assert!(started.elapsed() < Duration::from_secs(120), "took {:?}", started.elapsed());
    assert_eq!(analysis.files, 1);
}

#[test]
fn closures_calling_closures_cost_their_size() {
    // Each closure calls the one before it twice: run in place every time, that is 2^300 runs.
    let mut text = String::from("function outer(event) {\n  const c0 = (x) => x;\n");
    for i in 1..300 {
        text.push_str(&format!("  const c{i} = (x) => c{}(x) + c{}(x);\n", i - 1, i - 1));
    }
    text.push_str("  return eval(c299(event.body));\n}\nexports.handler = outer;\n");
    let started = Instant::now();
    let analysis = run("closures.js", text, FileBudget::default());
    assert!(started.elapsed() < Duration::from_secs(60), "took {:?}", started.elapsed());
    assert_eq!(analysis.files, 1);
}

#[test]
fn deep_nesting_is_cut_not_a_stack_overflow() {
    let depth = 20_000;
    for (path, text) in [
        ("deep.py", format!("x = {}1{}\n", "(".repeat(depth), ")".repeat(depth))),
        ("deep.js", format!("var x = {}1{};\n", "[".repeat(depth), "]".repeat(depth))),
        ("deep2.js", format!("function f(e) {{ {} eval(e) {} }}\n", "if (a) {".repeat(5000), "}".repeat(5000))),
        ("Deep.java", format!("class A {{ void f() {{ int x = {}1{}; }} }}\n", "(".repeat(depth), ")".repeat(depth))),
        ("deep.rb", format!("x = {}1{}\n", "[".repeat(depth), "]".repeat(depth))),
        ("Deep.cs", format!("class A {{ void F() {{ var x = {}1{}; }} }}\n", "(".repeat(depth), ")".repeat(depth))),
        ("deep.ts", format!("const x = {}1{};\n", "(".repeat(depth), ")".repeat(depth))),
    ] {
        let analysis = run(path, text, FileBudget::default());
        assert_eq!(analysis.files, 1, "{path}");
    }
    let nested_blocks: String =
        (0..3000).map(|i| format!("{}if x:\n", " ".repeat(i))).collect::<String>() + &" ".repeat(3000) + "eval(x)\n";
    let analysis = run("blocks.py", nested_blocks, FileBudget::default());
    assert_eq!(analysis.files, 1);
}

#[test]
fn oversized_and_slow_files_are_reported_not_fatal() {
    let small = FileBudget { max_bytes: 10, ..FileBudget::default() };
    let analysis = run("big.py", "print('hello world')\n".to_string(), small);
    assert_eq!(analysis.errors.len(), 1);
    assert!(analysis.errors[0].message.contains("limit"), "{}", analysis.errors[0].message);

    let instant = FileBudget { max_parse_time: Duration::from_nanos(1), ..FileBudget::default() };
    let text = "x = 1\n".repeat(200_000);
    let analysis = run("slow.py", text, instant);
    assert_eq!(analysis.errors.len(), 1, "a parse over its time budget is reported");
    assert!(analysis.errors[0].message.contains("longer than"), "{}", analysis.errors[0].message);
}

#[test]
fn junk_and_broken_code_do_not_panic() {
    let junk: String = (0..20_000u32).map(|i| char::from_u32((i * 7919) % 0x2FFF + 1).unwrap_or('x')).collect();
    for path in ["a.py", "a.js", "a.ts", "a.tsx", "A.java", "A.cs", "a.rb"] {
        run(path, junk.clone(), FileBudget::default());
        run(path, "def f(:\n  ) }}} class { (( \"unterminated".to_string(), FileBudget::default());
    }
}
