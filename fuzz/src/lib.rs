//! Shared bodies of the fuzz targets: each target feeds arbitrary bytes to one parser, which must return (an
//! error is fine) without panicking, hanging or allocating without bound.

use warden_artifact::{Archive, Budget, Limits};
use warden_inventory::{Input, registry};

/// Runs one extractor over `data` as if it were the file at `path`.
pub fn extract(id: &str, path: &str, data: &[u8]) {
    let budget = Budget::new(Limits { max_inflated_bytes: 64 << 20, ..Limits::default() });
    if let Some(extractor) = registry::by_id(id) {
        let input = Input::standalone(path, data, &budget);
        let _ = extractor.extract(&input);
    }
}

/// Opens `data` as a zip and reads every entry.
pub fn zip_reader(data: &[u8]) {
    let budget = Budget::new(Limits { max_inflated_bytes: 64 << 20, ..Limits::default() });
    if let Ok(mut archive) = Archive::open_nested(data.to_vec(), "fuzz.zip".to_string(), 1, &budget) {
        let entries = archive.entries().to_vec();
        for entry in &entries {
            let _ = archive.read(entry);
        }
    }
}

/// Analyses `data` (as lossy UTF-8) as a one-file package named `path`: front end, handler discovery, taint
/// engine and every detector of the language.
pub fn analyze(path: &str, data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let files = [warden_sast::SourceFile { path: path.to_string(), text, layer: None }];
    let _ = warden_sast::analyze(&files, &warden_sast::Options::default());
}

/// Analyses `data` as a template (its first byte picks the syntax) beside code that renders it with input, so the
/// template parser and the render path both run.
pub fn analyze_template(data: &[u8]) {
    const PY: &str = "from flask import render_template, request\n\n\ndef view():\n    return render_template(\"page.html\", bio=request.args[\"b\"], x=request.args[\"x\"])\n";
    const RB: &str = "class PagesController < ApplicationController\n  def show\n    @bio = params[:b]\n    @x = params[:x]\n  end\nend\n";
    const JS: &str = "const app = require(\"express\")();\napp.get(\"/\", (req, res) => res.render(\"page\", { bio: req.query.b, x: req.query.x }));\n";
    const CS: &str = "public class PagesController : Controller {\n  public IActionResult Show(string b) {\n    ViewBag.X = Request.Query[\"x\"];\n    return View(new Page { Bio = b });\n  }\n}\n";
    const SPRING: &str = "@Controller\npublic class PageController {\n  @GetMapping(\"/\")\n  public String page(@RequestParam String b, @RequestParam String x, Model model) {\n    model.addAttribute(\"bio\", b);\n    model.addAttribute(\"x\", x);\n    return \"page\";\n  }\n}\n";
    const SERVLET: &str = "public class PageServlet extends HttpServlet {\n  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {\n    req.setAttribute(\"bio\", req.getParameter(\"b\"));\n    req.setAttribute(\"x\", req.getParameter(\"x\"));\n    req.getRequestDispatcher(\"/WEB-INF/page.jsp\").forward(req, resp);\n  }\n}\n";
    let Some((&which, rest)) = data.split_first() else { return };
    let (template, code_path, code) = match which % 8 {
        0 => ("/var/task/templates/page.html", "/var/task/app.py", PY),
        1 => ("/var/task/app/views/pages/show.html.erb", "/var/task/app/controllers/pages_controller.rb", RB),
        2 => ("/var/task/views/page.ejs", "/var/task/app.js", JS),
        3 => ("/var/task/views/page.hbs", "/var/task/app.js", JS),
        4 => ("/var/task/views/page.pug", "/var/task/app.js", JS),
        5 => ("/var/task/Views/Pages/Show.cshtml", "/var/task/Controllers/PagesController.cs", CS),
        // Thymeleaf by its folder (its text decides for other `.html` files), JSP by its extension.
        6 => ("/var/task/src/main/resources/templates/page.html", "/var/task/PageController.java", SPRING),
        _ => ("/var/task/WEB-INF/page.jsp", "/var/task/PageServlet.java", SERVLET),
    };
    let files = [
        warden_sast::SourceFile { path: code_path.to_string(), text: code.to_string(), layer: None },
        warden_sast::SourceFile {
            path: template.to_string(),
            text: String::from_utf8_lossy(rest).into_owned(),
            layer: None,
        },
    ];
    let _ = warden_sast::analyze(&files, &warden_sast::Options::default());
}
