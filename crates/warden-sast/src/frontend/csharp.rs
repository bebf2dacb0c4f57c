//! csharp → IR (not written yet).

use super::Cx;
use tree_sitter::Node;

pub(crate) fn lower(_cx: &mut Cx, _root: Node) {}
