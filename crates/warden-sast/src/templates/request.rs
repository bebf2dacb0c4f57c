//! A template that reads the request itself (JSP's `${param.q}` or `<%= request.getParameter("q") %>`,
//! Thymeleaf's `${param.q}`) writes attacker input with no code in between. Such reads are lowered to the servlet
//! method a JSP compiles to: `_jspService(HttpServletRequest request, HttpServletResponse response)` whose body
//! holds each read in a variable named as the template wrote it (`${param.q}`) and prints it at its place in the
//! template, so the engine reports them like any servlet's, with a trace that shows the construct.

use crate::ir::{Arg, Expr, ExprKind, Function, Param, Span, Stmt};

/// A read of the request written unescaped: where, as written, the request's method and its key.
pub(super) struct Read {
    pub span: Span,
    pub written: String,
    pub method: &'static str,
    pub key: Option<String>,
}

/// The servlet method printing `reads`.
pub(super) fn servlet(reads: &[Read]) -> Option<Function> {
    let first = reads.first()?.span;
    let param = |name: &str, ty: &str| Param { ty: Some(ty.to_string()), ..Param::plain(name.to_string(), first) };
    let body = reads
        .iter()
        .flat_map(|Read { span, written, method, key }| {
            let e = |kind: ExprKind| Expr::new(kind, *span);
            let call = |obj: Expr, name: &str, args: Vec<Arg>| {
                e(ExprKind::Call {
                    callee: Box::new(e(ExprKind::Attr { obj: Box::new(obj), name: name.to_string() })),
                    args,
                    new: false,
                })
            };
            let arg = |value: Expr| Arg { name: None, value, spread: false };
            let key = key.iter().map(|k| arg(e(ExprKind::Str(k.clone())))).collect();
            let read = call(e(ExprKind::Name("request".into())), method, key);
            let held = e(ExprKind::Name(written.clone()));
            let writer = call(e(ExprKind::Name("response".into())), "getWriter", Vec::new());
            [
                Stmt::Assign { target: held.clone(), value: Some(read), ty: None, span: *span },
                Stmt::Expr(call(writer, "print", vec![arg(held)])),
            ]
        })
        .collect();
    Some(Function {
        name: "_jspService".to_string(),
        class: None,
        params: vec![param("request", "HttpServletRequest"), param("response", "HttpServletResponse")],
        body,
        decorators: Vec::new(),
        is_static: false,
        parent: None,
        returns: None,
        span: first,
    })
}
