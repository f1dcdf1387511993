// Deepest nesting below a DOM node, for tests that check the parser's depth limit
// (tests/html/parser_test.cc, tests/robustness/robustness_test.cc).
#ifndef KLARTEXT_TESTS_SUPPORT_TREE_DEPTH_H_
#define KLARTEXT_TESTS_SUPPORT_TREE_DEPTH_H_

#include <algorithm>
#include <cstddef>

#include "dom/node.h"

namespace klartext::testing {

// Deepest node nesting below `root`, 0 when it has no children. Iterative: the trees these
// tests build are deep by construction.
inline size_t tree_depth(const dom::Node* root) {
  size_t depth = 1, best = 0;
  const dom::Node* n = root->first_child;
  while (n) {
    best = std::max(best, depth);
    if (n->first_child) {
      n = n->first_child;
      ++depth;
      continue;
    }
    while (n != root && !n->next_sibling) {
      n = n->parent;
      --depth;
    }
    if (n == root) break;
    n = n->next_sibling;
  }
  return best;
}

}  // namespace klartext::testing

#endif  // KLARTEXT_TESTS_SUPPORT_TREE_DEPTH_H_
