// A dump of a Document in the html5lib tree-construction test format ("| <html>" lines).
// Tested in tests/html/tree_builder_test.cc (the whole html5lib suite compares these dumps).
#ifndef KLARTEXT_DOM_SERIALIZE_H_
#define KLARTEXT_DOM_SERIALIZE_H_

#include <string>

#include "dom/document.h"

namespace klartext::dom {

// The tree below the Document node, one "| "-prefixed line per node, two spaces per level:
// elements as <name> (foreign ones as <svg name>/<math name>), attributes sorted by their
// printed name (xlink/xml/xmlns ones prefixed "xlink href"), template contents under
// "content", doctypes, comments and "text". Iterative: any depth is fine.
std::string dump_tree(const Document& doc);

// The same for a fragment parse: the children of the <html> element at the top level.
std::string dump_fragment(const Document& doc);

}  // namespace klartext::dom

#endif  // KLARTEXT_DOM_SERIALIZE_H_
