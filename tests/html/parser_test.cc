// Tests for src/html/parser.h: ordinary pages, limits (depth, nodes, input size), fragments.
#include "html/parser.h"

#include <gtest/gtest.h>

#include <string>

#include "dom/serialize.h"

namespace klartext::html {
namespace {

TEST(ParserTest, SimplePage) {
  auto doc = parse("<!doctype html><title>T</title><p>Hello <b>world</b>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(dom::dump_tree(**doc),
            "| <!DOCTYPE html>\n| <html>\n|   <head>\n|     <title>\n|       \"T\"\n"
            "|   <body>\n|     <p>\n|       \"Hello \"\n|       <b>\n|         \"world\"\n");
}

}  // namespace
}  // namespace klartext::html
