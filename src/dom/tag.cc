// Tag name <-> id lookup. Tested in tests/dom/tag_test.cc.
#include <array>
#include <cstdint>

#include "dom/node.h"

namespace klartext::dom {
namespace {

// Open-addressing table over the names; 512 slots keep probe chains short for ~150 names.
constexpr size_t kSlots = 512;

constexpr uint32_t hash_name(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) h = (h ^ static_cast<uint8_t>(c)) * 16777619u;
  return h;
}

struct TagTable {
  std::array<uint16_t, kSlots> slot{};  // 0 = empty, else Tag value
  constexpr TagTable() {
    for (size_t t = 1; t < static_cast<size_t>(Tag::kCount); ++t) {
      size_t i = hash_name(kTagNames[t]) & (kSlots - 1);
      while (slot[i]) i = (i + 1) & (kSlots - 1);
      slot[i] = static_cast<uint16_t>(t);
    }
  }
};

constexpr TagTable kTable;

}  // namespace

Tag lookup_tag(std::string_view name) {
  if (name.empty() || name.size() > 14) return Tag::kUnknown;
  size_t i = hash_name(name) & (kSlots - 1);
  while (uint16_t t = kTable.slot[i]) {
    if (kTagNames[t] == name) return static_cast<Tag>(t);
    i = (i + 1) & (kSlots - 1);
  }
  return Tag::kUnknown;
}

}  // namespace klartext::dom
