// Iterative pre/post-order traversal over a DOM subtree: no recursion, so a 100,000-deep tree
// cannot overflow the stack. Tested through tests/extract/render_test.cc (deep-tree case).
#ifndef KLARTEXT_EXTRACT_WALK_H_
#define KLARTEXT_EXTRACT_WALK_H_

#include "dom/node.h"

namespace klartext::extract {

// Calls enter(n) for every node of root's subtree in document order; when enter returns false
// the node's children are skipped. exit(n) follows every enter(n), after the children.
template <typename Enter, typename Exit>
void walk(const dom::Node* root, Enter&& enter, Exit&& exit) {
  if (!root) return;
  const dom::Node* n = root;
  while (true) {
    if (enter(n) && n->first_child) {
      n = n->first_child;
      continue;
    }
    while (true) {
      exit(n);
      if (n == root) return;
      if (n->next_sibling) {
        n = n->next_sibling;
        break;
      }
      n = n->parent;
    }
  }
}

}  // namespace klartext::extract

#endif  // KLARTEXT_EXTRACT_WALK_H_
