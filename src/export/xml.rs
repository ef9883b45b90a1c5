//! What GraphML and GEXF share: a quick-xml [`Writer`] that indents by two
//! spaces, and graph text made into attributes and element content for it.
//!
//! XML is written by quick-xml's Writer: escaping and nesting are the library's,
//! not ours ([`escape::xml`] adds only what quick-xml leaves to its caller).

use std::borrow::Cow;
use std::io;

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::name::QName;

use super::escape;

/// A writer into memory, one element a line, indented by two spaces a level.
pub(super) type XmlWriter = Writer<Vec<u8>>;

/// A writer that has written the XML declaration.
pub(super) fn start() -> io::Result<XmlWriter> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    Ok(w)
}

/// The document's bytes, ending with a line break after the root element.
pub(super) fn finish(w: XmlWriter) -> Vec<u8> {
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    bytes
}

/// An attribute whose value is graph text, escaped by [`escape::xml`].
pub(super) fn attr<'a>(key: &'a str, value: &str) -> Attribute<'a> {
    Attribute {
        key: QName(key.as_bytes()),
        value: Cow::Owned(escape::xml(value).into_owned().into_bytes()),
    }
}

/// Element content that is graph text, escaped by [`escape::xml`].
pub(super) fn text(value: &str) -> BytesText<'_> {
    BytesText::from_escaped(escape::xml(value))
}

/// The facts of an edge both formats carry as attributes, in the order of
/// their key tables after the relation (and GraphML's label and colour):
/// title, date, first_seen, last_seen, start, end, acting, change, body,
/// evidence; `None` where the edge has none.
pub(super) fn edge_facts(edge: &crate::graph::Edge) -> [Option<String>; 10] {
    [
        edge.title.clone(),
        edge.date.clone(),
        edge.first_seen.clone(),
        edge.last_seen.clone(),
        edge.start.clone(),
        edge.end.clone(),
        edge.acting.then(|| "true".to_string()),
        edge.change.clone(),
        edge.body.clone(),
        some_text(super::evidence_text(&edge.evidence)),
    ]
}

/// `None` for an empty text, which neither format writes.
pub(super) fn some_text(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_and_nested() {
        let mut w = start().unwrap();
        w.create_element("a")
            .with_attribute(attr("id", "x\"<\n"))
            .write_inner_content(|w| {
                w.create_element("b").write_text_content(text("1 & 2\n3"))?;
                Ok(())
            })
            .unwrap();
        assert_eq!(
            String::from_utf8(finish(w)).unwrap(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <a id=\"x&quot;&lt;&#10;\">\n  <b>1 &amp; 2&#10;3</b>\n</a>\n"
        );
    }
}
