//! A small pull reader over `quick-xml` for the XML files qalign reads (TBX termbases, TMX and
//! XLIFF bilingual files): elements by their local name (namespace prefixes dropped), attributes by
//! theirs, and text with character and predefined entity references resolved.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, Result};

/// One step through an XML document. An empty element (`<x/>`) gives an `Open` and then a `Close`.
#[derive(Debug, PartialEq)]
pub(crate) enum Node<'a> {
    /// An element starts: its local name and its attributes (local names, unescaped values).
    Open { name: String, attributes: Vec<(String, String)> },
    /// An element ends: its local name.
    Close { name: String },
    /// Character data: text, a resolved reference or a CDATA section.
    Text(Cow<'a, str>),
}

/// Reads nodes from an XML text.
pub(crate) struct XmlReader<'a> {
    reader: Reader<&'a [u8]>,
    /// The `Close` owed for an empty element just opened.
    pending_close: Option<String>,
    /// Elements open.
    depth: usize,
}

impl<'a> XmlReader<'a> {
    /// A reader over `text`, which must be the whole document.
    pub(crate) fn new(text: &'a str) -> XmlReader<'a> {
        let mut reader = Reader::from_str(text);
        reader.config_mut().check_end_names = true;
        XmlReader { reader, pending_close: None, depth: 0 }
    }

    /// The byte offset reached in the text.
    pub(crate) fn offset(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    /// An error at the current offset.
    pub(crate) fn error(&self, message: impl Into<String>) -> Error {
        Error::MalformedXml { offset: self.offset(), message: message.into() }
    }

    /// The next node, or `None` at the end of the document.
    ///
    /// # Errors
    /// [`Error::MalformedXml`] when the document is not well-formed or holds an unknown entity.
    pub(crate) fn next_node(&mut self) -> Result<Option<Node<'a>>> {
        if let Some(name) = self.pending_close.take() {
            return Ok(Some(Node::Close { name }));
        }
        loop {
            let event = self.reader.read_event().map_err(|e| Error::MalformedXml {
                offset: usize::try_from(self.reader.error_position()).unwrap_or(usize::MAX),
                message: e.to_string(),
            })?;
            return Ok(Some(match event {
                Event::Start(e) => {
                    self.depth += 1;
                    open(&e)?
                }
                Event::Empty(e) => {
                    let node = open(&e)?;
                    self.pending_close = Some(local_name(&e));
                    node
                }
                Event::End(e) => {
                    self.depth = self.depth.saturating_sub(1);
                    Node::Close { name: e.local_name().as_ref().to_owned() }
                }
                Event::Text(t) => Node::Text(t.xml10_content()),
                Event::CData(t) => Node::Text(t.xml10_content()),
                Event::GeneralRef(r) => {
                    let resolved = if r.is_char_ref() {
                        r.resolve_char_ref().ok().flatten().map(|c| Cow::Owned(c.to_string()))
                    } else {
                        quick_xml::escape::resolve_predefined_entity(&r.xml10_content()).map(Cow::Borrowed)
                    };
                    match resolved {
                        Some(text) => Node::Text(text),
                        None => return Err(self.error(format!("unknown entity `&{};`", r.xml10_content()))),
                    }
                }
                Event::Eof if self.depth > 0 => return Err(self.error("the document ends inside an element")),
                Event::Eof => return Ok(None),
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => continue,
            }));
        }
    }

    /// The text inside the element just opened, up to its end, with the text of the elements
    /// nested in it (inline markup such as `<hi>` or `<g>`) included.
    ///
    /// # Errors
    /// [`Error::MalformedXml`] as [`XmlReader::next_node`].
    pub(crate) fn text_until_close(&mut self) -> Result<String> {
        let mut depth = 0usize;
        let mut text = String::new();
        while let Some(node) = self.next_node()? {
            match node {
                Node::Open { .. } => depth += 1,
                Node::Close { .. } if depth == 0 => return Ok(text),
                Node::Close { .. } => depth -= 1,
                Node::Text(t) => text.push_str(&t),
            }
        }
        Err(self.error("the document ends inside an element"))
    }
}

/// The local name of an element.
fn local_name(e: &BytesStart) -> String {
    e.local_name().as_ref().to_owned()
}

/// An `Open` node for a start tag.
fn open<'a>(e: &BytesStart) -> Result<Node<'a>> {
    let mut attributes = Vec::new();
    for attribute in e.attributes() {
        let attribute =
            attribute.map_err(|err| Error::MalformedXml { offset: 0, message: err.to_string() })?;
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| Error::MalformedXml { offset: 0, message: err.to_string() })?;
        attributes.push((attribute.key.local_name().as_ref().to_owned(), value.into_owned()));
    }
    Ok(Node::Open { name: local_name(e), attributes })
}

/// The value of the attribute with local name `name`.
pub(crate) fn attribute<'v>(attributes: &'v [(String, String)], name: &str) -> Option<&'v str> {
    attributes.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// The local name of the first element of an XML text, if it has one and parses up to there.
pub(crate) fn root_name(text: &str) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.trim_start().starts_with('<') {
        return None;
    }
    let mut reader = XmlReader::new(text);
    loop {
        match reader.next_node().ok()?? {
            Node::Open { name, .. } => return Some(name),
            Node::Text(t) if t.trim().is_empty() => {}
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_resolve_references_and_drop_prefixes() {
        let text = "<?xml version=\"1.0\"?><!-- c --><a:root xml:lang=\"ar\"><b/>x &amp; &#x41;<![CDATA[<y>]]></a:root>";
        let mut reader = XmlReader::new(text);
        let mut nodes = Vec::new();
        while let Some(node) = reader.next_node().unwrap() {
            nodes.push(node);
        }
        assert_eq!(
            nodes,
            [
                Node::Open { name: "root".into(), attributes: vec![("lang".into(), "ar".into())] },
                Node::Open { name: "b".into(), attributes: vec![] },
                Node::Close { name: "b".into() },
                Node::Text("x ".into()),
                Node::Text("&".into()),
                Node::Text(" ".into()),
                Node::Text("A".into()),
                Node::Text("<y>".into()),
                Node::Close { name: "root".into() },
            ]
        );
        assert_eq!(root_name(text).as_deref(), Some("root"));
        assert_eq!(root_name("\u{feff}  <tmx version=\"1.4\">").as_deref(), Some("tmx"));
        assert_eq!(root_name("ar\ten"), None);
    }

    #[test]
    fn malformed_documents_are_errors() {
        for text in ["<a><b></a>", "<a>&nope;</a>", "<a x=1></a>"] {
            let mut reader = XmlReader::new(text);
            let result = std::iter::from_fn(|| reader.next_node().transpose()).collect::<Result<Vec<_>>>();
            assert!(matches!(result, Err(Error::MalformedXml { .. })), "{text}");
        }
        let mut reader = XmlReader::new("<a>text");
        reader.next_node().unwrap();
        assert!(reader.text_until_close().is_err());
    }
}
