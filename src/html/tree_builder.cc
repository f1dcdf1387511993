// Placeholder; replaced by the tree_builder implementation.
