// Quality floor: klartext::extract (src/api, src/extract) scored with src/eval must not fall below
// the F1 pinned here on scrapinghub and wcxb-dev. Under ASan/UBSan a fixed subset keeps it fast.
#include <gtest/gtest.h>

#include <cstdio>

#include "eval/dataset.h"
#include "eval/run.h"
#include "klartext/klartext.h"

#if defined(__SANITIZE_ADDRESS__)
#define KLARTEXT_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KLARTEXT_SANITIZED 1
#endif
#endif
#ifndef KLARTEXT_SANITIZED
#define KLARTEXT_SANITIZED 0
#endif

namespace klartext::eval {
namespace {

// The sanitized build is about 3x slower: it scores every kStride-th page (by sorted id), which
// keeps this test under a minute there while still covering every page type.
constexpr size_t kStride = KLARTEXT_SANITIZED ? 5 : 1;

// Floors, about 0.01 under the F1 measured when pinned (full set / every 5th page).
// 2026-11-29 17:30 UTC: wcxb-dev full-set floor raised to 0.838 after the release build
// measured 0.8486 with this test (main-region and small-form rules; before 0.8446);
// 17:35 UTC raised to 0.840 at 0.8501 (card captions on non-article pages); 17:50 UTC to
// 0.842 at 0.8524 (declared forum threads keep their replies); 18:00 UTC to 0.845 at 0.8549
// (aria-hidden elements with text are shown); 18:05 UTC to 0.847 at 0.8569 (closed tab panels
// and aria-controls panels are shown); 18:15 UTC to 0.848 at 0.8582 (pages built of widgets
// keep their small widget boxes); 18:20 UTC to 0.849 at 0.8589 (a long newsletter-named
// article is content); 18:25 UTC to 0.850 at 0.8606 (an article of linked lists is whole);
// 18:30 UTC to 0.851 at 0.8613 (a hidden wrapper is weighed against the visible prose);
// 18:35 UTC to 0.852 at 0.8618 (hidden FAQ answers on pages that are no article are shown).
// 19:58 UTC to 0.854 at 0.8641 (a <nav> or <footer> outweighing the content still goes).
// 20:10 UTC to 0.855 at 0.8655 (a main region inside the best container is the content).
// 20:25 UTC to 0.857 at 0.8672 (related boxes on non-article pages; the region around a
// page's only <h1>).
// 21:00 UTC to 0.858 at 0.8683 (a link-wrapped card's long description is prose).
// 21:05 UTC to 0.859 at 0.8694 (an intro over a teaser grid on a page that is no article
// keeps the grid).
// 22:56 UTC to 0.860 at 0.8699 (an author's biography closing an article goes).
// 23:19 UTC to 0.861 at 0.8711 (forum labels and member tallies, author boxes, others' rules).
// 23:49 UTC to 0.862 at 0.8720 (unlabelled author biographies, ISO timestamps, others' rules).
// 2026-11-30 01:31 UTC to 0.863 at 0.8731 (a small marked <article> beside long prose is a
// card, others' rules); 01:50 UTC to 0.864 at 0.8743 (wrapped story cards after a related
// heading, microdata author boxes, others' rules); 02:15 UTC to 0.866 at 0.8755 (lists of
// downloads and lists a paragraph introduces stay, forum lines, others' rules); 02:28 UTC to
// 0.867 at 0.8763 (lists of links between paragraphs and under headings in prose stay,
// others' rules); 04:25 UTC to 0.868 at 0.8779 (an unclosed <iframe> inside <noscript> ends
// at </noscript> instead of taking in the rest of the page, others' rules); 04:45 UTC to
// 0.869 at 0.8791 (a block rendered twice goes once, headed grids are item lists, others'
// rules); 05:00 UTC to 0.870 at 0.8801 (biographies, bylines and author cards naming the page's
// author go, forum reply subject lines and edit notes go, others' rules); 05:20 UTC to 0.871 at
// 0.8812 (a best container under three fifths of the main region makes it the content, others'
// rules); 06:55 UTC to 0.872 at 0.8822 (the sections beside the page's one <h1> under one
// wrapper are the content); 07:36 UTC to 0.873 at 0.8829 (a listing's linked item titles and
// names stay, a body chosen as a link list drops link blocks outside its lists, others' rules);
// 08:00 UTC to 0.874 at 0.8839 (labels of entry fields, fieldset legends, tooltip and status
// roles go).
// 2026-11-30 01:35 UTC to 0.864 at 0.8739 (an intro line holding no list does not stand in for
// the table of links under it); 02:12 UTC to 0.865 at 0.8749 (a shop's heading goes with the
// section it opens).
// 23:00 UTC kept at 0.860, measured 0.8705 (disclaimer-named fine print goes on pages that
// are no article).
// 2026-11-29 15:37 UTC: scrapinghub full-set floor raised to 0.969 after the release build
// measured 0.9791 (`klartext eval --dataset scrapinghub`; before: 0.968 at 0.9783, 0.967 at
// 0.9772, 0.965 at 0.9755, 0.964 at 0.9738, 0.960 at 0.9698). Subset re-measured at 15:38 with
// this test in the ASan+UBSan build: scrapinghub 0.9663 (37 pages), floor 0.944 -> 0.956.
// Re-pinned 2026-11-29 15:05 UTC at commit faf269f: full sets measured with this test in the
// release build, subsets with it in the ASan+UBSan build: scrapinghub 0.9676 / 0.9549,
// wcxb-dev 0.8418 / 0.8465. (Before: 14:40 at c2660ba, 0.9671 / 0.9544 and 0.8405 / 0.8456;
// 13:20 at 45a8498, 0.9653 / 0.9521 and 0.8185 / 0.8110; first pinned 11:45 at 0.9412 /
// 0.9456 and 0.7824 / 0.7735.)
struct Floor {
  Dataset dataset;
  double full;
  double subset;
};
constexpr Floor kFloors[] = {
    {Dataset::kScrapinghub, 0.969, 0.956},
    {Dataset::kWcxb, 0.874, 0.836},
};

Extractor klartext_extractor() {
  return [](std::string_view html, std::string_view url) -> Result<ExtractedPage> {
    ExtractOptions options;
    options.url = std::string(url);
    auto doc = extract(html, options);
    if (!doc.ok()) return doc.status();
    return ExtractedPage{std::move(doc->text), std::move(doc->title), std::move(doc->author),
                         std::move(doc->date)};
  };
}

void check_floor(const Floor& floor) {
  auto all = load_dataset(floor.dataset, KLARTEXT_DATA_DIR);
  ASSERT_TRUE(all.ok()) << all.status().to_string();
  std::vector<GoldPage> pages;
  for (size_t i = 0; i < all->size(); i += kStride) pages.push_back((*all)[i]);
  RunOutput run = run_extractor(pages, klartext_extractor());
  Report r = score_dataset(floor.dataset, pages, run.pages);
  double pinned = kStride == 1 ? floor.full : floor.subset;
  std::printf("%s: %zu pages, F1 %.4f P %.4f R %.4f (floor %.3f), %zu failed, %.1f pages/s\n",
              std::string(dataset_name(floor.dataset)).c_str(), pages.size(), r.f1, r.precision,
              r.recall, pinned, run.errors.size(), run.timing.pages_per_second());
  EXPECT_GE(r.f1, pinned);
  // Extraction must not fail outright on benchmark pages (they are ordinary web pages).
  EXPECT_LE(run.errors.size(), pages.size() / 100);
}

TEST(QualityFloor, Scrapinghub) { check_floor(kFloors[0]); }
TEST(QualityFloor, Wcxb) { check_floor(kFloors[1]); }

}  // namespace
}  // namespace klartext::eval
