// Tests for src/extract/extract.h on pages we wrote ourselves (tests/data/extract/ and the
// README's examples/press-release.html).
#include "extract/extract.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_util.h"

namespace klartext::extract {
namespace {

using testing::contains;
using testing::fixture;
using testing::parse;

Extracted run(const std::string& html, Options o = {}) {
  auto doc = parse(html);
  return extract(*doc, o);
}

// How many times `needle` occurs in `text`.
size_t count(const std::string& text, std::string_view needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

std::string read_example() {
  std::ifstream in(std::string(KLARTEXT_SOURCE_DIR) + "/examples/press-release.html");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ExtractTest, PressReleaseIsExactlyItsContent) {
  Extracted e = run(read_example());
  EXPECT_EQ(e.headline, "New cycle paths for the river valley");
  const std::string& t = e.text;
  for (const char* want :
       {"The state will invest 14 million euros over the next three years",
        "“Many people in the valley would like to cycle to work", "What will be built",
        "38 kilometres of new path, separated from the road",
        "lighting on the sections between the towns and the two railway stations.",
        "Phase | Section | Length | Start", "2 | Brückhausen – Kettwig an der Lenne | 18 km",
        "Costs and funding", "“For our pupils this is the difference",
        "Residents can comment on the route plans",
        "Press contact: Clara Brenner, telephone +49 511 0000 117"})
    EXPECT_TRUE(contains(t, want)) << "missing: " << want << "\n---\n" << t;
  for (const char* unwanted : {"Jump to", "Rail and Bus", "Home", "Print", "Share by e-mail",
                               "Related press releases", "Night buses", "Newsletter", "Subscribe",
                               "Imprint", "Privacy policy", "cookies", "Accept all", "Search"})
    EXPECT_FALSE(contains(t, unwanted)) << "leaked: " << unwanted << "\n---\n" << t;
  // The content ends with the contact line: nothing from the page after the article.
  EXPECT_EQ(t.substr(t.size() - 16), "+49 511 0000 117");
  // ... and it starts with the lead: the headline is reported apart, kicker and byline go.
  EXPECT_EQ(t.rfind("The state will invest", 0), 0u) << t;
  // List items one per line, paragraphs apart.
  EXPECT_TRUE(contains(t, "green verge;\n24 kilometres"));
  EXPECT_TRUE(contains(t, "the route.\n\n“Many"));
}

TEST(ExtractTest, PressReleaseMarkdown) {
  Options o;
  o.with_markdown = true;
  Extracted e = run(read_example(), o);
  EXPECT_TRUE(contains(e.markdown, "## What will be built"));
  EXPECT_TRUE(contains(e.markdown, "- four new bridges over the Lenne"));
  EXPECT_TRUE(
      contains(e.markdown, "| Phase | Section | Length | Start |\n| --- | --- | --- | --- |"));
  EXPECT_TRUE(contains(e.markdown, "> “For our pupils"));
  EXPECT_FALSE(contains(e.markdown, "Newsletter"));
}

TEST(ExtractTest, ForumThreadKeepsEveryPost) {
  Extracted e = run(fixture("forum-thread.html"));
  EXPECT_TRUE(contains(e.text, "smells sharply of nail polish remover"));
  EXPECT_TRUE(contains(e.text, "That smell means it is hungry"));
  EXPECT_TRUE(contains(e.text, "feeding twice a day fixed it"));
  EXPECT_FALSE(contains(e.text, "Register"));
  EXPECT_FALSE(contains(e.text, "Forum rules"));
  EXPECT_FALSE(contains(e.text, "Next"));
}

TEST(ExtractTest, DocsPageKeepsCodeVerbatimAndTables) {
  Extracted e = run(fixture("docs-code.html"));
  EXPECT_TRUE(contains(e.text,
                       "for line in lines(\"data.txt\"):\n    if line.startswith(\"#\"):\n"
                       "        continue\n"));
  EXPECT_TRUE(contains(e.text, "constant memory.\n\nfor line"));
  EXPECT_TRUE(contains(e.text, "print(line.strip())\n\nEach line"));
  EXPECT_TRUE(contains(e.text, "encoding | utf-8 | how the bytes are decoded"));
  EXPECT_FALSE(contains(e.text, "Skip to main content"));
  EXPECT_FALSE(contains(e.text, "Networking"));
  EXPECT_FALSE(contains(e.text, "static site generator"));
  Options no_tables;
  no_tables.include_tables = false;
  EXPECT_FALSE(contains(run(fixture("docs-code.html"), no_tables).text, "utf-8"));
}

TEST(ExtractTest, ProductPageKeepsDescriptionAndSpecs) {
  Extracted e = run(fixture("product.html"));
  EXPECT_TRUE(contains(e.text, "glass-hard enamel coating"));
  EXPECT_TRUE(contains(e.text, "Capacity: 350 ml\nWeight: 180 g"));
  EXPECT_FALSE(contains(e.text, "Camp kitchen"));
  EXPECT_FALSE(contains(e.text, "cookies"));
  EXPECT_FALSE(contains(e.text, "ten percent off"));
}

TEST(ExtractTest, ListingPageKeepsItsLinkList) {
  Extracted e = run(fixture("listing.html"));
  EXPECT_TRUE(contains(e.text, "Lentil soup with smoked paprika 25 min\nCrispy chickpeas"))
      << e.text;
  EXPECT_TRUE(contains(e.text, "Roasted cauliflower with tahini dressing 45 min"));
  EXPECT_FALSE(contains(e.text, "Privacy"));
  EXPECT_FALSE(contains(e.text, "About"));
}

TEST(ExtractTest, GermanPageDropsSkipLinkAndShareButtons) {
  Extracted e = run(fixture("german.html"));
  EXPECT_EQ(e.headline, "Neue Öffnungszeiten der Stadtbibliothek");
  EXPECT_TRUE(contains(e.text, "Ab dem ersten März öffnet die Stadtbibliothek"));
  EXPECT_TRUE(contains(e.text, "zwei neue Stellen geschaffen."));
  for (const char* unwanted :
       {"Zum Inhalt springen", "Startseite", "Teilen", "Drucken", "Impressum"})
    EXPECT_FALSE(contains(e.text, unwanted)) << unwanted;
}

TEST(ExtractTest, ChinesePage) {
  Extracted e = run(fixture("chinese.html"));
  EXPECT_EQ(e.headline, "城市公园新增夜间开放时段");
  EXPECT_TRUE(contains(e.text, "从下个月起，市中心的三座公园"));
  EXPECT_TRUE(contains(e.text, "确保游客安全。"));
  for (const char* unwanted : {"跳到主要内容", "首页", "关于我们", "版权所有"})
    EXPECT_FALSE(contains(e.text, unwanted)) << unwanted;
}

TEST(ExtractTest, CommentsOnlyWhenAskedOnArticles) {
  std::string page =
      "<html><body><article><h1>A title here</h1><p>" + std::string(40, 'x') +
      " The article body is long enough to be the main content of this page, with several "
      "sentences of prose. It continues with a second sentence, and a third one.</p><p>Another "
      "paragraph of the article follows here, also with some length to it.</p></article>"
      "<div class=\"comments\"><p>First comment: I liked this article a lot.</p></div>"
      "</body></html>";
  EXPECT_FALSE(contains(run(page).text, "First comment"));
  Options o;
  o.include_comments = true;
  EXPECT_TRUE(contains(run(page, o).text, "First comment"));
}

TEST(ExtractTest, CaptionsAndDateLinesAreLeftOut) {
  Extracted e =
      run("<body><article><p class=\"date\">Published 18 November 2019</p><p>The first paragraph "
          "of the story is long enough to be content, and it says what happened.</p><figure>"
          "<img src=\"a.jpg\"><figcaption>The mayor at the opening. Photo: A. Person</figcaption>"
          "</figure><p>The second paragraph adds detail about the opening of the new bridge.</p>"
          "</article></body>");
  EXPECT_TRUE(contains(e.text, "The first paragraph"));
  EXPECT_TRUE(contains(e.text, "The second paragraph"));
  EXPECT_FALSE(contains(e.text, "Published"));
  EXPECT_FALSE(contains(e.text, "The mayor at the opening"));
}

// Captions: <figcaption> always goes, a caption-classed element while it is caption-sized;
// a long run of prose in a wrapper whose class says "caption" is content.
TEST(ExtractTest, CaptionClassOnLongProseIsKept) {
  std::string prose;
  for (int i = 0; i < 4; ++i)
    prose += "<p>Sentence group " + std::to_string(i) +
             " explains how the new ferry route works, when it runs and what a ticket costs.</p>";
  Extracted e =
      run("<body><div class=\"story\"><p>The opening paragraph of the story is long "
          "enough to be content on its own.</p><div class=\"image-caption\">A short "
          "caption under the photo</div><div class=\"caption-block\">" +
          prose + "</div></div></body>");
  EXPECT_TRUE(contains(e.text, "Sentence group 3")) << e.text;
  EXPECT_FALSE(contains(e.text, "A short caption")) << e.text;
}

// A consent notice without consent classes is known by its words.
TEST(ExtractTest, CookieNoticeTextIsLeftOut) {
  Extracted e = run(
      "<body><div><p>This website uses cookies. By continuing to browse you agree to our use of "
      "cookies.</p><p>The council approved the new budget on Tuesday after a long debate about "
      "the harbour.</p><p>Bake the cookies for twelve minutes, then let them cool on a rack "
      "before serving.</p></div></body>");
  EXPECT_FALSE(contains(e.text, "This website uses cookies")) << e.text;
  EXPECT_TRUE(contains(e.text, "Bake the cookies")) << e.text;
}

TEST(ExtractTest, HiddenElementsAreNotContent) {
  Extracted e =
      run("<body><div><p>Visible paragraph with enough words to be the content of the page.</p>"
          "<p style=\"display: none\">Hidden one</p><p hidden>Also hidden</p>"
          "<p aria-hidden=\"true\">Icon label</p></div></body>");
  EXPECT_TRUE(contains(e.text, "Visible paragraph"));
  EXPECT_FALSE(contains(e.text, "Hidden one"));
  EXPECT_FALSE(contains(e.text, "Also hidden"));
  EXPECT_FALSE(contains(e.text, "Icon label"));
}

// Pages that reveal their content by script ship it in a display:none wrapper; when that
// wrapper holds far more text than the visible page, it is the content.
TEST(ExtractTest, HiddenWrapperHoldingThePageIsShown) {
  std::string story;
  for (int i = 0; i < 6; ++i)
    story += "<p>Paragraph " + std::to_string(i) +
             " of the story tells the reader what happened at the harbour that night.</p>";
  Extracted e =
      run("<body><header><a href=\"/\">Home</a> <a href=\"/shop\">Shop</a></header>"
          "<div class=\"lockdown\" style=\"display:none\">" +
          story + "<p hidden>Nested hidden note</p></div><footer>Footer words</footer>" +
          "<div style=\"display:none\">Small hidden helper</div></body>");
  EXPECT_TRUE(contains(e.text, "Paragraph 0 of the story")) << e.text;
  EXPECT_TRUE(contains(e.text, "Paragraph 5 of the story")) << e.text;
  EXPECT_FALSE(contains(e.text, "Nested hidden note")) << e.text;
  EXPECT_FALSE(contains(e.text, "Small hidden helper")) << e.text;
  // Hidden text that does not outweigh the visible article stays hidden.
  Extracted f = run("<body><article><h1>Title</h1><div style=\"visibility:hidden\"><p>" +
                    std::string(200, 'h') + " spoiler</p></div><p>" + std::string(150, 'v') +
                    " visible prose of the article.</p></article></body>");
  EXPECT_FALSE(contains(f.text, "spoiler")) << f.text;
  EXPECT_TRUE(contains(f.text, "visible prose")) << f.text;
}

// A cookie dialog that explains every cookie can hold more text than a short page; it is
// still not content.
TEST(ExtractTest, LongConsentDialogIsLeftOut) {
  std::string dialog = "<div id=\"consent-sdk\" class=\"consent-panel\"><h2>Your privacy</h2>";
  for (int i = 0; i < 8; ++i)
    dialog += "<h3>Cookie group " + std::to_string(i) +
              "</h3><p>These cookies help us measure visits and traffic sources so we can "
              "improve our site; they count visits without telling us who you are.</p>";
  dialog += "</div>";
  Extracted e =
      run("<body class=\"cookie-banner-open\"><main><h1>Soup</h1><p>Simmer the "
          "lentils with onion and garlic for twenty minutes, then blend half of "
          "them.</p><p>Season with smoked paprika and serve with bread.</p></main>" +
          dialog + "</body>");
  EXPECT_TRUE(contains(e.text, "Simmer the lentils")) << e.text;
  EXPECT_FALSE(contains(e.text, "Cookie group")) << e.text;
}

TEST(ExtractTest, HeadlineKeptWhenItDoesNotRepeatTheTitle) {
  Extracted e =
      run("<head><title>Site name</title></head><body><h1>Completely different words</h1>"
          "<p>Some paragraph text that is long enough to be chosen as the content.</p></body>");
  EXPECT_TRUE(e.headline.empty());
  EXPECT_TRUE(contains(e.text, "Completely different words"));
  Options o;
  o.title = "Completely different words";
  EXPECT_EQ(run("<body><h1>Completely different words</h1><p>Some paragraph text that is long "
                "enough to be chosen as the content.</p></body>",
                o)
                .headline,
            "Completely different words");
}

TEST(ExtractTest, EmptyAndTrivialPages) {
  EXPECT_EQ(run("").text, "");
  EXPECT_EQ(run("<p>Hi</p>").text, "Hi");
  dom::Document empty;
  EXPECT_EQ(extract(empty).text, "");
}

// Regression (found by tests/robustness): a page of a few words beside empty sibling elements
// lost its text, because the empty elements (score 0) beat the short paragraph (below 0).
TEST(ExtractTest, ShortTextBesideEmptySiblingsIsKept) {
  EXPECT_EQ(run("<div><div></div><div></div><p>x</p></div>").text, "x");
  EXPECT_EQ(run("<body><div></div><span></span><p>deep page</p><div></div></body>").text,
            "deep page");
  // A page of links only keeps them all: there is nothing else to show.
  EXPECT_EQ(run("<body><div></div><a href=\"/a\"><p>abc</p><p>def</p>ghi</a></body>").text,
            "abc\n\ndef\n\nghi");
}

// Regression: wiki section edit links ("[edit]" after each heading) were kept in the text.
TEST(ExtractTest, WikiSectionEditLinksAreLeftOut) {
  std::string prose = "This paragraph of the article is long enough to count as prose content.";
  auto section = [&](const std::string& heading, const std::string& label) {
    return "<div class=\"heading\"><h2>" + heading + "</h2><span class=\"es\"><span>[</span>" +
           "<a href=\"/w?action=edit\">" + label + "</a><span>]</span></span></div><p>" + prose +
           " (" + heading + ")</p>";
  };
  Extracted e = run("<body><main>" + section("History", "edit") +
                    section("Geschichte", "Bearbeiten") + section("Histoire", "modifier") +
                    "<p>See [1] and [edit notes] too.</p>" + "</main></body>");
  EXPECT_TRUE(contains(e.text, "History\n\nThis paragraph")) << e.text;
  EXPECT_TRUE(contains(e.text, "Geschichte\n\nThis paragraph")) << e.text;
  EXPECT_FALSE(contains(e.text, "[edit]")) << e.text;
  EXPECT_FALSE(contains(e.text, "Bearbeiten")) << e.text;
  EXPECT_FALSE(contains(e.text, "modifier")) << e.text;
  EXPECT_TRUE(contains(e.text, "See [1] and [edit notes] too.")) << e.text;
}

// A listing in sections (a heading over each list of links, as in an A-Z index) is kept whole,
// not only its largest list.
TEST(ExtractTest, SectionedLinkListingIsKeptWhole) {
  std::string page = "<body><nav><a href=\"/\">Home</a> <a href=\"/x\">About</a></nav><div>";
  for (char letter : std::string("ABC")) {
    page += "<h2>" + std::string(1, letter) + "</h2><ul>";
    int n = letter == 'B' ? 8 : 5;
    for (int i = 0; i < n; ++i)
      page += "<li><a href=\"/" + std::to_string(i) + "\">" + std::string(1, letter) +
              " language number " + std::to_string(i) + "</a></li>";
    page += "</ul>";
  }
  page += "</div><footer><a href=\"/p\">Privacy</a></footer></body>";
  Extracted e = run(page);
  EXPECT_TRUE(contains(e.text, "A language number 0")) << e.text;
  EXPECT_TRUE(contains(e.text, "B language number 7")) << e.text;
  EXPECT_TRUE(contains(e.text, "C language number 4")) << e.text;
  EXPECT_FALSE(contains(e.text, "Privacy")) << e.text;
}

// A category page whose products are cards (a name link beside price, rating and
// specifications: the link is a small part of each card) keeps the grid, not the short
// promotion line above it.
TEST(ExtractTest, ProductGridIsTheContentOfACategoryPage) {
  std::string page =
      "<body><nav><a href=\"/\">Home</a> <a href=\"/c\">Camping</a></nav><main><p>Members "
      "get twenty percent back in rewards this month on every purchase.</p><ul class=\"grid\">";
  for (int i = 0; i < 8; ++i)
    page += "<li class=\"card\"><a href=\"/p/" + std::to_string(i) + "\">Trail pack " +
            std::to_string(i) + "</a><div>$" + std::to_string(100 + i) +
            "</div><div>Save 20%</div><div>Capacity: " + std::to_string(20 + i) +
            " l</div><div>Weight: 1.2 kg</div><div>12 reviews</div></li>";
  page += "</ul></main><footer><a href=\"/privacy\">Privacy</a></footer></body>";
  Extracted e = run(page);
  EXPECT_TRUE(contains(e.text, "Trail pack 0")) << e.text;
  EXPECT_TRUE(contains(e.text, "Capacity: 25 l")) << e.text;
  EXPECT_FALSE(contains(e.text, "Privacy")) << e.text;
}

// Related stories under an article, each a linked headline over an excerpt (the link a small
// part of each item), are teasers, not content; on a listing page the same stories are. The
// article holds more prose than a listing's intro (kListingProseNoArticle, 1200 bytes: see
// IntroOverATeaserGridKeepsTheGrid for a shorter one on a page that declares no article).
TEST(ExtractTest, HeadlineTeasersBesideAnArticleAreLeftOut) {
  std::string article = "<div class=\"story\"><h1>Harbour reopens</h1>";
  for (int i = 0; i < 10; ++i)
    article += "<p>Paragraph " + std::to_string(i) +
               " of the article describes the reopening of the harbour after the storm and what "
               "the fishermen said about the repairs, the costs and the season ahead.</p>";
  article += "</div>";
  std::string teasers = "<ul class=\"more\">";
  for (int i = 0; i < 4; ++i)
    teasers += "<li><h3><a href=\"/story/" + std::to_string(i) + "\">Other story number " +
               std::to_string(i) +
               "</a></h3><p>An excerpt of the other story, long enough to be read as a short "
               "paragraph of prose, telling what it is about and why it matters to "
               "readers.</p></li>";
  teasers += "</ul>";
  Extracted e = run("<body><div>" + article + teasers + "</div></body>");
  EXPECT_TRUE(contains(e.text, "Paragraph 9 of the article")) << e.text;
  EXPECT_FALSE(contains(e.text, "Other story number")) << e.text;
  EXPECT_FALSE(contains(e.text, "An excerpt of the other story")) << e.text;
  Extracted listing = run("<body><h1>News</h1>" + teasers + "</body>");
  EXPECT_TRUE(contains(listing.text, "Other story number 3")) << listing.text;
  EXPECT_TRUE(contains(listing.text, "An excerpt of the other story")) << listing.text;
}

// A landing or product page builds its content from short blocks (feature blurbs); a page
// that declares itself an article is prose, and short lines beside it are not content.
TEST(ExtractTest, ShortBlocksCountOnPagesThatAreNotArticles) {
  std::string body =
      "<body><main><div class=\"intro\"><p>Our planner keeps every project, task and "
      "deadline of your team in one place, so nothing slips.</p></div><div class=\"features\">";
  for (const char* f : {"Fast sync everywhere", "Offline mode built in", "Shared team calendars",
                        "Private by default", "Exports to any format", "Works on every phone"})
    body += "<div><div>" + std::string(f) + "</div></div>";
  body += "</div></main></body>";
  Extracted landing = run("<html><head><title>Planner</title></head>" + body + "</html>");
  EXPECT_TRUE(contains(landing.text, "Our planner keeps")) << landing.text;
  EXPECT_TRUE(contains(landing.text, "Offline mode built in")) << landing.text;
  Extracted article =
      run("<html><head><title>Planner</title><meta property=\"og:type\" content=\"article\">"
          "</head>" +
          body + "</html>");
  EXPECT_TRUE(contains(article.text, "Our planner keeps")) << article.text;
  EXPECT_FALSE(contains(article.text, "Offline mode built in")) << article.text;
}

TEST(ExtractTest, WorkCapsAreReported) {
  std::string page = "<body>";
  for (int i = 0; i < 200; ++i) page += "<p>Paragraph number " + std::to_string(i) + "</p>";
  Options o;
  o.max_nodes = 50;
  Extracted e = run(page, o);
  EXPECT_TRUE(e.truncated);
  EXPECT_FALSE(contains(e.text, "Paragraph number 150"));
  Options fast;
  fast.max_milliseconds = 0;
  Extracted f = run(page, fast);
  EXPECT_TRUE(f.truncated);
  EXPECT_TRUE(contains(f.text, "Paragraph number 199"));  // whole body, unscored
}

// A print header's bare page address, an "Updated <time>" line in a <span> between the headline
// blocks, photo-viewer labels and share calls are not part of the story.
TEST(ExtractTest, NewsHeaderLinesAndControlLabelsGo) {
  Extracted e = run(fixture("news-header-lines.html"));
  EXPECT_EQ(e.text.rfind("The little ferry that links", 0), 0u) << e.text;
  EXPECT_TRUE(contains(e.text, "could not carry bicycles or prams at all.")) << e.text;
  for (const char* unwanted : {"https://", "Updated", "November 20, 2019", "Caption", "Close",
                               "Sharing is", "Like this", "Subscribe"})
    EXPECT_FALSE(contains(e.text, unwanted)) << "leaked: " << unwanted << "\n---\n" << e.text;
}

// A heading announcing other stories takes the link list under it along (also when the
// heading sits in a wrapper of its own, or is already gone by its vocabulary); a list under
// an ordinary heading stays.
TEST(ExtractTest, RelatedStoryListsAfterTheArticleGo) {
  Extracted e = run(fixture("related-after-article.html"));
  const std::string& t = e.text;
  EXPECT_TRUE(contains(t, "From December a sleeper train")) << t;
  EXPECT_TRUE(contains(t, "What the stops are")) << t;
  EXPECT_TRUE(contains(t, "Pine Ridge, arrival at half past six")) << t;
  EXPECT_TRUE(contains(t, "passengers can board until ten")) << t;
  for (const char* unwanted :
       {"More:", "Harbour lights", "Coast path", "Most read", "MELTING", "glacier walk",
        "Lighthouse hotel", "Cycle tunnel", "More great travel stories", "busier than ever",
        "old canal", "Five villages", "Related content", "tram lines", "Bike racks"})
    EXPECT_FALSE(contains(t, unwanted)) << "leaked: " << unwanted << "\n---\n" << t;
}

// A small box named as boilerplate goes even when its class also has a content word
// ("entry-author-bio"); an embedded post in a widget-named box inside the article stays.
TEST(ExtractTest, SmallBoilerplateBoxWithContentWordGoes) {
  Extracted e = run(fixture("author-box.html"));
  const std::string& t = e.text;
  EXPECT_TRUE(contains(t, "Three disused gravel quarries")) << t;
  EXPECT_TRUE(contains(t, "if the ground dries out in time.")) << t;
  EXPECT_TRUE(contains(t, "We are proud to power the county")) << t;
  EXPECT_FALSE(contains(t, "Tomas joined the paper")) << t;
  EXPECT_FALSE(contains(t, "By Tomas Lind")) << t;
}

// The teaser cards of the previous and next post under an article go with their box.
TEST(ExtractTest, AdjacentPostCardsGo) {
  std::string html =
      "<html><body><article><p>The library on Church Street will open on Sundays from May, "
      "after the council found money for two more librarians in this year's budget.</p><p>The "
      "reading room and the children's corner will be open from noon to five, the librarian "
      "said, and the café on the ground floor will follow later.</p><div class=\"next-prev\">"
      "<div class=next><a href=/n>Next story</a><a href=/n><h5>Bridge repairs end early</h5></a>"
      "<p>Traffic can cross the river again from Friday, two weeks ahead of plan.</p></div>"
      "<div class=prev><a href=/p><h5>New bus timetable</h5></a><p>Buses to the hospital will "
      "run every ten minutes in the morning.</p></div></div></article></body></html>";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "The library on Church Street")) << e.text;
  EXPECT_TRUE(contains(e.text, "will follow later.")) << e.text;
  for (const char* unwanted : {"Bridge repairs", "Traffic can cross", "bus timetable", "Buses"})
    EXPECT_FALSE(contains(e.text, unwanted)) << "leaked: " << unwanted << "\n---\n" << e.text;
}

// A caption whose class is one word ending in "caption" goes like a <figcaption>.
TEST(ExtractTest, OneWordCaptionClassGoes) {
  std::string html =
      "<html><body><article><p>Fishermen in the bay brought in the largest herring catch in "
      "twenty years this week, and the cannery has hired extra hands for the season.</p>"
      "<div class=photo><img src=boat.jpg><span class=newsCaption>Boats at the quay at "
      "dawn</span></div><p>Prices at the morning auction fell by a third, which pleased the "
      "restaurants along the harbour but worried the smaller boats.</p></article></body></html>";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "Fishermen in the bay")) << e.text;
  EXPECT_TRUE(contains(e.text, "worried the smaller boats.")) << e.text;
  EXPECT_FALSE(contains(e.text, "Boats at the quay")) << e.text;
}

// A follow note written with an element per word group (more than 16 nodes) is still a line.
TEST(ExtractTest, FollowNoteInManyElementsGoes) {
  std::string html =
      "<html><body><article><p>The ferry company will add a second boat on the island route "
      "from June, after a summer in which hundreds of passengers were turned away.</p><p>The "
      "new boat carries two hundred people and forty cars, and it will sail every two hours "
      "between seven in the morning and nine at night.</p><p><em>Follow the </em><em>Harbour "
      "Post</em><em> on </em><a href=/f><em>Facebook</em></a><em>, </em><a href=/t><em>Twitter"
      "</em></a><em>, </em><a href=/i><em>Instagram</em></a><em> and </em><a href=/y><em>YouTube"
      "</em></a><em>.</em></p></article></body></html>";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "The ferry company")) << e.text;
  EXPECT_TRUE(contains(e.text, "nine at night.")) << e.text;
  EXPECT_FALSE(contains(e.text, "Follow")) << e.text;
}

// A digest of linked headlines with summaries inside the article stays whole: an item whose
// headline link outweighs its summary is kept with its siblings when the list is mostly prose.
TEST(ExtractTest, DigestListItemsStayTogether) {
  std::string html =
      "<html><body><article><p>Here is what you need to know this morning about the region, "
      "from the council to the courts and the weather.</p><ul><li><strong><a href=/a>The "
      "council approved the new harbour budget after a long night of debate</a>.</strong> The "
      "vote was close, and two members asked for the plans to be published in full before "
      "any work begins next spring.</li><li><strong><a href=/b>A judge halted the quarry "
      "expansion over water concerns raised by farmers nearby</a>.</strong> Short note.</li>"
      "<li><strong><a href=/c>Schools will open late on Monday</a>.</strong> Snow is expected "
      "overnight across the hills, with up to twenty centimetres on the higher roads and "
      "strong winds along the coast in the early morning.</li></ul></article></body></html>";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "The council approved the new harbour budget")) << e.text;
  EXPECT_TRUE(contains(e.text, "A judge halted the quarry expansion")) << e.text;
  EXPECT_TRUE(contains(e.text, "Snow is expected overnight")) << e.text;
}

// An embedded post in a share-named box is quoted content; a share bar beside it still goes.
TEST(ExtractTest, EmbeddedPostInShareNamedBoxStays) {
  std::string html =
      "<html><body><article><p>The lighthouse keeper's cat has become a small celebrity since "
      "the harbour office began posting its photographs every Friday.</p><div "
      "class=social-media-embed><blockquote><p>Friday patrol: the cat has inspected the lamp "
      "room and found everything in order.</p>— Harbour Office (@harbour) May 3, 2019"
      "</blockquote></div><p>Visitors now ask for the cat before they ask for the lamp, the "
      "keeper said, and the gift shop sells postcards of it.</p><div class=social-share><a "
      "href=/s>Share</a> <a href=/t>Tweet</a></div></article></body></html>";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "Friday patrol: the cat has inspected")) << e.text;
  EXPECT_TRUE(contains(e.text, "sells postcards of it.")) << e.text;
  EXPECT_FALSE(contains(e.text, "Tweet")) << e.text;
}

// An advert word in a heading's or a paragraph's class or id names no advert (a page
// builder's "adv-heading", a heading's id made of its text); an advert box still goes.
TEST(ExtractTest, AdvertWordOnHeadingOrParagraphIsNoAdvert) {
  std::string html =
      "<html><body><main><h1>Piano tuning at home</h1><div class=row><h2 "
      "class='pb-adv-heading7 builder-heading'>Tuning for every piano</h2><p "
      "class='pb-adv-heading8 builder-heading'>Our tuners visit your home with their own "
      "tools and tune uprights and grands alike, usually within an hour.</p></div><div "
      "class=row><h2 id=how-to-book-ads-free-visits>How to book a visit</h2><p>Call us or "
      "send a note with your address and the make of your piano, and we will suggest a day "
      "that suits you and the instrument.</p></div><div class=adv><a href=/promo>Cheap "
      "flights to the seaside this weekend</a></div></main></body></html>";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "Tuning for every piano")) << e.text;
  EXPECT_TRUE(contains(e.text, "tune uprights and grands alike")) << e.text;
  EXPECT_TRUE(contains(e.text, "How to book a visit")) << e.text;
  EXPECT_FALSE(contains(e.text, "Cheap flights")) << e.text;
}

// A headline set in a <dt> that repeats the title exactly is the headline; a lead paragraph
// that contains the title words and more stays.
TEST(ExtractTest, HeadlineInParagraphRepeatingTitleGoes) {
  std::string html =
      "<html><head><title>River festival moves to the old docks</title></head><body><div>"
      "<dl class=newsTitle><dt>River festival moves to the old docks</dt></dl><div><p>The "
      "summer river festival will move to the old docks next year, because the meadow by the "
      "bridge flooded twice in the last three summers.</p><p>The organisers expect twenty "
      "thousand visitors over the weekend and will run extra boats from the town centre.</p>"
      "</div></div></body></html>";
  Extracted e = run(html);
  EXPECT_EQ(e.text.rfind("The summer river festival", 0), 0u) << e.text;
  EXPECT_EQ(e.headline, "River festival moves to the old docks");
}

// A headline that binds its last words with a no-break space still repeats the title.
TEST(ExtractTest, HeadlineWithNoBreakSpaceMatchesTitle) {
  std::string html =
      "<html><head><title>Ferry strike ends after two days – Harbour Post</title></head><body>"
      "<article><h1>Ferry strike ends after two\u00a0days</h1><p>The ferry crews went back to "
      "work on Thursday morning after the company agreed to hire four more deckhands before "
      "the summer timetable starts.</p><p>Passengers who bought tickets for cancelled "
      "crossings can ask for their money back at the harbour office until the end of the "
      "month.</p></article></body></html>";
  Extracted e = run(html);
  EXPECT_EQ(e.text.rfind("The ferry crews went back", 0), 0u) << e.text;
  EXPECT_FALSE(e.headline.empty());
}

// A headline that repeats the <title> goes even when the metadata title (a shortened
// og:title) differs from both.
TEST(ExtractTest, HeadlineRepeatingTitleElementGoesWhenMetadataTitleDiffers) {
  std::string html =
      "<html><head><title>A guide to the new harbour tolls and ferry fares | Harbour Post"
      "</title></head><body><article><h1>A guide to the new harbour tolls and ferry fares</h1>"
      "<p>From April, boats that moor in the inner harbour pay by the metre, and the ferry "
      "fares rise for the first time in six years.</p><p>Residents of the islands keep their "
      "discount, the council said, and children under twelve still travel free.</p>"
      "</article></body></html>";
  Options o;
  o.title = "A guide to harbour tolls";
  Extracted e = run(html, o);
  EXPECT_EQ(e.text.rfind("From April, boats", 0), 0u) << e.text;
}

// A promo card whose class runs "promo" together with a modifier goes.
TEST(ExtractTest, RunTogetherPromoClassGoes) {
  std::string html =
      "<html><body><article><p>The county will plant four thousand trees along the river this "
      "winter, most of them willows and alders that hold the banks together.</p><div "
      "class=PromoSmall><div class=PromoSmall-title><a href=/x>Gardens open for the spring "
      "weekend</a></div><div class=PromoSmall-description>Twenty private gardens welcome "
      "visitors for two days, with tea and cake in the village hall.</div></div><p>Volunteers "
      "can join the planting days on Saturdays, the parks office said.</p></article></body>"
      "</html>";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "four thousand trees")) << e.text;
  EXPECT_TRUE(contains(e.text, "planting days on Saturdays")) << e.text;
  EXPECT_FALSE(contains(e.text, "Twenty private gardens")) << e.text;
}

// An author box named "post-author" under a blog post goes.
TEST(ExtractTest, PostAuthorBoxGoes) {
  std::string html =
      "<html><body><div class=post><p>We packed the tent, two stoves and far too much pasta, "
      "and drove north until the road ran out at the edge of the lake.</p><p>The first night "
      "was cold enough to freeze the water bottles, but the morning light over the island made "
      "up for every shiver.</p><div class=post-author><h5><a href=/a/kim>Kim</a></h5><p>Kim "
      "lives by the coast with two children and a dog, and writes about camping.</p></div>"
      "</div></body></html>";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "We packed the tent")) << e.text;
  EXPECT_TRUE(contains(e.text, "made up for every shiver.")) << e.text;
  EXPECT_FALSE(contains(e.text, "writes about camping")) << e.text;
}

// A call-to-action box under the article goes whatever its length.
TEST(ExtractTest, CallToActionBoxGoes) {
  std::string html =
      "<html><body><article><p>The town's oldest bakery closed its doors on Saturday after "
      "ninety-one years, and queues stretched around the block for the last loaves.</p><p>The "
      "owners said they could find no one to take over the ovens, which start at three in the "
      "morning, and that they would now bake only for their grandchildren.</p><p>Regulars "
      "brought flowers and old photographs of the shop, and the local choir sang outside the "
      "window until the last tray of rolls was gone, a little after eleven.</p><p>The building "
      "belongs to the town, which wants to keep a food shop on the ground floor and has asked "
      "young bakers from the region to apply before the end of the month.</p><div "
      "class=\"cta\"><h3>Something to consider</h3><p>If you enjoyed this article, we have a "
      "proposal for you: become a member. Members read everything without limits, get the "
      "weekly print edition at home, join our events and support independent local reporting "
      "that nobody else in the valley does. It costs less than a loaf of bread a week and you "
      "can cancel at any time, with no questions asked and no forms to fill in.</p><p>Join "
      "today</p></div></article></body></html>";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "The town's oldest bakery")) << e.text;
  EXPECT_TRUE(contains(e.text, "for their grandchildren.")) << e.text;
  EXPECT_FALSE(contains(e.text, "become a member")) << e.text;
}

// Chinese share, print and reading labels alone on their lines, some closed by a full-width
// colon, leave the story; the same words inside a sentence stay.
TEST(ExtractTest, ChineseToolLabelsGo) {
  std::string html =
      "<html><body><div class=story><h1>小镇图书馆重新开放</h1><p>经过两年的修缮，镇上的老图书馆"
      "于本周一重新向读者开放，新增了儿童阅览室和一间可以借用的录音室。</p><p>馆长说，修缮期间"
      "许多居民把家中的旧书捐给图书馆，现在书架上的藏书比关闭前多了三千册。</p><div>分享到：</div>"
      "<p>读者可以在网站上预约座位，也可以把喜欢的书单分享到社区的公告栏上。</p><div>打印本页</div>"
      "<p>上一篇：</p><h3>推荐阅读</h3></div></body></html>";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "经过两年的修缮")) << e.text;
  EXPECT_TRUE(contains(e.text, "分享到社区的公告栏上")) << e.text;
  for (const char* unwanted : {"分享到：", "打印本页", "上一篇", "推荐阅读"})
    EXPECT_FALSE(contains(e.text, unwanted)) << "leaked: " << unwanted << "\n---\n" << e.text;
}

// Dozens of comments under a short blog post outweigh it, but a thread under a "Comments"
// heading is the post's comments, not a forum thread: it goes. Untitled, it stays (the page
// could be a thread whose replies are its content).
TEST(ExtractTest, LongTitledCommentThreadUnderShortPostGoes) {
  std::string post =
      "<div class=post><h2>Moving the blog to a new home</h2><p>After eight years on my own "
      "server I have moved this blog to the community site, where a friend kindly offered me "
      "a corner. Posts here will be about compilers, build tools and the odd book review.</p>"
      "<p>A short word about me: I started writing about programming when the first version "
      "of the language came out, translated two books on it since, and now design software "
      "for a small company by the river while teaching an evening course.</p><p>My older "
      "posts stay where they are, and I will link to them when a new post builds on one. I "
      "look forward to the discussions here and hope to learn as much as I write.</p><p>The "
      "first series will follow one small program from its first line to its release: how "
      "the build is set up, which warnings are worth turning on, how the tests are arranged "
      "and what the profiler showed when it was slower than it should have been.</p><p>After "
      "that I plan a few shorter notes on books I have read this year, and perhaps a report "
      "from the conference in the spring if my talk is accepted.</p></div>";
  std::string replies;
  for (int k = 0; k < 100; ++k)
    replies += "<h4>re: Moving the blog 2004-12-27 12:" + std::to_string(10 + k) + " reader" +
               std::to_string(k) + "</h4><p>Welcome here, glad to see you writing again!</p>";
  std::string page =
      "<html><body><div id=menu><a href=/>Home</a> <a href=/about>About</a>"
      "</div>" +
      post;
  Extracted titled =
      run(page + "<div id=comments><h3>Comments</h3>" + replies + "</div></body></html>");
  EXPECT_TRUE(contains(titled.text, "After eight years on my own server")) << titled.text;
  EXPECT_TRUE(contains(titled.text, "as much as I write.")) << titled.text;
  EXPECT_FALSE(contains(titled.text, "glad to see you")) << titled.text;
  Extracted untitled = run(page + "<div id=comments>" + replies + "</div></body></html>");
  EXPECT_TRUE(contains(untitled.text, "glad to see you")) << untitled.text;
}

// A cookie notice longer than a short line, in a page header beside the article, goes.
TEST(ExtractTest, LongCookieNoticeGoes) {
  std::string html =
      "<html><body><div class=top><p>This website uses cookies. By continuing to use our "
      "website without changing the settings, you are agreeing to our use of cookies. Click "
      "<a href=/legal>here</a> for more information on the cookies we set and why.</p></div>"
      "<div><p>The cooperative opened its third shop on Monday, in the former post office on the "
      "market square, and hired eleven people from the town.</p><p>Members can now order "
      "vegetables from the farms around the lake and collect them on the same afternoon, the "
      "chair of the cooperative said.</p></div></body></html>";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "The cooperative opened")) << e.text;
  EXPECT_FALSE(contains(e.text, "cookies")) << e.text;
}

// A gallery counter and a picture-agency credit between the paragraphs are not text.
TEST(ExtractTest, GalleryCounterAndPhotoCreditGo) {
  std::string html =
      "<html><body><article><p>The old mill by the river reopened on Saturday as a small museum "
      "of local crafts, after three years of careful restoration work.</p><div class=pic>"
      "<img src=a.jpg><div>Image 1 of 3</div><div>Lea Brandt/Valley Post/Getty Images</div>"
      "</div><p>Volunteers rebuilt the water wheel by hand and the town paid for a new roof, "
      "the museum's director told visitors at the opening.</p></article></body></html>";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "The old mill")) << e.text;
  EXPECT_TRUE(contains(e.text, "Volunteers rebuilt")) << e.text;
  EXPECT_FALSE(contains(e.text, "Image 1 of 3")) << e.text;
  EXPECT_FALSE(contains(e.text, "Getty")) << e.text;
}

// An inline element is a line of its own only when no words run into it: a date inside a
// sentence stays.
TEST(ExtractTest, InlineDateInsideProseStays) {
  std::string html =
      "<html><body><div><p>The council met on Wednesday and voted for the new bridge; the "
      "minutes were published later that week for all to read.</p><div>Work starts "
      "<span>Updated November 20, 2019</span> as planned, the mayor said at the close of "
      "the long meeting in the town hall.</div></div></body></html>";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "Updated November 20, 2019")) << e.text;
}

TEST(ExtractTest, DeepDomIsHandledWithoutRecursion) {
  dom::Document doc;
  dom::Node* html = doc.create_element(dom::Tag::kHtml, "html", dom::Namespace::kHtml);
  dom::Document::append_child(doc.root(), html);
  dom::Node* body = doc.create_element(dom::Tag::kBody, "body", dom::Namespace::kHtml);
  dom::Document::append_child(html, body);
  dom::Node* parent = body;
  for (int i = 0; i < 100000; ++i) {
    dom::Node* div = doc.create_element(dom::Tag::kDiv, "div", dom::Namespace::kHtml);
    dom::Document::append_child(parent, div);
    parent = div;
  }
  dom::Document::append_child(parent, doc.create_text("A deeply nested sentence of prose."));
  EXPECT_EQ(extract(doc).text, "A deeply nested sentence of prose.");
}

// A page builder wraps every block in a "widget" box: when nearly all of the page's text sits
// in such boxes, the word marks no sidebar and the article's paragraphs stay; on a page with
// its own article, small widget-classed boxes beside it are still a sidebar.
TEST(ExtractTest, PageBuiltOfWidgetsKeepsItsParagraphs) {
  Extracted e = run(fixture("page-builder-widgets.html"));
  EXPECT_TRUE(contains(e.text, "A sunny balcony is enough")) << e.text;
  EXPECT_TRUE(contains(e.text, "Bush varieties stay compact")) << e.text;
  EXPECT_TRUE(contains(e.text, "Use a pot that holds at least twenty litres")) << e.text;
  EXPECT_TRUE(contains(e.text, "feed the plants every week")) << e.text;
  EXPECT_FALSE(contains(e.text, "About us")) << e.text;
  EXPECT_FALSE(contains(e.text, "Imprint")) << e.text;

  Extracted s =
      run("<body><div class=\"post\"><p>The library on the market square reopens on Monday after a "
          "year of building work, with a larger reading room and a new children's floor.</p><p>"
          "Opening hours stay as they were, and every loan taken out before the closure can be "
          "returned without a fee until the end of the month.</p><p>The cafe on the ground floor "
          "opens a week later, once its kitchen has passed inspection.</p></div><div "
          "class=\"widget\"><p>Our town newsletter arrives each Friday with the week's events.</p>"
          "</div></body>");
  EXPECT_TRUE(contains(s.text, "Opening hours stay as they were")) << s.text;
  EXPECT_FALSE(contains(s.text, "town newsletter arrives")) << s.text;
}

// The word "newsletter" in a class marks a sign-up box, which is small; an element so named
// that holds an article's worth of prose (a CMS content type such as "newsletter-article")
// is the content.
TEST(ExtractTest, LongNewsletterNamedArticleIsContent) {
  // The article is under half of the page's text (a large menu beside it), so the rule that
  // keeps any element holding most of the page does not apply.
  std::string prose, menu;
  for (int k = 0; k < 150; ++k)
    menu += "<li><a href=\"/topics/" + std::to_string(k) + "\">Practice area number " +
            std::to_string(k) + " and its reports</a></li>";
  for (int k = 0; k < 16; ++k)
    prose += "<p>Issue notes, part " + std::to_string(k) +
             ": we asked people who moved from consulting to an in-house role what surprised "
             "them. Most said the pace: a firm's projects end after weeks, while a team inside a "
             "company lives with its decisions for years.</p>";
  Extracted e =
      run("<body><nav><ul>" + menu +
          "</ul></nav><main><article class=\"node node--type-newsletter-article\">" + prose +
          "</article></main><div class=\"newsletter-signup\"><h3>Stay informed</h3><p>"
          "Get every issue in your inbox each month.</p><form><input type=\"email\">"
          "<button>Sign up</button></form></div></body>");
  EXPECT_TRUE(contains(e.text, "Issue notes, part 0:")) << e.text;
  EXPECT_TRUE(contains(e.text, "Issue notes, part 15:")) << e.text;
  EXPECT_FALSE(contains(e.text, "Get every issue in your inbox")) << e.text;
  EXPECT_FALSE(contains(e.text, "Practice area number")) << e.text;
}

// An article of prose between link-rich lists (a round-up whose every item links to the thing
// it recommends): the lists' link text pulls the article's score below one of its sections,
// yet the article holds most of the page, so all of it is the content.
TEST(ExtractTest, ArticleOfLinkedListsIsWhole) {
  std::string sections;
  for (int k = 0; k < 4; ++k) {
    sections += "<section><h2>Round " + std::to_string(k) + "</h2><p>Section " + std::to_string(k) +
                " opens with our notes: we rode each bike to work for a fortnight, in rain and "
                "in sun, and wrote down what broke.</p><ul>";
    for (int j = 0; j < 12; ++j)
      sections += "<li><a href=\"/bikes/" + std::to_string(k * 100 + j) +
                  "\">Folding commuter bike, model " + std::to_string(j) +
                  "</a>: folds in ten seconds, weighs eleven kilos</li>";
    sections += "</ul></section>";
  }
  Extracted e = run(
      "<body><nav><a href=\"/\">Home</a> <a href=\"/reviews\">Reviews</a></nav><article><h1>"
      "The best folding bikes</h1><div class=\"intro\"><p>We tested twenty folding bikes over a "
      "summer of commuting. The ones below folded fastest, rode best on rough streets and fitted "
      "under a desk. Each was weighed, folded a hundred times and left outside overnight.</p><p>"
      "Prices are what we paid in the spring; several have gone up since, and two have been "
      "replaced by newer models that we have not ridden yet.</p><p>None of the makers saw this "
      "review before it was published, and we paid for every bike ourselves; the shops that sold "
      "them to us did not know that we were testing them for an article.</p><p>Our favourite "
      "overall is the lightest of the group, though its small wheels feel every pothole; if your "
      "commute crosses cobbles, pick one of the larger-wheeled models further down instead.</p>"
      "</div>" +
      sections + "</article><footer><p>Copyright the reviewers.</p></footer></body>");
  EXPECT_TRUE(contains(e.text, "We tested twenty folding bikes")) << e.text;
  EXPECT_TRUE(contains(e.text, "Section 0 opens with our notes")) << e.text;
  EXPECT_TRUE(contains(e.text, "Section 3 opens with our notes")) << e.text;
  EXPECT_FALSE(contains(e.text, "Copyright the reviewers")) << e.text;
}

// A <footer> or <nav> is chrome by its tag even when it holds more text than the page's
// content (a carousel of customer quotes in the footer of a short product page): it goes,
// unless it holds nearly all of the page's text, when it is the page itself.
TEST(ExtractTest, LargeFooterAndNavByTagStillGo) {
  std::string quotes;
  for (int k = 0; k < 6; ++k)
    quotes += "<blockquote><p>Quote " + std::to_string(k) +
              ": the parcel came quickly, the linen was softer than we hoped and the seams are "
              "straight; we will order the matching pillow cases next spring.</p></blockquote>";
  const std::string product =
      "<main><h1>Linen duvet cover</h1><p>Stone-washed linen from a mill in Flanders, soft from "
      "the first night. Buttons at the foot, ties in each corner to hold the duvet.</p><ul>"
      "<li>Size: 200 x 200 cm</li><li>Colour: sand</li><li>Care: wash at 40 degrees</li></ul>"
      "</main>";
  Extracted e =
      run("<body>" + product + "<footer><h2>What customers say</h2>" + quotes + "</footer></body>");
  EXPECT_TRUE(contains(e.text, "Stone-washed linen")) << e.text;
  EXPECT_TRUE(contains(e.text, "Care: wash at 40 degrees")) << e.text;
  EXPECT_FALSE(contains(e.text, "Quote 0: the parcel")) << e.text;
  Extracted f =
      run("<body>" + product + "<nav><h2>What customers say</h2>" + quotes + "</nav></body>");
  EXPECT_FALSE(contains(f.text, "Quote 5: the parcel")) << f.text;

  // A page wrapped in its <footer> by mistake is still the page.
  Extracted g = run("<body><footer>" + quotes + "</footer></body>");
  EXPECT_TRUE(contains(g.text, "Quote 3: the parcel")) << g.text;
}

// A product card that prints its name twice in a row (one heading for wide screens, one for
// phones) and its price twice gives each once; a table-like run of short cells ("Yes" under
// each plan, under kMinAdjacentRepeat bytes) and repeats that are not adjacent stay.
TEST(ExtractTest, BlockRepeatingTheOneBeforeGoes) {
  std::string cards;
  for (const char* n : {"Morning Blend", "Harbour Roast", "Night Owl Decaf", "Hill Espresso"})
    cards += "<div class=\"card\"><h3>" + std::string(n) + "</h3><h3>" + n +
             "</h3><p>$14.50</p><p>$14.50</p><p>Whole beans, roasted every Monday in small "
             "batches.</p></div>";
  Extracted e =
      run("<html><head><title>Coffee</title></head><body><main><h1>Our coffee</h1><p>Four "
          "roasts from one small roastery by the river, each packed the day it leaves the "
          "drum.</p>" +
          cards + "<p>Yes</p><p>Yes</p><p>Yes</p><p>Morning Blend</p></main></body></html>");
  EXPECT_EQ(count(e.text, "Harbour Roast"), 1u) << e.text;
  EXPECT_EQ(count(e.text, "Morning Blend"), 2u) << e.text;  // the card's, then a later one
  EXPECT_EQ(count(e.text, "$14.50"), 4u) << e.text;         // once per card
  EXPECT_EQ(count(e.text, "Yes"), 3u) << e.text;
}

// A price or title printed twice on one line (once for screen readers, once on screen) is
// given once; a short doubled name ("Walla Walla", under kMinDoubled bytes a half) and a rule of
// underscores stay as they are.
TEST(ExtractTest, DoubledLineIsGivenOnce) {
  Extracted e =
      run("<html><head><title>Kettle</title></head><body><main><h1>Stovetop kettle</h1><p>A "
          "kettle of brushed steel with a whistle, for gas, electric and induction hobs, holding "
          "two litres.</p><p><span class=\"label\">Price $64.90</span><span>Price $64.90</span>"
          "</p><p>Enamel kettle Bora Bora <span>Enamel kettle Bora Bora</span></p><p>Made for "
          "the blue enamel range Bora Bora, named after the island.</p><p>Walla Walla</p>"
          "<p>______________</p>"
          "</main></body></html>");
  EXPECT_EQ(count(e.text, "Price $64.90"), 1u) << e.text;
  EXPECT_EQ(count(e.text, "Enamel kettle Bora Bora"), 1u) << e.text;
  EXPECT_TRUE(contains(e.text, "range Bora Bora, named")) << e.text;
  EXPECT_TRUE(contains(e.text, "Walla Walla")) << e.text;
  EXPECT_TRUE(contains(e.text, "______________")) << e.text;
}

// A category page that is no article: a grid of product cards inside <main>, then a long
// block of buying advice under it. The advice is the best single container but holds under
// three fifths of the main region's text (here about 57%), so the main region, grid and
// advice, is the content; the menu and footer around it stay out.
TEST(ExtractTest, GridAboveLongAdviceKeepsTheMainRegion) {
  std::string cards;
  for (const char* n :
       {"Ridge", "Canyon", "Summit", "Meadow", "Boulder", "Creek", "Forest", "Valley", "Glacier",
        "Dune", "Prairie", "Harbor", "Tundra", "Mesa", "Fjord", "Delta"})
    cards += "<div class=\"card\"><a href=\"/p/" + std::string(n) + "\"><h3>Trail shoe " + n +
             "</h3></a><p>Grippy lugs and soft foam for long wet days</p><span>$120.00</span>"
             "</div>";
  std::string advice = "<div class=\"advice\"><h2>Choosing trail shoes</h2>";
  for (const char* p :
       {"Trail shoes trade the soft cushioning of road shoes for grip and protection: deeper "
        "lugs bite into mud and loose gravel, and a firmer midsole keeps the foot steady on "
        "roots and stones.",
        "Pick the lug depth for the ground you run on most. Short lugs suit packed paths and "
        "mixed routes with some tarmac, while long lugs belong on soft mud and snow.",
        "Fit matters more than any feature: leave a thumb of room at the toe for descents, and "
        "try shoes on in the afternoon, when feet are at their largest.",
        "A rock plate under the forefoot spreads the point of a sharp stone across the sole. It "
        "costs a little feel for the ground, which many runners gladly give up on long days.",
        "Waterproof uppers keep feet dry in dew and shallow puddles but trap sweat and water "
        "that gets in over the collar; on routes with river crossings a mesh upper that drains "
        "is the better choice.",
        "Heel drop, the height difference between heel and forefoot, changes how the calves "
        "work. Move to a lower drop over several weeks rather than in one long run.",
        "Replace trail shoes when the lugs wear flat or the foam no longer springs back: most "
        "pairs last between five hundred and eight hundred kilometres.",
        "Socks matter as much as shoes: merino blends stay warm when wet and resist odour, and "
        "a snug heel pocket stops the blisters that loose cotton socks bring on long descents.",
        "Gaiters close the gap between sock and shoe, keeping grit, needles and snow out on "
        "loose ground; most trail shoes carry a tab at the heel to hold them."})
    advice += "<p>" + std::string(p) + "</p>";
  advice += "</div>";
  Extracted e =
      run("<html><head><title>Trail running shoes</title></head><body><nav><a href=\"/\">Home</a> "
          "<a href=\"/run\">Running</a></nav><main><h1>Trail running shoes</h1><div "
          "class=\"grid\">" +
          cards + "</div>" + advice +
          "</main><footer><p>Shop with us since 1999.</p></footer></body></html>");
  EXPECT_TRUE(contains(e.text, "Trail shoe Ridge")) << e.text;
  EXPECT_TRUE(contains(e.text, "Trail shoe Delta")) << e.text;
  EXPECT_TRUE(contains(e.text, "Pick the lug depth")) << e.text;
  EXPECT_TRUE(contains(e.text, "Gaiters close the gap")) << e.text;
  EXPECT_FALSE(contains(e.text, "Shop with us since")) << e.text;
}

// The best container can hold the page's one <main> and more: short blurbs around it (a
// delivery promise over the page, a shop's own story under it) outscore the menus between
// them. The main region is then the content, as HTML defines it.
TEST(ExtractTest, MainRegionInsideTheBestContainerIsTheContent) {
  const std::string page =
      "<body><div class=\"strip\"><p>Free delivery on every order over forty euros, and "
      "returns are free for a whole month after your parcel arrives.</p></div><ul>"
      "<li><a href=\"/\">Home</a></li><li><a href=\"/lamps\">Lamps</a></li></ul><main>"
      "<h1>Brass reading lamp</h1><p>A small reading lamp in brushed brass, with a linen "
      "shade and a switch on the cord, made in a workshop near Porto.</p><ul><li>Height: 42 "
      "cm</li><li>Bulb: E14, up to 40 W</li><li>Cord: 180 cm, braided cotton</li></ul></main>"
      "<div class=\"story\"><p>We started the shop in a garage in 2012 and still pack every "
      "order ourselves, wrapped in paper from a mill two streets away.</p><p>Our lamps are made "
      "by three small workshops that we visit every spring; each one signs its pieces.</p>"
      "</div></body>";
  Extracted e = run(page);
  EXPECT_TRUE(contains(e.text, "A small reading lamp in brushed brass")) << e.text;
  EXPECT_TRUE(contains(e.text, "Cord: 180 cm, braided cotton")) << e.text;
  EXPECT_FALSE(contains(e.text, "Free delivery on every order")) << e.text;
  EXPECT_FALSE(contains(e.text, "We started the shop in a garage")) << e.text;
}

// On a page that is no article, a box named for related items goes even when it reads like
// prose (names, blurbs and prices of similar products, more than a small box holds) and its
// name holds a content word.
TEST(ExtractTest, RelatedItemsBoxOnShopPageGoes) {
  std::string related;
  for (int k = 0; k < 3; ++k)
    related += "<div class=\"item\"><a href=\"/p/" + std::to_string(k) + "\">Walnut stool " +
               std::to_string(k) +
               "</a><p>Oiled walnut, three legs, a seat carved by hand; it stands steady on "
               "uneven floors, stacks in pairs and doubles as a plant stand by a window.</p>"
               "<p>89 euros</p></div>";
  const std::string page =
      "<body><div class=\"page\"><h1>Oak side table</h1><p>A side table in solid oak with a "
      "drawer that runs on wooden rails, finished with hard wax oil and made to order in our "
      "workshop.</p><p>Each table is cut from boards that dried for two years in our yard, so "
      "the top stays flat through dry winters and damp summers alike.</p><p>The drawer is "
      "dovetailed by hand and lined with cedar, which keeps moths away from linen and "
      "letters.</p><p>We deliver it wrapped in blankets, carry it to the room you choose and "
      "take the packing away again.</p><ul><li>Height: 55 cm</li><li>Top: 40 x 40 "
      "cm</li><li>Weight: 9 kg</li>"
      "</ul><div class=\"related-content\"><h2>Similar pieces</h2>" +
      related + "</div></div></body>";
  Extracted e = run(page);
  EXPECT_TRUE(contains(e.text, "A side table in solid oak")) << e.text;
  EXPECT_TRUE(contains(e.text, "Weight: 9 kg")) << e.text;
  EXPECT_FALSE(contains(e.text, "Oiled walnut, three legs")) << e.text;
}

// An element whose class hides it goes even when it holds more than half of the page's text
// (a hidden comparison table beside a shop's short grid), up to the share of a <nav>.
TEST(ExtractTest, LargeHiddenClassSectionGoes) {
  std::string rows;
  for (int k = 0; k < 12; ++k)
    rows += "<p>Model " + std::to_string(k) +
            " runs for thirty hours, charges in two and folds into its own case for travel.</p>";
  std::string cards;
  for (const char* name : {"Studio headphones", "Travel earbuds", "Kids headphones"})
    cards += std::string("<div class=\"card\"><h3>") + name +
             "</h3><p>Soft ear cushions, a braided cable and a two year warranty.</p></div>";
  Extracted e = run("<body><main><h1>Headphones</h1><div class=\"grid\">" + cards +
                    "</div><section class=\"compare hidden\">" + rows + "</section></main></body>");
  EXPECT_TRUE(contains(e.text, "Travel earbuds")) << e.text;
  EXPECT_FALSE(contains(e.text, "runs for thirty hours")) << e.text;
}

// A shop's grid of products that can be bought by subscription is the page's content, not a
// sign-up box ("subscription-eligible" names the product's option).
TEST(ExtractTest, SubscriptionProductsAreNoSignUpBox) {
  std::string cards;
  for (const char* name : {"Morning roast", "Dark roast", "Decaf roast", "Espresso roast"})
    cards += std::string("<li><div class=\"card subscription-eligible\"><h3>") + name +
             " coffee beans, 500 grams</h3><p>Roasted each Monday and sent the same week in a "
             "resealable bag.</p><p>14.90 euros</p></div></li>";
  Extracted e = run("<body><div class=\"collection\"><h1>Coffee</h1><ul class=\"grid\">" + cards +
                    "</ul></div></body>");
  EXPECT_TRUE(contains(e.text, "Dark roast coffee beans")) << e.text;
  EXPECT_TRUE(contains(e.text, "Roasted each Monday")) << e.text;
}

// Tab panes that a script switches by inline style (one display:block, its twins
// display:none) are shown: a product's specifications sit in the closed ones. A hidden element
// without such a twin stays hidden (see also AriaHiddenSlidesWithTextAreShown).
TEST(ExtractTest, HiddenTwinsOfAShownPaneAreShown) {
  const std::string page =
      "<body><div class=\"product\"><h1>Trail lantern</h1><p>A lantern for tents and porches "
      "that folds flat and gives a warm light for forty hours on one charge.</p>"
      "<div class=\"panes\"><div class=\"pane\" style=\"display:block\"><p>It hangs from a "
      "hook in its handle and stands on a wide base on uneven ground.</p></div>"
      "<div class=\"pane\" style=\"display:none\"><table><tr><th>Weight</th><td>180 grams with "
      "the battery inside</td></tr><tr><th>Charging</th><td>three hours from a USB port</td></tr>"
      "</table></div></div><div class=\"note\" style=\"display:none\"><p>This notice about "
      "a sale that ended last spring is left hidden by the page.</p></div></div></body>";
  Extracted e = run(page);
  EXPECT_TRUE(contains(e.text, "It hangs from a hook")) << e.text;
  EXPECT_TRUE(contains(e.text, "180 grams with the battery inside")) << e.text;
  EXPECT_FALSE(contains(e.text, "a sale that ended last spring")) << e.text;
}

// Segments of a streamed server rendering (<div hidden id="S:1">, moved into place by a script)
// are shown when they hold more text than the page's shell shows as prose, mostly outside
// links: the shell is then a frame around the article. Link lists streamed beside a shell that
// holds the content stay out, as do other hidden elements.
TEST(ExtractTest, StreamedSegmentsThatHoldThePageAreShown) {
  // Each segment holds less than twice the shell's prose (the largest hidden element alone
  // would stay hidden); together they hold more.
  const std::string shell =
      "<body><header><a href=\"/\">Home</a> <a href=\"/news\">News</a></header><div><h1>How "
      "river ferries cross</h1><p>Why the oldest ferries on the river need no engine at all, "
      "and what the crew does on board.</p><template id=\"B:0\"></template><template "
      "id=\"B:1\"></template></div><footer><a href=\"/about\">About us</a></footer>";
  Extracted e = run(
      shell +
      "<div hidden id=\"S:0\"><p>A cable ferry pulls itself along a rope stretched from bank to "
      "bank, so the current does most of the work of carrying it across.</p></div><div hidden "
      "id=\"S:1\"><p>The crew only turns the hull a little against the flow, and the rope "
      "keeps it from drifting downstream while the cars wait on deck.</p></div><div hidden "
      "id=\"note\"><p>A hidden notice about a survey that the page never shows to "
      "anyone.</p></div></body>");
  EXPECT_TRUE(contains(e.text, "A cable ferry pulls itself")) << e.text;
  EXPECT_TRUE(contains(e.text, "the cars wait on deck")) << e.text;
  EXPECT_FALSE(contains(e.text, "a survey that the page never shows")) << e.text;

  // A shell that holds the article keeps a streamed list of links out.
  std::string links;
  for (int k = 0; k < 8; ++k)
    links += "<li><a href=\"/story" + std::to_string(k) +
             "\">Another story about boats and "
             "the harbour, number " +
             std::to_string(k) + "</a></li>";
  Extracted l =
      run("<body><main><h1>How river ferries cross</h1><p>A cable ferry pulls itself along a rope "
          "stretched from bank to bank, so the current does most of the work.</p><p>The crew "
          "turns the hull a little against the flow while the cars wait on deck.</p></main>"
          "<div hidden id=\"S:1a\"><ul>" +
          links + "</ul></div></body>");
  EXPECT_TRUE(contains(l.text, "A cable ferry pulls itself")) << l.text;
  EXPECT_FALSE(contains(l.text, "Another story about boats")) << l.text;
}

// Fine print named a disclaimer goes on a page that is no article, however long the list of
// notes (shop pages stack one per offer and feature); an article keeps its disclaimer line.
TEST(ExtractTest, DisclaimersGoOnPagesThatAreNoArticle) {
  std::string notes;
  for (int k = 1; k <= 6; ++k)
    notes += "<li class=\"page-disclaimer__item\">" + std::string(size_t(k), '*') +
             " Battery figures were measured by the maker with the screen at half brightness and "
             "radios off; what you see at home depends on settings, apps and signal.</li>";
  const std::string body =
      "<p>The lantern folds flat into a pocket and opens into a cylinder of warm light that "
      "fills a tent for two.</p><p>It charges from any USB port in three hours and runs for "
      "forty hours on its lowest setting, which is enough for a long weekend.</p><p>The shell "
      "is recycled plastic that shrugs off rain, and the handle doubles as a hook for a "
      "branch or a ridge line.</p>";
  Extracted shop = run("<body><div class=\"product\"><h1>Folding lantern</h1>" + body +
                       "<ul class=\"disclaimers\">" + notes + "</ul></div></body>");
  EXPECT_TRUE(contains(shop.text, "The lantern folds flat into a pocket")) << shop.text;
  EXPECT_FALSE(contains(shop.text, "Battery figures were measured")) << shop.text;

  Extracted article =
      run("<head><meta property=\"og:type\" content=\"article\"></head><body><article>"
          "<h1>Folding lantern</h1>" +
          body +
          "<p class=\"disclaimer\">The views in this review are the author's own and not those "
          "of the magazine.</p></article></body>");
  EXPECT_TRUE(contains(article.text, "The views in this review are the author's own"))
      << article.text;
}

// Without a <main>, the page's one <h1> marks its subject: when the short blurbs of header
// and footer make the whole body the best container, the region around the heading that is
// worth most of it is the content.
TEST(ExtractTest, RegionAroundTheOnlyH1IsTheContent) {
  const std::string page =
      "<body><div class=\"top\"><p>Free delivery on every order over forty euros, and returns "
      "are free for a whole month after your parcel arrives.</p><ul><li><a href=\"/\">Home</a>"
      "</li><li><a href=\"/lamps\">Lamps</a></li></ul></div><div class=\"product\"><h1>Brass "
      "reading lamp</h1><p>A small reading lamp in brushed brass, with a linen shade and a "
      "switch on the cord, made in a workshop near Porto.</p><p>The arm bends at two joints, "
      "so the light falls on the page and not in your eyes.</p><p>Each lamp is wired by hand "
      "and tested for a full day before it leaves the workshop in its cotton bag.</p><p>The "
      "brass darkens slowly to a soft brown; a cloth with a little wax brings the shine "
      "back.</p><p>Spare shades in linen or paper can be ordered at any time, and we repair old "
      "lamps for free.</p><ul><li>Height: 42 cm</li>"
      "<li>Bulb: E14, up to 40 W</li><li>Cord: 180 cm, braided cotton</li></ul></div><div "
      "class=\"bottom\"><p>We started the shop in a garage in 2012 and still pack every order "
      "ourselves, wrapped in paper from a mill two streets away.</p><ul><li><a href=\"/about\">"
      "About</a></li><li><a href=\"/help\">Help</a></li></ul></div></body>";
  Extracted e = run(page);
  EXPECT_TRUE(contains(e.text, "A small reading lamp in brushed brass")) << e.text;
  EXPECT_TRUE(contains(e.text, "Cord: 180 cm, braided cotton")) << e.text;
  EXPECT_FALSE(contains(e.text, "Free delivery on every order")) << e.text;
  EXPECT_FALSE(contains(e.text, "We started the shop in a garage")) << e.text;
  // Two visible <h1> elements name no single subject: the page stays whole.
  std::string two = page;
  two.replace(two.find("<div class=\"bottom\"><p>"), 22,
              "<div class=\"bottom\"><h1>Our shop</h1><p>");
  Extracted f = run(two);
  EXPECT_TRUE(contains(f.text, "We started the shop in a garage")) << f.text;
  // So do two shown ones with many hidden ones between them (more than are remembered).
  std::string hidden;
  for (int k = 0; k < 20; ++k) hidden += "<h1 hidden>Menu " + std::to_string(k) + "</h1>";
  std::string many = two;
  many.replace(many.find("<div class=\"bottom\">"), 0, hidden);
  Extracted g = run(many);
  EXPECT_TRUE(contains(g.text, "We started the shop in a garage")) << g.text;
}

// A main region that is the content can still hold more than the page's subject (a grid of
// other products under it): the region around its one <h1> is the content.
TEST(ExtractTest, RegionAroundTheOnlyH1InsideMain) {
  std::string cards;
  for (int k = 0; k < 3; ++k)
    cards += "<div class=\"card\"><a href=\"/l/" + std::to_string(k) + "\">Lamp " +
             std::to_string(k) +
             "</a><p>Another lamp from the same workshop, in copper or in blackened "
             "steel.</p></div>";
  const std::string page =
      "<body><div class=\"top\"><p>Free delivery on every order over forty euros, and returns "
      "are free for a whole month after your parcel arrives.</p></div><main><div "
      "class=\"product\"><h1>Brass reading lamp</h1><p>A small reading lamp in brushed brass, "
      "with a linen shade and a switch on the cord, made in a workshop near Porto.</p><p>The "
      "arm bends at two joints, so the light falls on the page and not in your eyes.</p><p>Each "
      "lamp is wired by hand and tested for a full day before it leaves the workshop.</p><p>The "
      "brass darkens slowly to a soft brown; a cloth with a little wax brings the shine "
      "back.</p><ul><li>Height: 42 cm</li><li>Cord: 180 cm, braided cotton</li></ul></div><div "
      "class=\"more\">" +
      cards +
      "</div></main><div class=\"bottom\"><p>We started the shop in a garage in 2012 and still "
      "pack every order ourselves, wrapped in paper from a mill two streets away.</p></div>"
      "</body>";
  Extracted e = run(page);
  EXPECT_TRUE(contains(e.text, "A small reading lamp in brushed brass")) << e.text;
  EXPECT_TRUE(contains(e.text, "Cord: 180 cm, braided cotton")) << e.text;
  EXPECT_FALSE(contains(e.text, "Another lamp from the same workshop")) << e.text;
  EXPECT_FALSE(contains(e.text, "Free delivery on every order")) << e.text;
  // The product's name printed again as an <h1> for phones (a stylesheet hides one of the two)
  // is one heading: the region around the first copy is still the content. Another heading
  // in a second <h1> is not a copy: the page then names no one subject.
  auto with_h1 = [&](const std::string& h1) {
    std::string p = page;
    p.replace(p.find("</main>"), 0, "<div class=\"bar\"><h1>" + h1 + "</h1></div>");
    return run(p).text;
  };
  std::string copy = with_h1("Brass  reading lamp");
  EXPECT_TRUE(contains(copy, "A small reading lamp in brushed brass")) << copy;
  EXPECT_FALSE(contains(copy, "Another lamp from the same workshop")) << copy;
  std::string other = with_h1("Lamps from Porto");
  EXPECT_TRUE(contains(other, "Another lamp from the same workshop")) << other;
}

// On a page that is no article, a best container of up to kListingProseNoArticle bytes can be
// a category's intro over its grid of teaser cards: the listing is the content when the
// teasers add a quarter or more to the intro's score. One card does not; on an article page
// the intro stays alone.
TEST(ExtractTest, IntroOverATeaserGridKeepsTheGrid) {
  const std::string intro =
      "<div class=\"intro\"><h1>Garden benches</h1><p>Our benches are built from larch and oak "
      "that grew within a day's drive of the workshop, dried slowly in the open air for two "
      "summers and then planed by hand. Every bench is assembled with wooden pegs instead of "
      "screws, so the joints can swell and shrink with the weather without working loose.</p>"
      "<p>We oil each piece twice before it leaves, and we send a small tin of the same oil with "
      "it, because a yearly coat keeps the grain from greying and the surface from splitting in "
      "a hard frost.</p><p>Choose a bench below; the lengths fit two, three or four people, and "
      "all of them can be ordered with arms or without.</p></div>";
  const char* cards[][2] = {
      {"Larch bench for two, slatted seat, untreated",
       "A slatted seat that sheds rain, with legs set wide for soft lawns and gravel."},
      {"Oak bench with broad arms and a curved back",
       "Arms wide enough to hold a cup of tea and a folded newspaper on a slow morning."},
      {"Long table bench in larch for picnic tables",
       "Seats four at a picnic table and slides under it when the meal is over and done."},
      {"Curved tree bench in six oak segments, round",
       "Six segments that close around a trunk and leave it room to grow for decades."},
      {"Backless oak bench on two trestles, narrow",
       "A plain plank on two trestles for a narrow path, a porch wall or a hallway."},
      {"Folding larch bench that hangs on a hook",
       "Folds flat in a moment and hangs on a shed hook through the wet winter months."}};
  auto page = [&](size_t n, const std::string& head) {
    std::string grid = "<div class=\"grid\">";
    for (size_t k = 0; k < n; ++k)
      grid += "<div class=\"card\"><h3><a href=\"/b/" + std::to_string(k) + "\">" + cards[k][0] +
              "</a></h3><p>" + cards[k][1] + "</p></div>";
    return "<head>" + head +
           "</head><body><nav><a href=\"/\">Home</a> <a href=\"/shop\">Shop"
           "</a></nav>" +
           intro + grid + "</div></body>";
  };
  Extracted e = run(page(6, ""));
  EXPECT_TRUE(contains(e.text, "Every bench is assembled with wooden pegs")) << e.text;
  EXPECT_TRUE(contains(e.text, "Arms wide enough to hold a cup of tea")) << e.text;
  EXPECT_TRUE(contains(e.text, "Folding larch bench that hangs on a hook")) << e.text;
  Extracted one = run(page(1, ""));
  EXPECT_TRUE(contains(one.text, "Every bench is assembled with wooden pegs")) << one.text;
  EXPECT_FALSE(contains(one.text, "A slatted seat that sheds rain")) << one.text;
  Extracted article = run(page(6, "<meta property=\"og:type\" content=\"article\">"));
  EXPECT_TRUE(contains(article.text, "Every bench is assembled with wooden pegs")) << article.text;
  EXPECT_FALSE(contains(article.text, "Arms wide enough to hold a cup of tea")) << article.text;
}

// A listing that is itself a list of items (a page of new papers, each a linked title, its
// linked authors, an abstract and a "See details" button) keeps each item's title and its list
// of names, though they are links; the later link of each item still goes (prune's link-block
// rule, item_title_or_names).
TEST(ExtractTest, ListingItemsKeepTheirLinkedTitlesAndNames) {
  const char* papers[][4] = {
      {"Tidal mixing in shallow estuaries", "Ana Lima", "Ben Okafor",
       "We measure how the flood tide stirs fresh and salt water over mud flats during spring "
       "and neap tides, and how the mixing changes when the river runs high after rain."},
      {"Sand waves under a tidal current", "Carla Reyes", "Dev Patel",
       "Echo soundings over three years show how the crests of sand waves creep against the ebb "
       "current, a few metres each month, and how storms flatten them for weeks."},
      {"Harbour seiches after storms", "Erik Berg", "Fatima Noor",
       "Gauges in four harbours record long sloshing waves that follow a storm surge for up to "
       "a day, and we trace their periods back to the shape of each basin."},
      {"Salt wedges in river mouths", "Gina Rossi", "Hugo Marsh",
       "A thin wedge of sea water slides upstream under the river at high tide and retreats at "
       "the ebb; we follow its nose with a towed probe over a whole season."},
      {"Tide tables from old ledgers", "Ivan Petrov", "Jana Novak",
       "Harbour masters' ledgers from two centuries give tide heights that match modern gauges "
       "well, once the change of the harbour's datum in one year is accounted for."}};
  std::string page = "<head><title>Recent papers</title></head><body><div class=\"top\">";
  for (int k = 0; k < 12; ++k)
    page +=
        "<a href=\"/s/" + std::to_string(k) + "\">Section number " + std::to_string(k) + "</a> ";
  page +=
      "</div><h1>Recent papers on tides</h1><p>New papers from the coastal group, newest first, "
      "with their authors and a short abstract.</p><ul class=\"papers\">";
  for (const auto& p : papers)
    page += std::string("<li class=\"paper\"><div class=\"title\"><a href=\"/p\">") + p[0] +
            "</a></div><div class=\"authors\"><a href=\"/a\">" + p[1] + "</a>, <a href=\"/a\">" +
            p[2] + "</a></div><p>" + p[3] +
            "</p><div class=\"more\"><a href=\"/p\">See details</a></div></li>";
  page +=
      "</ul><div class=\"pages\"><a href=\"/p?2\">Next page</a> <a href=\"/p?9\">Last "
      "page</a></div></body>";
  Extracted e = run(page);
  EXPECT_TRUE(contains(e.text, "Harbour masters' ledgers from two centuries")) << e.text;
  EXPECT_TRUE(contains(e.text, "Tidal mixing in shallow estuaries")) << e.text;
  EXPECT_TRUE(contains(e.text, "Tide tables from old ledgers")) << e.text;
  EXPECT_TRUE(contains(e.text, "Ana Lima, Ben Okafor")) << e.text;
  EXPECT_TRUE(contains(e.text, "Ivan Petrov, Jana Novak")) << e.text;
  EXPECT_FALSE(contains(e.text, "See details")) << e.text;
  EXPECT_FALSE(contains(e.text, "Next page")) << e.text;
  EXPECT_FALSE(contains(e.text, "Section number")) << e.text;
}

// A shop's category page whose grid of cards makes up most of the page: the body is the content
// as a link list. The grid's cards stay; a promotion bar's link and a footer's link, outside
// any list of items, go as link blocks (in_or_holding_list).
TEST(ExtractTest, BodyAsLinkListDropsLinkBlocksOutsideItsLists) {
  const char* lamps[] = {
      "Brass desk lamp with a green glass shade", "Clamp lamp in matt black steel",
      "Folding travel lamp with a warm LED",      "Oak base lamp with a linen shade",
      "Architect lamp with a spring arm",         "Small reading lamp in white enamel",
      "Wall-mounted swing arm lamp in brass",     "Mushroom lamp in opal glass"};
  std::string page =
      "<head><title>Desk lamps</title></head><body><div class=\"bar\"><p><a href=\"/sale\">"
      "Subscribe and save a fifth on every order this month</a></p></div><h1>Desk lamps</h1>"
      "<p>Lamps for desks and workbenches, chosen for a steady light.</p><div class=\"grid\">";
  for (int size = 0; size < 2; ++size)
    for (const char* lamp : lamps)
      page += std::string("<div class=\"card\"><a href=\"/p\">") + lamp + (size ? ", large" : "") +
              "</a> <span>45 euros</span></div>";
  page +=
      "</div><div class=\"foot\"><p><a href=\"/ship\">Shipping and returns for every "
      "order</a></p></div></body>";
  Extracted e = run(page);
  EXPECT_TRUE(contains(e.text, "Brass desk lamp with a green glass shade 45 euros")) << e.text;
  EXPECT_TRUE(contains(e.text, "Mushroom lamp in opal glass, large 45 euros")) << e.text;
  EXPECT_TRUE(contains(e.text, "Lamps for desks and workbenches")) << e.text;
  EXPECT_FALSE(contains(e.text, "Subscribe and save")) << e.text;
  EXPECT_FALSE(contains(e.text, "Shipping and returns")) << e.text;
}

// The name of a field the reader types into or picks from a list ("Postal code" over a text
// box, "Country" around a drop-down, a <label for> naming a field further on) is a form's, not
// content; the label of a radio button is
// the option's name and stays (labels_entry_field).
TEST(ExtractTest, LabelsOfEntryFieldsAreLeftOut) {
  Extracted e = run(
      "<body><h1>Stoneware teapot</h1><div class=\"product\"><p>A round teapot thrown by hand "
      "in grey stoneware, with a steel strainer and a lid that stays put while pouring. It holds "
      "a litre, enough for four cups, and keeps the tea warm for half an hour.</p><p>Each pot "
      "is glazed twice and fired at a high heat, so it is safe in the dishwasher.</p>"
      "<div class=\"ship\"><p>Estimate the shipping cost to your door.</p>"
      "<label for=\"pc\">Postal code</label><input id=\"pc\" type=\"text\">"
      "<label>Destination country<select><option>Norway</option></select></label>"
      "<label>Gift wrapping<input type=\"radio\" name=\"w\"></label>"
      "<div class=\"row\"><label for=\"em\">Email for delivery updates</label></div>"
      "<div class=\"row\"><input type=\"email\" id=\"em\"></div></div></div></body>");
  EXPECT_TRUE(contains(e.text, "A round teapot thrown by hand")) << e.text;
  EXPECT_TRUE(contains(e.text, "Gift wrapping")) << e.text;
  EXPECT_FALSE(contains(e.text, "Postal code")) << e.text;
  EXPECT_FALSE(contains(e.text, "Destination country")) << e.text;
  EXPECT_FALSE(contains(e.text, "Email for delivery updates")) << e.text;
}

// A tooltip and a status region (role="tooltip", role="status") are a widget's text, the text
// inside a picture (role="img") is the picture's.
TEST(ExtractTest, TooltipStatusAndImageRolesAreLeftOut) {
  Extracted e = run(
      "<body><h1>Walnut cutting board</h1><div class=\"product\"><p>A thick end-grain board "
      "of American walnut, oiled by hand and kind to knife edges.</p><span role=\"tooltip\">"
      "Hover to zoom in on the grain</span><p>It rests on four rubber feet so it does not slide "
      "on a wet counter.</p><div role=\"status\">Added to your basket</div><div role=\"img\" "
      "aria-label=\"Rated 4 of 5\">Four stars of five</div></div></body>");
  EXPECT_TRUE(contains(e.text, "A thick end-grain board")) << e.text;
  EXPECT_TRUE(contains(e.text, "four rubber feet")) << e.text;
  EXPECT_FALSE(contains(e.text, "Hover to zoom")) << e.text;
  EXPECT_FALSE(contains(e.text, "Added to your basket")) << e.text;
  EXPECT_FALSE(contains(e.text, "Four stars of five")) << e.text;
}

// A <fieldset>'s caption (<legend>) names a group of form controls, not content.
TEST(ExtractTest, LegendsOfFieldsetsAreLeftOut) {
  Extracted e = run(
      "<body><h1>Linen shirt</h1><div class=\"product\"><p>A loose shirt of washed linen with "
      "a camp collar and horn buttons, cut long enough to wear untucked on warm days.</p><p>The "
      "linen is grown and woven in Flanders and softens with every wash.</p><fieldset><legend>"
      "Choose your fit</legend><label>Regular<input type=\"radio\" name=\"f\"></label>"
      "</fieldset></div></body>");
  EXPECT_TRUE(contains(e.text, "A loose shirt of washed linen")) << e.text;
  EXPECT_FALSE(contains(e.text, "Choose your fit")) << e.text;
}

// The hidden wrapper is weighed against the visible page's prose, not its menus: a shop page
// that shows only a large category menu while script reveals the product still has the
// product as its content. Visible prose of the same size keeps the wrapper hidden.
TEST(ExtractTest, HiddenWrapperOutweighingVisibleProseIsShown) {
  std::string menu, product;
  for (int k = 0; k < 40; ++k)
    menu += "<li><a href=\"/c/" + std::to_string(k) + "\">Furniture category " + std::to_string(k) +
            "</a></li>";
  for (int k = 0; k < 5; ++k)
    product += "<p>Detail " + std::to_string(k) +
               ": the armchair has a solid oak frame, a wool cover and feet that screw off for "
               "moving.</p>";
  Extracted e =
      run("<body><nav><ul>" + menu + "</ul></nav><div class=\"gate\" style=\"display:none\">" +
          product + "</div><footer><a href=\"/help\">Help</a></footer></body>");
  EXPECT_TRUE(contains(e.text, "Detail 0: the armchair")) << e.text;
  EXPECT_TRUE(contains(e.text, "Detail 4: the armchair")) << e.text;

  std::string notes;
  for (int k = 0; k < 5; ++k)
    notes += "<p>Note " + std::to_string(k) +
             ": our showroom opens at nine on weekdays and at ten on Saturdays, closed "
             "Sundays.</p>";
  Extracted f = run("<body><main>" + notes + "</main><div class=\"gate\" " +
                    "style=\"display:none\">" + product + "</div></body>");
  EXPECT_TRUE(contains(f.text, "Note 0: our showroom")) << f.text;
  EXPECT_FALSE(contains(f.text, "Detail 0: the armchair")) << f.text;
}

// An FAQ whose answers a script opens (no aria-controls) hides each answer right after its
// question: on a page that is no article the answers are its text; an article's appended FAQ
// stays as the page hides it.
TEST(ExtractTest, HiddenAnswersAfterQuestionsOnNonArticlePages) {
  const std::string faq =
      "<section><h2>Questions</h2><div class=\"q\">Does the tent fit two people?</div><div "
      "class=\"a\" style=\"display: none\"><p>Yes, two adults sleep in it with room for their "
      "bags at the feet.</p></div><div class=\"q\">Is the fly sheet waterproof?</div><div "
      "class=\"a\" style=\"display: none\"><p>The fly sheet holds off heavy rain for a whole "
      "night of camping.</p></div><div class=\"note\">Shipping details</div><div "
      "style=\"display: none\"><p>This hidden box follows no question and stays out of the "
      "text.</p></div></section>";
  const std::string body =
      "<body><main><h1>Two-person trekking tent</h1><p>A light tent for long walks: it packs "
      "small, pitches in five minutes and stands up to wind on open ridges.</p>" +
      faq + "</main></body>";
  Extracted e = run("<head><meta property=\"og:type\" content=\"product\"></head>" + body);
  EXPECT_TRUE(contains(e.text, "two adults sleep in it")) << e.text;
  EXPECT_TRUE(contains(e.text, "holds off heavy rain")) << e.text;
  EXPECT_FALSE(contains(e.text, "follows no question")) << e.text;

  Extracted a = run("<head><meta property=\"og:type\" content=\"article\"></head>" + body);
  EXPECT_FALSE(contains(a.text, "two adults sleep in it")) << a.text;
}

// An accordion sets each FAQ question in the <button> that opens its answer: a question-shaped
// button (15 to 300 bytes ending in "?") is a block of text like the heading it stands for,
// while ordinary buttons ("Add to basket", a menu toggle) and short ones ("Why?") stay out.
// A disclosure button (aria-expanded) of 15 bytes or more names the panel it opens: a shop's
// "Technical specifications" shows over the specifications; a short toggle ("Menu",
// "Filters") stays out.
TEST(ExtractTest, DisclosureButtonsNameTheirPanels) {
  const std::string html =
      "<body><main><h1>Folding camp chair</h1><p>A camp chair of aluminium and canvas that "
      "folds flat into its own bag and carries a grown-up on any ground.</p><button "
      "aria-expanded=\"false\">Menu</button><button type=\"button\" aria-expanded=\"true\">"
      "<span>Technical specifications</span></button><div><p>Weight 2.1 kg, seat height 45 cm, "
      "load up to 120 kg, packed size 80 by 15 cm.</p></div></main></body>";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "Technical specifications")) << e.text;
  EXPECT_TRUE(contains(e.text, "Weight 2.1 kg")) << e.text;
  EXPECT_FALSE(contains(e.text, "Menu")) << e.text;
}

// An accordion's answer hidden by a class name ("hidden", a utility class a script removes)
// right after its question button is the FAQ's text on a page that is no article; a hidden
// box after no question stays out.
TEST(ExtractTest, ClassHiddenAnswersAfterQuestionButtons) {
  std::string html =
      "<body><main><h1>Window cleaning for offices</h1><p>Our crews clean the windows of office "
      "buildings up to ten floors, inside and out, before or after your working hours.</p>"
      "<h2>Questions</h2>";
  const char* qa[][2] = {
      {"Do you work at weekends?", "Yes, on Saturdays, at the same price as on weekdays."},
      {"Which detergents do you use?", "Plain water with a mild soap that leaves no streaks."}};
  for (auto& p : qa)
    html += std::string("<div><button type=\"button\"><h3>") + p[0] +
            "</h3></button><div class=\"text-sm hidden\"><p>" + p[1] + "</p></div></div>";
  html +=
      "<div><span>Offers</span><div class=\"hidden\"><p>A hidden offer box that no question "
      "opens.</p></div></div></main></body>";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "Do you work at weekends?")) << e.text;
  EXPECT_TRUE(contains(e.text, "on Saturdays, at the same price")) << e.text;
  EXPECT_TRUE(contains(e.text, "mild soap that leaves no streaks")) << e.text;
  EXPECT_FALSE(contains(e.text, "hidden offer box")) << e.text;
}

TEST(ExtractTest, QuestionButtonsOfAnAccordionAreText) {
  std::string html =
      "<body><main><h1>Bicycle repair in town</h1><p>We fix city bikes, racing bikes and cargo "
      "bikes in our workshop by the station, most of them on the day you bring them.</p>"
      "<h2>Questions</h2>";
  const char* qa[][2] = {
      {"How long does a puncture repair take?",
       "About twenty minutes while you wait, a little longer for hub gears."},
      {"Do you collect bikes from home?",
       "Yes, within the ring road, for a small fee that we waive on larger repairs."}};
  for (auto& p : qa)
    html += std::string("<div class=\"item\"><button type=\"button\"><h3>") + p[0] +
            "</h3><span class=\"icon\"></span></button><div class=\"panel\"><p>" + p[1] +
            "</p></div></div>";
  html +=
      "<button type=\"button\">Book a repair slot now</button><button>Why?</button>"
      "</main></body>";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "How long does a puncture repair take?")) << e.text;
  EXPECT_TRUE(contains(e.text, "Do you collect bikes from home?")) << e.text;
  EXPECT_TRUE(contains(e.text, "About twenty minutes")) << e.text;
  EXPECT_FALSE(contains(e.text, "Book a repair slot")) << e.text;
  EXPECT_FALSE(contains(e.text, "Why?")) << e.text;
}

// A page's answers do not depend on the pages extracted before it on the thread: the
// per-node records live in a buffer reused from page to page (cleared each time) and released
// after a page of more than 65,536 nodes. The press release is extracted alone, after a page
// of 80,002 nodes (which grows the buffer and then releases it) and after a long article (whose
// records it reuses), with the same result each time.
TEST(ExtractTest, PagesDoNotDependOnThePagesBefore) {
  Options o;
  o.explain = true;
  const Extracted alone = run(read_example(), o);
  std::string big = "<html><body><div id=wall>";
  for (int k = 0; k < 40000; ++k) big += "<p>Item " + std::to_string(k) + "</p>";
  big += "</div></body></html>";
  const Extracted wall = run(big, o);
  EXPECT_TRUE(contains(wall.text, "Item 39999")) << wall.explain.substr(0, 200);
  const Extracted after_big = run(read_example(), o);
  run(fixture("forum-thread.html"), o);
  const Extracted after_forum = run(read_example(), o);
  for (const Extracted* e : {&after_big, &after_forum}) {
    EXPECT_EQ(e->text, alone.text);
    EXPECT_EQ(e->headline, alone.headline);
    EXPECT_EQ(e->explain, alone.explain);
  }
}

}  // namespace
}  // namespace klartext::extract

namespace klartext::extract {
namespace {

// The boilerplate checks of short blocks are capped per page (kMaxShortTextChecks, 5,000): a
// page of tens of thousands of short lines keeps the later ones unchecked instead of spending
// its time budget on them. Below the cap a gallery counter line goes; far past it, it stays.
TEST(ExtractTest, ShortBlockChecksAreCappedPerPage) {
  std::string html = "<html><body><article><h1>Harbour photographs</h1>";
  for (int i = 1; i <= 6000; ++i)
    html += "<p>Image " + std::to_string(i) + " of 6000</p><p>The pier at dawn, plate " +
            std::to_string(i) + ", shows the old crane and the fishing boats at rest.</p>";
  html += "</article></body></html>";
  Options o;
  o.max_milliseconds = 1e9;  // only the cap under test may limit the work
  Extracted e = run(html, o);
  EXPECT_TRUE(contains(e.text, "plate 1, shows the old crane")) << e.text.substr(0, 300);
  EXPECT_FALSE(contains(e.text, "Image 1 of 6000"));    // checked: a counter line goes
  EXPECT_TRUE(contains(e.text, "Image 5999 of 6000"));  // past the cap: kept as it is
}

// A form with little text is a control (search, sign-in, add to cart): its labels are not
// content, and its text does not count as page text beside a thread's comments. A form around
// a whole short page (ASP.NET style) is that page's content.
TEST(ExtractTest, SmallFormsAreControls) {
  Extracted product = run(fixture("product-with-cart-form.html"));
  EXPECT_TRUE(contains(product.text, "oil it again once a month")) << product.text;
  EXPECT_FALSE(contains(product.text, "Quantity")) << product.text;
  EXPECT_FALSE(contains(product.text, "Wrap it as a gift")) << product.text;

  Extracted thread = run(fixture("thread-with-sign-in.html"));
  EXPECT_TRUE(contains(thread.text, "Ordinary PVA glue is fine for oak")) << thread.text;
  EXPECT_TRUE(contains(thread.text, "Wipe off the squeeze-out")) << thread.text;
  EXPECT_FALSE(contains(thread.text, "Sign in to reply")) << thread.text;

  Extracted page =
      run("<body><form method=\"post\" action=\"/default.aspx\"><div><p>Our office is closed "
          "on Monday for the town festival; from Tuesday we are open again from eight to four."
          "</p></div><input type=\"hidden\" name=\"state\"></form></body>");
  EXPECT_TRUE(contains(page.text, "Our office is closed on Monday")) << page.text;
}

// A page that is not an article and marks one main region, built from sections with link rows
// between them: the main region is the content, not only its best section. An article keeps
// its best container.
TEST(ExtractTest, MainRegionSectionsOnNonArticlePage) {
  std::string html = fixture("service-sections.html");
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "Put every task, meeting and deadline")) << e.text;
  EXPECT_TRUE(contains(e.text, "Invite colleagues to a board")) << e.text;
  EXPECT_TRUE(contains(e.text, "Every board is encrypted")) << e.text;
  EXPECT_FALSE(contains(e.text, "See all planning features")) << e.text;  // link rows pruned
  EXPECT_FALSE(contains(e.text, "Pricing")) << e.text;
  EXPECT_FALSE(contains(e.text, "All rights reserved")) << e.text;

  std::string article = html;
  article.replace(article.find("<title>"), 0, "<meta property=\"og:type\" content=\"article\">");
  Extracted a = run(article);
  EXPECT_TRUE(contains(a.text, "Put every task, meeting and deadline")) << a.text;
  EXPECT_FALSE(contains(a.text, "Invite colleagues to a board")) << a.text;
}

// Shop and listing pages put each card's text in a caption-classed box (Bootstrap's thumbnail
// "caption"): with a link inside, on a page that is no article, it is content. On an article a
// caption-classed box is still a photo caption, credit link or not.
TEST(ExtractTest, CardCaptionsOnShopPages) {
  Extracted e = run(fixture("shop-thumbnails.html"));
  EXPECT_TRUE(contains(e.text, "Enamel stovetop kettle, 1.5 l\n\n$34.00")) << e.text;
  EXPECT_TRUE(contains(e.text, "Copper gooseneck pour-over kettle")) << e.text;
  EXPECT_FALSE(contains(e.text, "Privacy")) << e.text;

  Extracted a =
      run("<head><meta property=\"og:type\" content=\"article\"></head><body><article><p>The "
          "harbour reopened on Monday after three weeks of repairs to the northern quay wall, and "
          "the first ferry left on time.</p><div class=\"caption\">The quay at dawn. Photo: <a "
          "href=\"/agency\">Harbour Pictures</a></div><p>Repairs to the southern wall start in "
          "spring and will not close the harbour again, the port authority said.</p></article>"
          "</body>");
  EXPECT_TRUE(contains(a.text, "the first ferry left on time")) << a.text;
  EXPECT_FALSE(contains(a.text, "The quay at dawn")) << a.text;
}

// A page that declares itself a forum thread (schema.org DiscussionForumPosting, as JSON-LD or
// microdata) keeps its replies even when forum rules and notices outweigh a short thread; an
// undeclared page keeps the old share test.
TEST(ExtractTest, DeclaredForumThreadKeepsReplies) {
  std::string html = fixture("forum-declared-thread.html");
  const char* reply = "Not dead, just hungry";
  Extracted e = run(html);
  EXPECT_TRUE(contains(e.text, "smell like nail polish remover")) << e.text;
  EXPECT_TRUE(contains(e.text, reply)) << e.text;
  EXPECT_FALSE(contains(e.text, "Privacy")) << e.text;

  size_t start = html.find("<script type=\"application/ld+json\">");
  size_t end = html.find("</script>", start) + 9;
  std::string undeclared = html;
  undeclared.erase(start, end - start);
  EXPECT_FALSE(contains(run(undeclared).text, reply));

  std::string microdata = undeclared;
  microdata.replace(microdata.find("<body>"), 6,
                    "<body itemscope itemtype=\"https://schema.org/DiscussionForumPosting\">");
  EXPECT_TRUE(contains(run(microdata).text, reply));

  // A thread whose theme marks only the opening post as an <article>: the replies stay.
  Extracted t = run(fixture("forum-article-opening-post.html"));
  EXPECT_TRUE(contains(t.text, "solid oak front door")) << t.text;
  EXPECT_TRUE(contains(t.text, "Use three hinges instead of two")) << t.text;
  EXPECT_TRUE(contains(t.text, "long screws in the top hinge")) << t.text;
}

// aria-hidden hides from screen readers, not from the eye: a carousel's other slides and a tab
// widget's closed panels are the page's text. Short aria-hidden labels and icons stay out, and
// aria-hidden together with display:none is hidden (except on a tab panel).
TEST(ExtractTest, AriaHiddenSlidesWithTextAreShown) {
  Extracted e = run(
      "<body><div class=\"testimonials\"><div class=\"slide\"><p>The new booking system "
      "saved our front desk two hours every single day.</p></div><div class=\"slide\" "
      "aria-hidden=\"true\"><p>Our guests book their rooms at night now, and the calendar never "
      "double-books a room.</p></div><div class=\"slide\" aria-hidden=\"true\" "
      "style=\"display:none\"><p>This slide is switched off by its style and never shows on the "
      "page at all.</p></div></div><p>Try it free for thirty days; no credit card needed, and "
      "you can export your bookings at any time. <span aria-hidden=\"true\">arrow_forward</span>"
      "</p></body>");
  EXPECT_TRUE(contains(e.text, "saved our front desk")) << e.text;
  EXPECT_TRUE(contains(e.text, "the calendar never double-books")) << e.text;
  EXPECT_FALSE(contains(e.text, "switched off by its style")) << e.text;
  EXPECT_FALSE(contains(e.text, "arrow_forward")) << e.text;

  // Closed tab panels, hidden by attribute or style, are the page's text too; other elements
  // hidden that way stay hidden.
  Extracted t = run(
      "<body><div role=\"tablist\"><button role=\"tab\">Install</button><button "
      "role=\"tab\">Configure</button></div><div role=\"tabpanel\"><p>Download the package for "
      "your system and run the installer with the default options.</p></div><div "
      "role=\"tabpanel\" hidden><p>Open the settings file and set the data folder to a disk "
      "with enough free space.</p></div><div role=\"tabpanel\" style=\"display: none\"><p>Restart "
      "the service after every change to the settings file so that it is read again.</p></div>"
      "<div hidden><p>A hidden block that is not a tab panel stays out of the text.</p></div>"
      "</body>");
  EXPECT_TRUE(contains(t.text, "run the installer")) << t.text;
  EXPECT_TRUE(contains(t.text, "set the data folder")) << t.text;
  EXPECT_TRUE(contains(t.text, "Restart the service")) << t.text;
  EXPECT_FALSE(contains(t.text, "not a tab panel")) << t.text;

  // So is an accordion answer that a button opens (aria-controls names it).
  Extracted f = run(
      "<body><h2>Questions</h2><p>Answers to what our customers ask most often about delivery "
      "and returns.</p><button aria-expanded=\"false\" aria-controls=\"a1 a9\">How long does "
      "delivery take?</button><div id=\"a1\" hidden><p>Parcels arrive within three working "
      "days anywhere in the country.</p></div><div id=\"a2\" hidden><p>An answer that no button "
      "opens stays out of the extracted text.</p></div></body>");
  EXPECT_TRUE(contains(f.text, "Parcels arrive within three working days")) << f.text;
  EXPECT_FALSE(contains(f.text, "no button opens")) << f.text;
}

// A grid of cards, each wrapped whole in one link (a heading, then a description), describes
// the page's offers: a description of a sentence or two is prose, not link text, so the grid
// is content. A grid of tiles whose captions are short stays link text and goes.
TEST(ExtractTest, LinkWrappedCardDescriptionsAreProse) {
  const char* offers[] = {"Bookkeeping", "Payroll", "Audits"};
  std::string grid, tiles;
  for (const char* o : offers) {
    grid +=
        std::string("<div class=\"col\"><a href=\"/offer/") + o + "\"><h3>" + o +
        "</h3><div class=\"desc\">" + o +
        " done by a small team of accountants who answer the phone themselves, know your "
        "figures by heart, keep every receipt for seven years and send each report before the end "
        "of the month.</div></a></div>";
    tiles += std::string("<div class=\"col\"><a href=\"/shop/") + o + "\"><h3>" + o +
             "</h3><div class=\"desc\">From 40 euros a month</div></a></div>";
  }
  auto page = [](const std::string& cards) {
    return "<body><nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav><div "
           "class=\"page\"><h1>What we do</h1><p>We keep the books of small firms in the valley "
           "and have done so for thirty years: bakeries, garages, two dentists and a brewery "
           "that started in a barn.</p><p>Every client has one accountant who knows the firm, "
           "answers questions the same day and visits once a year to go through the figures "
           "over coffee.</p><p>We work from a converted mill by the river, and our fees are "
           "fixed at the start of the year, so there are no surprises when the invoice "
           "comes.</p><p>New clients get the first quarter free while we learn how their "
           "business works and tidy up whatever the last bookkeeper left behind.</p><p>Most of our "
           "clients found us through a neighbour, and many of them have stayed with us since "
           "the day they opened their doors.</p><p>If you are not sure what you need, call us: "
           "the first conversation costs nothing, and we will tell you honestly whether we can "
           "help.</p><div class=\"grid\">" +
           cards + "</div></div><footer><p>Valley Accounts, 4 Mill Lane</p></footer></body>";
  };
  Extracted e = run(page(grid));
  EXPECT_TRUE(contains(e.text, "Payroll done by a small team of accountants")) << e.text;
  EXPECT_TRUE(contains(e.text, "Audits done by a small team")) << e.text;
  Extracted t = run(page(tiles));
  EXPECT_TRUE(contains(t.text, "We keep the books of small firms")) << t.text;
  EXPECT_FALSE(contains(t.text, "From 40 euros a month")) << t.text;
}

// Cards under a "Related articles" heading go even when each is one link wrapping a long
// description (which scores as prose, see LinkWrappedCardDescriptionsAreProse): the heading's
// list is judged by its links as written.
TEST(ExtractTest, LinkWrappedCardsUnderRelatedHeadingGo) {
  std::string cards;
  for (int k = 0; k < 2; ++k)
    cards +=
        "<div class=\"item\"><a href=\"/blog/" + std::to_string(k) + "\"><h3>Older post " +
        std::to_string(k) +
        "</h3><div class=\"summary\">A look back at how small clinics plan their week, "
        "which reminders patients answer, what the front desk does with the free hour and what "
        "changed once the booking page went online for good.</div></a></div>";
  Extracted e =
      run("<body><div class=\"page\"><h1>Fewer missed appointments</h1><p>Most clinics lose an "
          "hour a day to patients who do not come. A reminder two days before the visit halves "
          "that, and a second one on the morning itself halves it again.</p><p>Texts work better "
          "than e-mails for older patients, and a link that lets them move the visit themselves "
          "keeps the slot from going empty.</p><p>Keep the message short: the time, the place and "
          "one line on how to change it.</p><div class=\"center\"><h2>Related articles</h2></div>"
          "<div class=\"spacer\"></div><div class=\"list\">" +
          cards + "</div></div></body>");
  EXPECT_TRUE(contains(e.text, "A reminder two days before the visit")) << e.text;
  EXPECT_FALSE(contains(e.text, "A look back at how small clinics")) << e.text;
}

// A page of links whose only prose is one intro line half made of a link (a job board: "These
// are openings ... More on the jobs page") is no listing of teasers: the line holds no list, so
// the table of repeated job rows is the content, the line with it.
TEST(ExtractTest, IntroLineOverTableOfLinksKeepsTheTable) {
  std::string nav;
  for (const char* w : {"new", "past", "comments", "ask", "show", "jobs", "submit", "login",
                        "guidelines", "faq", "lists", "api", "security", "legal", "contact"})
    nav += std::string("<a href=\"/") + w + "\">" + w + "</a> | ";
  std::string rows;
  int k = 0;
  for (const char* job :
       {"A bakery co-op is hiring a night baker", "A bike courier firm is hiring two dispatchers",
        "A small press is hiring a copy editor", "A seed library is hiring a volunteer coordinator",
        "A ferry line is hiring a deck hand for summer",
        "A school garden is hiring a part-time gardener"}) {
    ++k;
    rows += "<tr class=\"job\"><td>" + std::to_string(k) +
            ".</td><td><a href=\"https://example.org/jobs/" + std::to_string(k) + "\">" + job +
            "</a> <span>(example.org)</span></td><td><a href=\"item?id=" + std::to_string(k) +
            "\">" + std::to_string(k) + " days ago</a></td></tr>";
  }
  Extracted e = run("<body><nav>" + nav +
                    "</nav><div class=\"box\"><div>These are openings at young firms. More on "
                    "<a href=\"/jobs\">the jobs page of this board</a>.</div><table>" +
                    rows + "</table></div><footer>" + nav + "</footer></body>");
  EXPECT_TRUE(contains(e.text, "These are openings at young firms")) << e.text;
  EXPECT_TRUE(contains(e.text, "A bakery co-op is hiring a night baker")) << e.text;
  EXPECT_TRUE(contains(e.text, "A school garden is hiring a part-time gardener")) << e.text;
  EXPECT_FALSE(contains(e.text, "guidelines")) << e.text;
}

// On a page that is no article, the grid under a shop's heading for other products ("People
// who viewed this item also viewed") goes even when its cards hold no links (cards built by
// script, opened by a click handler); the blocks after the grid stay. On an article the same
// heading over such a list stays (a buyer's guide may compare items under it).
TEST(ExtractTest, ShopGridUnderOtherProductsHeadingGoes) {
  std::string cards;
  for (int k = 0; k < 4; ++k)
    cards += "<li><div class=\"card\"><h3>Enamel camping mug " + std::to_string(k) +
             "</h3><span>Pre-owned</span><span>$" + std::to_string(7 + k) +
             ".50</span><span>+ $4.20 delivery</span></div></li>";
  // The heading sits in wrappers with a "Sponsored" label: the block after the heading is the
  // label, the grid follows an outer wrapper. The section the heading opens goes whole.
  const std::string grid =
      "<section><div class=\"head\"><div class=\"label\"><h2>People who viewed this item "
      "also viewed</h2></div><div class=\"tag\">Sponsored: shops pay to show their items "
      "here</div></div><div class=\"carousel\"><ul>" +
      cards + "</ul></div></section>";
  const std::string body =
      "<h1>Stoneware mug, blue glaze</h1><p>A stoneware mug thrown on the wheel and dipped in a "
      "deep blue glaze that pools darker where the handle meets the body.</p><p>It holds 350 "
      "millilitres, keeps coffee warm for a while and goes in the dishwasher without "
      "fading.</p><p>The clay comes from a pit two valleys over and is fired twice, the second "
      "time hot enough that the glaze turns to glass and seals the pores.</p>" +
      grid + "<p>Each mug is signed on its foot and differs a little from the photo.</p>";
  Extracted e = run("<body><div class=\"page\">" + body + "</div></body>");
  EXPECT_TRUE(contains(e.text, "keeps coffee warm")) << e.text;
  EXPECT_TRUE(contains(e.text, "signed on its foot")) << e.text;
  EXPECT_FALSE(contains(e.text, "Enamel camping mug")) << e.text;
  EXPECT_FALSE(contains(e.text, "also viewed")) << e.text;
  EXPECT_FALSE(contains(e.text, "Sponsored")) << e.text;
  // A heading that opens the wrapper of most of the page (the grid, then the product's long
  // description) takes only the grid: the section it opens may hold at most half the text.
  Extracted w =
      run("<body><div class=\"page\"><h1>Stoneware mug, blue glaze</h1><p>Thrown on the wheel and "
          "dipped in a deep blue glaze.</p><div class=\"lower\"><div class=\"label\"><h2>Customers "
          "also bought</h2></div><div class=\"carousel\"><ul>" +
          cards +
          "</ul></div><div class=\"about\"><p>It holds 350 millilitres, keeps coffee warm for a "
          "while and goes in the dishwasher without fading.</p><p>The clay comes from a pit two "
          "valleys over and is fired twice, the second time hot enough that the glaze turns to "
          "glass and seals the pores.</p><p>Each mug is signed on its foot and differs a little "
          "from the photo, since no two dips into the glaze bucket come out the same.</p></div>"
          "</div></div></body>");
  EXPECT_TRUE(contains(w.text, "keeps coffee warm")) << w.text;
  EXPECT_TRUE(contains(w.text, "no two dips")) << w.text;
  EXPECT_FALSE(contains(w.text, "Enamel camping mug")) << w.text;
  Extracted a = run("<head><meta property=\"og:type\" content=\"article\"></head><body><article>" +
                    body + "</article></body>");
  EXPECT_TRUE(contains(a.text, "Enamel camping mug")) << a.text;
}

// A biography under an "About the author" label closes the article: it goes with its label.
// The same label over more text than a biography holds (a section about a book's author) stays,
// and so does a label over a biography after a short text (not yet an article).
TEST(ExtractTest, AuthorBiographyClosingTheArticleGoes) {
  std::string article =
      "<p>The old orchard behind the school had not been pruned for twenty years when the "
      "parents' club took it on. Half the trees were hollow, the rest had grown into a "
      "thicket that no ladder could reach.</p><p>The first winter went on cutting out dead "
      "wood. Every branch that crossed another came off, and the cuttings were stacked along "
      "the fence for the hedgehogs.</p><p>By the second spring the trees flowered again, and "
      "the children counted the blossoms on the lowest branches for a maths lesson that ran "
      "over into the lunch break.</p><p>The harvest that autumn filled forty crates. Some went "
      "to the kitchen, some to a juice press in the next village, and the rest were sold at "
      "the school gate to pay for new ladders.</p><p>Next year the club wants to plant a row "
      "of young trees grafted from the oldest ones, so that the varieties outlive the "
      "orchard itself.</p><p>A local nursery has offered rootstock at cost, and two "
      "grandparents who grew up on farms have promised to show the older pupils how a "
      "graft is cut, bound and sealed with wax.</p><p>The school hopes to open the orchard "
      "to the village on one Saturday each autumn, with the juice press set up by the gate "
      "and the pupils selling what they picked.</p><p>Whatever the crates bring in goes "
      "back into the orchard: new ladders, a second press and a shed for the tools, which "
      "now live in the caretaker's garage.</p>";
  std::string bio =
      "<h3>About the author</h3><p>Ruth Abel teaches biology at the school and has kept bees "
      "in the orchard since 2015. She writes about school gardens for the county paper.</p>";
  Extracted e = run("<body><div class=\"post\"><h1>Saving the school orchard</h1>" + article + bio +
                    "</div></body>");
  EXPECT_TRUE(contains(e.text, "the varieties outlive the orchard")) << e.text;
  EXPECT_FALSE(contains(e.text, "About the author")) << e.text;
  EXPECT_FALSE(contains(e.text, "Ruth Abel teaches biology")) << e.text;

  // A long section under the label is content, not a biography.
  std::string section = "<h3>Author</h3>";
  for (int k = 0; k < 12; ++k)
    section +=
        "<p>The book's author spent a decade visiting orchards across the region, recording "
        "old varieties and the people who still graft them by hand.</p>";
  Extracted s = run("<body><div class=\"post\"><h1>A book about orchards</h1>" + article + section +
                    "</div></body>");
  EXPECT_TRUE(contains(s.text, "spent a decade visiting orchards")) << s.text;

  // After a short text the label opens no biography of an article.
  Extracted t =
      run("<body><div class=\"post\"><h1>Orchard day</h1><p>The orchard is open to visitors on "
          "the first Saturday of each month, from ten until four, with cider for the grown-ups "
          "and apple races for the children.</p>" +
          bio + "</div></body>");
  EXPECT_TRUE(contains(t.text, "Ruth Abel teaches biology")) << t.text;
}

// A name line, then a paragraph introducing that person, closing the article: a biography
// without a label, left out. The same pair followed by more of the article (a closing list of
// people, each introduced) stays.
TEST(ExtractTest, NamedBiographyClosingTheArticleGoes) {
  std::string article;
  for (const char* p :
       {"The old orchard behind the school had not been pruned for twenty years when the "
        "parents' club took it on. Half the trees were hollow.",
        "The first winter went on cutting out dead wood. Every branch that crossed another "
        "came off, and the cuttings were stacked along the fence.",
        "By the second spring the trees flowered again, and the children counted the blossoms "
        "on the lowest branches for a maths lesson.",
        "The harvest that autumn filled forty crates. Some went to the kitchen, some to a juice "
        "press in the next village, the rest to the school gate.",
        "Next year the club wants to plant a row of young trees grafted from the oldest ones, so "
        "that the varieties outlive the orchard itself.",
        "A local nursery has offered rootstock at cost, and two grandparents have promised to "
        "show the older pupils how a graft is cut and bound.",
        "The school hopes to open the orchard to the village on one Saturday each autumn, with "
        "the juice press set up by the gate.",
        "Whatever the crates bring in goes back into the orchard: new ladders, a second press and "
        "a shed for the tools.",
        "The pupils keep a diary of the trees, one page per tree, with the dates of flowering, "
        "the first fruit and the harvest.",
        "Two old varieties that nobody could name were sent to a fruit society, which wrote back "
        "that one of them had not been recorded in the county for fifty years.",
        "That tree now has a fence of its own and a sign the youngest class painted, asking "
        "visitors to leave its apples for the grafting lesson."})
    article += std::string("<p>") + p + "</p>";
  std::string bio =
      "<div class=\"box\"><p>Ruth Abel</p><p>Ruth Abel is a biology teacher at the school and "
      "has kept bees in the orchard since 2015.</p></div>";
  Extracted e = run("<body><div class=\"post\"><h1>Saving the school orchard</h1>" + article + bio +
                    "</div></body>");
  EXPECT_TRUE(contains(e.text, "the varieties outlive the orchard")) << e.text;
  EXPECT_FALSE(contains(e.text, "Ruth Abel")) << e.text;

  std::string more =
      "<p>Tom Weller</p><p>Tom Weller is a retired farmer who brought the first grafting knives "
      "and still sharpens them before every lesson, one by one, on a stone from his father's "
      "barn.</p><p>He also taught the pupils to tell a spur from a bud, and to leave the spurs "
      "alone when they thin the crowded branches in late winter, whatever the books say.</p>"
      "<p>His own orchard, three fields away, is where the class goes each June to see what a "
      "tree looks like after fifty years of careful pruning, and to taste the early apples.</p>";
  Extracted k = run("<body><div class=\"post\"><h1>Saving the school orchard</h1>" + article + bio +
                    more + "</div></body>");
  EXPECT_TRUE(contains(k.text, "Ruth Abel is a biology teacher")) << k.text;
}

// A short block's checks read what the page shows: a share label beside a hidden pop-up
// (its own text, "分享到微信") is still the share label.
TEST(ExtractTest, ShortBlockChecksSkipHiddenText) {
  Extracted e = run(
      "<body><div class=\"main\"><div class=\"bar\"><span>分享到：</span><span><a href=\"/wb\">"
      "<img src=\"wb.png\"></a><a href=\"#\"><img src=\"wx.png\"><div style=\"display:none\">"
      "<span>分享到微信</span></div></a></span></div><p>今年春天来得早，河边的柳树三月初就发了芽，"
      "孩子们放学后总在堤上放风筝，一直玩到天黑才回家。</"
      "p><p>镇上的老茶馆也重新开了门，老人们每天早上"
      "坐在窗边喝茶下棋，聊的都是今年的收成和远方的儿女。</p></div></body>");
  EXPECT_TRUE(contains(e.text, "今年春天来得早")) << e.text;
  EXPECT_FALSE(contains(e.text, "分享到")) << e.text;
}

// A Chinese story's credit lines (source after the date, author) go; the story stays.
TEST(ExtractTest, ChineseCreditLinesGo) {
  Extracted e = run(
      "<body><div class=\"main\"><h1>小城的春天</h1><div>2005年08月16日　来源：新华网</div>"
      "<div>作者： "
      "李明</div><p>今年春天来得早，河边的柳树三月初就发了芽，孩子们放学后总在堤上放风筝，"
      "一直玩到天黑才回家。</p><p>镇上的老茶馆也重新开了门，老人们每天早上坐在窗边喝茶下棋，"
      "聊的都是今年的收成和远方的儿女。</p><p>到了四月，山上的茶园一片新绿，采茶的人天不亮就上山，"
      "中午把新茶送到镇上的作坊里去炒。</p></div></body>");
  EXPECT_TRUE(contains(e.text, "今年春天来得早")) << e.text;
  EXPECT_FALSE(contains(e.text, "来源")) << e.text;
  EXPECT_FALSE(contains(e.text, "李明")) << e.text;
}

// In a page laid out in a table the credit line is a cell of its own: it goes, while the
// other cells of a data table stay whatever they hold.
TEST(ExtractTest, ChineseCreditCellGoes) {
  Extracted e = run(
      "<body><table><tr><td><table><tr><td>2022-02-13 07:00:00来源：央广网</td><td>本报讯 "
      "春分前后，城郊的油菜花陆续开放，周末前来赏花的市民络绎不绝。</td></tr></table>"
      "<p>今年春天来得早，"
      "河边的柳树三月初就发了芽，孩子们放学后总在堤上放风筝，一直玩到天黑才回家。</"
      "p><p>镇上的老茶馆"
      "也重新开了门，老人们每天早上坐在窗边喝茶下棋，聊的都是今年的收成和远方的儿女。</p>"
      "<table><tr><td>网址</td><td>https://example.com/</td></tr><tr><td>气温</td><td>23/16</td>"
      "</tr></table></td></tr></table></body>");
  EXPECT_TRUE(contains(e.text, "今年春天来得早")) << e.text;
  EXPECT_FALSE(contains(e.text, "央广网")) << e.text;
  EXPECT_TRUE(contains(e.text, "城郊的油菜花陆续开放")) << e.text;
  EXPECT_TRUE(contains(e.text, "https://example.com/")) << e.text;
  EXPECT_TRUE(contains(e.text, "23/16")) << e.text;
}

// A syntax highlighter's comment spans inside a code block are code, not a comment thread.
TEST(ExtractTest, HighlightedCodeCommentsStay) {
  Extracted e =
      run("<body><article><h1>Starting with git</h1><p>Every project starts the same way: make a "
          "folder, turn it into a repository and record the first version of its files.</p><p>The "
          "commands below do that, with a note on what each one is for.</p><pre><code "
          "class=\"hljs\"><span class=\"hljs-comment\"># make the folder a repository</span>\n"
          "git init\n<span class=\"token comment\"># record every file</span>\ngit add -A\n"
          "</code></pre><p>After that, each change is one more commit with a short message.</p>"
          "</article></body>");
  EXPECT_TRUE(contains(e.text, "# make the folder a repository")) << e.text;
  EXPECT_TRUE(contains(e.text, "# record every file")) << e.text;
  EXPECT_TRUE(contains(e.text, "git init")) << e.text;
}

// A page laid out in tables: the article's paragraphs share a cell with a longer list of
// related links, which pulls the cell's score below a lone notice in the footer. The cell of
// the paragraphs is the content, without its links; the notice stays out.
TEST(ExtractTest, ParagraphsBesideLinkTablesBeatALoneNotice) {
  std::string links;
  for (int k = 0; k < 12; ++k)
    links += "&middot;<a href=\"/story/" + std::to_string(k) +
             ".html\">Another story from the harbour town, number " + std::to_string(k) +
             " of the week</a><br>";
  Extracted e = run(
      "<!DOCTYPE html><html><body><table><tr><td><table><tr><td><b>Night ferries return to the "
      "island</b></td></tr></table><p>After a winter without them, the night ferries to the "
      "island run again from this week, leaving the harbour every two hours until midnight.<p>The "
      "operator says the new boats are quieter and use less fuel, and that tickets bought online "
      "cost the same as those sold at the pier.<p>Islanders had asked for the late crossings for "
      "years, since the last boat at six in the evening made it hard to work in town.<p>The "
      "timetable will be reviewed in the autumn, when the number of late passengers is known."
      "<table><tr><td><b>Related stories:</b></td></tr><tr><td>" +
      links +
      "</td></tr></table></td><td><a href=\"/\">Home</a></td></tr></table><table><tr><td><p>All "
      "texts on this site are supplied by our content partners under agreement, and their "
      "authors are paid through the collecting society; if you find a text of yours here and do "
      "not agree with its use, please write to the editors, who will answer within a week.</p>"
      "</td></tr></table></body></html>");
  EXPECT_TRUE(contains(e.text, "the night ferries to the island run again")) << e.text;
  EXPECT_TRUE(contains(e.text, "The timetable will be reviewed")) << e.text;
  EXPECT_FALSE(contains(e.text, "Another story")) << e.text;
  EXPECT_FALSE(contains(e.text, "collecting society")) << e.text;
}

// A lone <article> worth a small part of the page (a question-and-answer card beside a long
// unmarked guide) is a card, not the page's article: the guide is the content.
TEST(ExtractTest, SmallMarkedArticleBesideLongProseIsACard) {
  std::string guide;
  for (int k = 0; k < 4; ++k)
    guide += "<p>Part " + std::to_string(k) +
             " of the guide: hourly rates differ between large agencies, small studios and "
             "freelancers, and the difference grows with the size of the project and with how "
             "much of the planning the client wants to leave to the team.</p>";
  Extracted e =
      run("<body><main><div class=\"guide\"><h1>What software costs per hour</h1>" + guide +
          "</div><article><h2>Questions</h2><p>Do rates include project management? Most firms "
          "bill it as part of the hourly rate, some as a separate line on the invoice.</p>"
          "</article></main></body>");
  EXPECT_TRUE(contains(e.text, "Part 0 of the guide")) << e.text;
  EXPECT_TRUE(contains(e.text, "Part 3 of the guide")) << e.text;
}

// Story cards after a "Latest News" heading, in wrappers of a page builder (a widget, then a
// posts container): each card's excerpt is long enough to outweigh its linked title, but the
// grid is still other stories and goes with its heading.
TEST(ExtractTest, WrappedStoryCardsAfterRelatedHeadingGo) {
  std::string cards;
  for (int k = 0; k < 3; ++k)
    cards += "<article class=\"post\"><h3><a href=\"/blog/story-" + std::to_string(k) +
             "/\">Another story from the blog, number " + std::to_string(k) +
             "</a></h3><div class=\"excerpt\"><p>An excerpt long enough to outweigh the linked "
             "title: it tells what the other story is about, who it is for and why the reader "
             "might want to open it after this one.</p></div><a href=\"/blog/story-" +
             std::to_string(k) + "/\">Read more</a></article>";
  Extracted e =
      run("<html><head><meta property=\"og:type\" content=\"article\"></head><body><div "
          "class=\"content\"><h1>Hurt at the gym: who pays</h1><p>An injury at a gym raises the "
          "question of who is liable: the gym, the maker of the machine or the member who was "
          "hurt, and the answer depends on the waiver that was signed.</p><p>Waivers do not cover "
          "everything, and a machine that was badly kept can make the gym liable whatever the "
          "member signed when joining.</p><div class=\"widget\"><div class=\"widget-inner\"><h2>"
          "Latest News</h2></div></div><div class=\"widget\"><div class=\"widget-inner\"><div "
          "class=\"posts\">" +
          cards + "</div></div></div></div></body></html>");
  EXPECT_TRUE(contains(e.text, "Waivers do not cover everything")) << e.text;
  EXPECT_FALSE(contains(e.text, "Latest News")) << e.text;
  EXPECT_FALSE(contains(e.text, "An excerpt long enough")) << e.text;
}

// A microdata author (itemprop="author" on a Person) holding a biography is the author box
// under the article: it goes. One holding only a name stays for the line rules to judge.
TEST(ExtractTest, MicrodataAuthorBoxGoes) {
  Extracted e = run(
      "<body><div class=\"post\"><h1>Cleaning trends this year</h1><p>More households book "
      "cleaning by subscription now, and they ask for products that are kind to children, pets "
      "and the water supply.</p><p>Cleaners answer with refill stations and with checklists "
      "that the client can change from one visit to the next.</p><div itemprop=\"author\" "
      "itemscope itemtype=\"http://schema.org/Person\"><p>Dana Reyes runs a small cleaning "
      "company in the north of the city and writes about the trade.</p></div><p class=\"by\">By "
      "<span itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\">Ola Berg"
      "</span> and the team, who tested each product for a month.</p></div></body>");
  EXPECT_TRUE(contains(e.text, "Cleaners answer with refill stations")) << e.text;
  EXPECT_FALSE(contains(e.text, "Dana Reyes")) << e.text;
  EXPECT_TRUE(contains(e.text, "Ola Berg")) << e.text;
}

// An author card under the article whose name is a <span> on a line of its own (over a block
// with the job title) is still a name line: the card and its biography go.
TEST(ExtractTest, AuthorCardWithInlineNameGoes) {
  std::string body;
  for (int k = 0; k < 8; ++k)
    body += "<p>Section " + std::to_string(k) +
            " of the piece: wedding lists now mix old family china with bright new glass, and "
            "couples ask for fewer pieces of better quality than their parents did.</p>";
  Extracted e =
      run("<html><head><meta property=\"og:type\" content=\"article\"></head><body><article>"
          "<h1>Setting the table</h1>" +
          body +
          "<div class=\"card\"><div><span><a href=\"/author/mara-lind/\">Mara Lind</a></span><div>"
          "Contributing Writer</div></div><div><p>Mara Lind is a freelance writer who covers homes "
          "and gardens from a small town by the sea.</p></div></div></article></body></html>");
  EXPECT_TRUE(contains(e.text, "Section 7 of the piece")) << e.text;
  EXPECT_FALSE(contains(e.text, "freelance writer")) << e.text;
  EXPECT_FALSE(contains(e.text, "Contributing Writer")) << e.text;
}

// An author card after an article of many short lines (a photo credit under each picture) is
// still found: the short lines near the end are the ones read, not the page's first ones.
TEST(ExtractTest, AuthorCardAfterManyShortLinesGoes) {
  std::string body;
  for (int k = 0; k < 40; ++k)
    body += "<p>Idea " + std::to_string(k) +
            ": hosts now hand guests a small painted card with their name and a line about "
            "how they met the couple.</p><div>Photo Kit Ames</div>";
  Extracted e = run(
      "<html><head><meta property=\"og:type\" content=\"article\"></head><body><article>"
      "<h1>Hosting ideas</h1>" +
      body +
      "<div><div><span><a href=\"/author/mara-lind/\">Mara Lind</a></span><div>"
      "Contributing Writer</div></div><p>Mara Lind has written about homes and "
      "gardens for twenty years from a small town by the sea.</p></div></article></body></html>");
  EXPECT_TRUE(contains(e.text, "Idea 39: hosts")) << e.text;
  EXPECT_FALSE(contains(e.text, "written about homes")) << e.text;
}

// A biography whose name shares its line with the role ("Mara Lind, Garden Editor": no name
// line) goes from that line when its first sentence introduces her; an article's own last
// paragraph opening with a name and "is another" stays, and so does an introduction with no
// short line before it.
TEST(ExtractTest, BiographyOpeningWithIntroductionGoes) {
  std::string body;
  for (int k = 0; k < 12; ++k)
    body += "<p>Stop " + std::to_string(k) +
            " on the drive: a working cattle ranch with an honour box for the trail fee, maps "
            "at the gate and a creek that floods each spring.</p>";
  std::string head =
      "<html><head><meta property=\"og:type\" content=\"article\"></head><body><article>"
      "<h1>Day trips</h1>";
  Extracted bio = run(head + body +
                      "<div><b>Mara Lind, Garden Editor</b></div><p>Mara Lind is a garden writer "
                      "who lives by the sea and grows roses on a windy hill.</p>"
                      "</article></body></html>");
  EXPECT_TRUE(contains(bio.text, "Stop 11 on the drive")) << bio.text;
  EXPECT_FALSE(contains(bio.text, "garden writer")) << bio.text;
  EXPECT_FALSE(contains(bio.text, "Garden Editor")) << bio.text;

  Extracted story = run(head + body +
                        "<h2>Last stop</h2><p>Stone Hill is another ranch on the loop, with "
                        "races each spring and a long shaded picnic ground.</p>"
                        "</article></body></html>");
  EXPECT_TRUE(contains(story.text, "Stone Hill is another ranch")) << story.text;

  Extracted bare = run(head + body +
                       "<p>Mara Lind is a garden writer who lives by the sea and grows roses on "
                       "a windy hill.</p></article></body></html>");
  EXPECT_TRUE(contains(bare.text, "garden writer")) << bare.text;
}

// A biography opening with the first name alone goes when the line over it holds the full
// name; the same sentence with no such line stays.
TEST(ExtractTest, BiographyByFirstNameUnderNameLineGoes) {
  std::string body;
  for (int k = 0; k < 12; ++k)
    body += "<p>Step " + std::to_string(k) +
            " of the audit: list the pages that bring visitors, check what each one ranks for "
            "and note which of them no longer earn a click.</p>";
  std::string head =
      "<html><head><meta property=\"og:type\" content=\"article\"></head><body><article>"
      "<h1>An audit in a day</h1>";
  std::string bio =
      "<p>Rosa is the head of content at a small agency and writes about search each week.</p>";
  Extracted named =
      run(head + body + "<div>Rosa Vidal Head of Content</div>" + bio + "</article></body></html>");
  EXPECT_TRUE(contains(named.text, "Step 11 of the audit")) << named.text;
  EXPECT_FALSE(contains(named.text, "head of content at a small")) << named.text;
  Extracted unnamed =
      run(head + body + "<div>Further reading</div>" + bio + "</article></body></html>");
  EXPECT_TRUE(contains(unnamed.text, "head of content at a small")) << unnamed.text;
}

// A biography naming the page's author (Options::author, from metadata) closes the content on
// any page: by the first name alone it goes without a name line; by the full name only under a
// short line. Without the author given, or naming someone else, the same paragraph stays.
TEST(ExtractTest, BiographyNamingTheAuthorGoes) {
  std::string body;
  for (int k = 0; k < 12; ++k)
    body += "<p>Bed " + std::to_string(k) +
            " of the allotment: turn the soil in autumn, spread a thick layer of leaves and "
            "leave the worms to do the digging until the frost has passed.</p>";
  std::string head = "<html><body><main><h1>A no-dig garden</h1>";
  std::string first =
      "<p>Tomas is a market gardener who has grown vegetables without digging for twenty "
      "years on a windy hill by the sea.</p></main></body></html>";
  Options o;
  o.author = "Tomas Berg";
  Extracted by_first = run(head + body + first, o);
  EXPECT_TRUE(contains(by_first.text, "Bed 11 of the allotment")) << by_first.text;
  EXPECT_FALSE(contains(by_first.text, "market gardener")) << by_first.text;
  Extracted no_author = run(head + body + first);
  EXPECT_TRUE(contains(no_author.text, "market gardener")) << no_author.text;
  Options other;
  other.author = "Ines Berg";
  Extracted other_author = run(head + body + first, other);
  EXPECT_TRUE(contains(other_author.text, "market gardener")) << other_author.text;

  std::string full =
      "<p>Tomas Berg writes about vegetables and grows them without digging on two "
      "allotments on a windy hill by the sea.</p></main></body></html>";
  Extracted under_line = run(head + body + "<div>Our gardener</div>" + full, o);
  EXPECT_FALSE(contains(under_line.text, "writes about vegetables")) << under_line.text;
  EXPECT_FALSE(contains(under_line.text, "Our gardener")) << under_line.text;
  Extracted bare = run(head + body + full, o);
  EXPECT_TRUE(contains(bare.text, "writes about vegetables")) << bare.text;
}

// An author card opening the content (a date line, then a biography introducing the page's
// author) goes with its lines; the article under it stays. Without the author given, or with
// the card after a long opening, it stays.
TEST(ExtractTest, AuthorCardOpeningTheContentGoes) {
  std::string body;
  for (int k = 0; k < 12; ++k)
    body += "<p>Trail " + std::to_string(k) +
            " of the valley: a gravel climb through beech woods to a saddle, then a long "
            "descent on singletrack past the old mill and the trout ponds.</p>";
  std::string card =
      "<div>Published 3 hours ago</div><p>Lena is a cycling writer who has ridden the valley's "
      "trails every weekend for a decade and tests bikes for the magazine.</p>";
  std::string page = "<html><body><main><h1>Valley rides</h1>" + card + body +
                     "</main></body>"
                     "</html>";
  Options o;
  o.author = "Lena Marsh";
  Extracted e = run(page, o);
  EXPECT_FALSE(contains(e.text, "cycling writer")) << e.text;
  EXPECT_FALSE(contains(e.text, "Published 3 hours ago")) << e.text;
  EXPECT_TRUE(contains(e.text, "Trail 0 of the valley")) << e.text;
  EXPECT_TRUE(contains(e.text, "Trail 11 of the valley")) << e.text;
  Extracted no_author = run(page);
  EXPECT_TRUE(contains(no_author.text, "cycling writer")) << no_author.text;
  // Two trails first: the paragraph is no card opening the content (it is not the tail either).
  std::string late = "<html><body><main><h1>Valley rides</h1>" +
                     body.substr(0, body.find("<p>Trail 2 ")) + card +
                     body.substr(body.find("<p>Trail 2 ")) + "</main></body></html>";
  Extracted later = run(late, o);
  EXPECT_TRUE(contains(later.text, "cycling writer")) << later.text;
}

// The page author's byline at the top of the content goes; the same line without the author
// given, or naming someone else, stays.
TEST(ExtractTest, AuthorBylineAtTheTopGoes) {
  std::string body;
  for (int k = 0; k < 10; ++k)
    body += "<p>Week " + std::to_string(k) +
            " of the season: the ferry runs twice a day, the harbour cafe opens at eight and "
            "the coastal path is closed past the lighthouse for repairs.</p>";
  std::string page =
      "<html><body><main><h1>Island notes</h1><div>By Pia Storm &#8226; Updated "
      "May 4, 2025</div>" +
      body + "</main></body></html>";
  Options o;
  o.author = "Pia Storm";
  Extracted e = run(page, o);
  EXPECT_FALSE(contains(e.text, "Updated May 4")) << e.text;
  EXPECT_TRUE(contains(e.text, "Week 0 of the season")) << e.text;
  Extracted no_author = run(page);
  EXPECT_TRUE(contains(no_author.text, "By Pia Storm")) << no_author.text;
  Options other;
  other.author = "Ola Storm";
  Extracted other_author = run(page, other);
  EXPECT_TRUE(contains(other_author.text, "By Pia Storm")) << other_author.text;
}

// The "Re: <title>" subject line over each reply of a thread goes; a reply that opens with
// "Re:" and other words stays, and so does the subject line when no title is known.
TEST(ExtractTest, ReplySubjectLinesGo) {
  std::string posts;
  for (int k = 0; k < 6; ++k)
    posts += "<div class=\"post\"><h3><a href=\"#p" + std::to_string(k) +
             "\">Re: Pump keeps tripping the breaker</a></h3><div class=\"content\">Reply " +
             std::to_string(k) +
             ": check the capacitor first, then the float switch, and measure the current the "
             "motor draws when it starts.</div></div>";
  std::string page = "<html><body><div id=\"page\"><h2>Pump keeps tripping the breaker</h2>" +
                     posts +
                     "<div class=\"post\"><h3>Re: an older thread on pumps</h3><div>That one "
                     "was about a well pump, not a sump pump, and the fix was a new pressure "
                     "switch.</div></div></div></body></html>";
  Options o;
  o.title = "Pump keeps tripping the breaker";
  Extracted e = run(page, o);
  EXPECT_TRUE(contains(e.text, "Reply 5: check the capacitor")) << e.text;
  EXPECT_FALSE(contains(e.text, "Re: Pump keeps tripping")) << e.text;
  EXPECT_TRUE(contains(e.text, "Re: an older thread on pumps")) << e.text;
  Extracted untitled = run(page);
  EXPECT_TRUE(contains(untitled.text, "Re: Pump keeps tripping")) << untitled.text;
}

// An author box by its class holding a long biography goes when it opens with the page
// author's name; without the author given it stays (too long for a small box).
TEST(ExtractTest, LongAuthorBoxNamingTheAuthorGoes) {
  std::string body;
  for (int k = 0; k < 14; ++k)
    body += "<p>Hive " + std::to_string(k) +
            " in the orchard: the colony came through the winter, the queen is laying and the "
            "brood frames are full from one side to the other.</p>";
  std::string bio;
  for (int k = 0; k < 8; ++k)
    bio += "Nils keeps bees on a hillside farm and has written about them for years, season " +
           std::to_string(k) + " after season. ";
  std::string page = "<html><body><article><h1>Spring inspection</h1>" + body +
                     "<div class=\"author-card\"><div>Nils Aberg</div><p>" + bio +
                     "</p></div></article></body></html>";
  Options o;
  o.author = "Nils Aberg";
  Extracted e = run(page, o);
  EXPECT_TRUE(contains(e.text, "Hive 13 in the orchard")) << e.text;
  EXPECT_FALSE(contains(e.text, "hillside farm")) << e.text;
  Extracted no_author = run(page);
  EXPECT_TRUE(contains(no_author.text, "hillside farm")) << no_author.text;
}

// A list of downloads inside a page (fact sheets as PDF files) is the page's material: kept,
// though it is all links. A list of links to other pages beside it is still pruned.
TEST(ExtractTest, ListOfDocumentLinksStays) {
  Extracted e =
      run("<body><div class=\"page\"><h1>Home repair programs</h1><p>The city helps owners who "
          "live in their homes pay for urgent repairs: roofs, heating, plumbing and access ramps, "
          "up to a limit that depends on the household's income.</p><p>Read the fact sheets below "
          "before you apply, and keep your proof of income and ownership at hand.</p><ul>"
          "<li><a href=\"/files/repair-fact-sheet.pdf\">Home Repair Fact Sheet</a></li>"
          "<li><a href=\"/files/eligible-repairs.PDF\">Eligible Repairs Fact Sheet</a></li>"
          "<li><a href=\"/files/income-rules.docx?v=2\">Income: what counts and what does not</a>"
          "</li></ul><p>Applications open in March and are answered within six weeks.</p><ul>"
          "<li><a href=\"/about/\">About the housing office</a></li><li><a href=\"/news/\">News "
          "from the housing office</a></li><li><a href=\"/jobs/\">Jobs at the housing office</a>"
          "</li></ul></div></body>");
  EXPECT_TRUE(contains(e.text, "Home Repair Fact Sheet")) << e.text;
  EXPECT_TRUE(contains(e.text, "Income: what counts")) << e.text;
  EXPECT_FALSE(contains(e.text, "Jobs at the housing office")) << e.text;
}

// A list of links that a paragraph introduces with a colon is part of the text (the projects
// of other blogs, each a link); a list of links without such an introduction is still pruned.
TEST(ExtractTest, ListIntroducedByAParagraphStays) {
  Extracted e =
      run("<body><div class=\"post\"><h1>Easy wood projects</h1><p>Some friends and I made small "
          "wooden pieces for the house this spring, using only a saw, a drill and a sander, and "
          "each of us wrote about it.</p><p>Mine is a shelf for the hall; here are the projects my "
          "friends made:</p><ul><li><a href=\"https://one.example/shelf/\">Pipe and plank "
          "bookshelf</a></li><li><a href=\"https://two.example/arrows/\">Arrows from old "
          "fence boards</a></li><li><a href=\"https://three.example/crate/\">A crate on "
          "wheels for toys</a></li></ul><p>Each project takes a weekend at most, and none needs "
          "more than a few boards.</p><ul><li><a href=\"/about/\">About this blog</a></li><li><a "
          "href=\"/contact/\">Write to the author</a></li><li><a href=\"/shop/\">The shop of the "
          "blog</a></li></ul></div></body>");
  EXPECT_TRUE(contains(e.text, "Pipe and plank bookshelf")) << e.text;
  Extracted t =
      run("<body><div class=\"post\"><h1>Spring fairs</h1><p>The valley holds a fair in every "
          "village between April and June, with markets, music and food from the farms around.</p>"
          "<p>This year's dates and the pages of the villages that hold them:</p><table><tr><td><a "
          "href=\"https://one.example/\">Upper Mill fair</a></td><td><a href=\"https://one.example/"
          "dates/\">April 12</a></td></tr><tr><td><a href=\"https://two.example/\">Lakeside fair"
          "</a></td><td><a href=\"https://two.example/dates/\">May 3</a></td></tr></table><p>Entry "
          "is free, and buses run from the station every hour on fair days.</p></div></body>");
  EXPECT_TRUE(contains(t.text, "Lakeside fair")) << t.text;
  EXPECT_TRUE(contains(e.text, "A crate on wheels for toys")) << e.text;
  EXPECT_FALSE(contains(e.text, "Write to the author")) << e.text;
}

// A list of links between two paragraphs of prose is part of the text, even without a colon
// introducing it; the same list after the last paragraph is still pruned.
TEST(ExtractTest, ListBetweenParagraphsStays) {
  std::string para =
      "<p>The old harbour was dredged again this winter, and the ferries that stopped calling "
      "at the town a decade ago are back on the timetable, twice a day in summer and once a "
      "day in the cold months, weather allowing; the first boat leaves before seven.</p>";
  std::string links =
      "<ul><li><a href=\"https://ferry.example/north/\">Northern crossing</a></li><li><a "
      "href=\"https://ferry.example/south/\">Southern crossing</a></li><li><a "
      "href=\"https://ferry.example/night/\">Night crossing</a></li></ul>";
  std::string more =
      "<p>Tickets are sold at the pier and on board, and children under twelve travel free "
      "with an adult; bicycles cost a small fee, and cars must be booked a day ahead in July "
      "and August, when the crossings fill up fastest and the queue reaches the square.</p>";
  Extracted e = run("<body><div class=\"story\"><h1>Ferries return</h1>" + para + links + more +
                    "</div></body>");
  EXPECT_TRUE(contains(e.text, "Southern crossing")) << e.text;
  Extracted after = run("<body><div class=\"story\"><h1>Ferries return</h1>" + para + more + links +
                        "</div></body>");
  EXPECT_FALSE(contains(after.text, "Southern crossing")) << after.text;
}

// A guide's section made of a list of links under its own heading (the lessons of a course)
// is part of the guide when the guide around it is prose; a list of links under a heading in
// a box without prose (a footer's column) is not.
TEST(ExtractTest, ListUnderHeadingInProseStays) {
  std::string intro;
  for (int k = 0; k < 10; ++k)
    intro += "<p>Part " + std::to_string(k) +
             " of the course plan: each module starts with a short overview, then the "
             "lessons in order, and ends with exercises that reuse what came before.</p>";
  Extracted e =
      run("<body><div class=\"guide\"><h1>Learning statistics</h1>" + intro +
          "<h3>1. Describing data</h3><ul><li><a href=\"/lessons/mean/\">Mean and median</a></li>"
          "<li><a href=\"/lessons/spread/\">Measures of spread</a></li><li><a "
          "href=\"/lessons/plots/\">Plots for one variable</a></li></ul></div><div class=\"cols\">"
          "<h3>Company</h3><ul><li><a href=\"/about/\">About us</a></li><li><a "
          "href=\"/careers/\">Careers</a></li></ul></div></body>");
  EXPECT_TRUE(contains(e.text, "Measures of spread")) << e.text;
  EXPECT_FALSE(contains(e.text, "Careers")) << e.text;
}

// A short line ending in a colon introduces a list as well as a paragraph does ("Three places
// to start:"); a label of a word or two ("Tags:") does not, and its links go.
TEST(ExtractTest, ShortIntroLineKeepsItsListButALabelDoesNot) {
  Extracted e = run(
      "<body><div class=\"post\"><h1>Walking the coast</h1><p>The coast path runs for ninety "
      "miles between the two estuaries, and most of it can be walked in a day's stages from the "
      "villages along the way.</p><p>Three places to start the walk:</p><ul><li><a "
      "href=\"https://one.example/\">The north harbour</a></li><li><a "
      "href=\"https://two.example/\">The lighthouse car park</a></li><li><a "
      "href=\"https://three.example/\">The old station</a></li></ul><p>Each has parking, a cafe "
      "and a map of the stages at the start of the path.</p><p>Tags:</p><ul><li><a "
      "href=\"/tag/walks/\">walks</a></li><li><a href=\"/tag/coast/\">coast</a></li><li><a "
      "href=\"/tag/maps/\">maps</a></li></ul></div></body>");
  EXPECT_TRUE(contains(e.text, "The lighthouse car park")) << e.text;
  EXPECT_FALSE(contains(e.text, "maps")) << e.text;
}

TEST(ExtractTest, RepeatedWordFillerIsNoContent) {
  // A font-measuring element: one word repeated, outweighing the page's short teasers.
  std::string filler;
  for (int k = 0; k < 150; ++k) filler += "word ";
  Extracted e =
      run("<body><div style=\"position:absolute;left:-9999px\">" + filler +
          "</div><main><h1>Latest from the harbour</h1><p>The ferry timetable changes on Monday, "
          "with two more crossings each day in the summer months and a late boat on Fridays.</p>"
          "</main></body>");
  EXPECT_TRUE(contains(e.text, "The ferry timetable changes on Monday")) << e.text;
  EXPECT_FALSE(contains(e.text, "word word")) << e.text;
}

TEST(ExtractTest, HeadedGridOfLinkedCardsIsAList) {
  // A heading and an intro line open a grid of five link-heavy cards: they are not items of
  // the grid, which is the page's list (before, the cards were pruned as link blocks).
  const char* cards[][4] = {{"Harbour Map", "Sea charts", "Maps", "Sailing"},
                            {"Tide Clock", "High water", "Weather", "Widgets"},
                            {"Knot Book", "Forty knots", "Guides", "Sailing"},
                            {"Crew List", "Who sails", "Planning", "Teams"},
                            {"Sail Log", "Miles logged", "Logs", "Travel"}};
  std::string grid;
  for (const auto& c : cards)
    grid += std::string("<section class=\"card\"><div class=\"card-body\"><a href=\"/p/\">") +
            c[0] + "</a> <span>" + c[1] + "</span></div><div class=\"topics\"><a href=\"/t/\">" +
            c[2] + "</a> <a href=\"/t/\">" + c[3] + "</a></div></section>";
  Extracted e =
      run("<html><body><header><nav><a href=\"/\">Home</a> <a href=\"/new\">New</a> <a "
          "href=\"/top\">Top</a></nav></header><main><div class=\"stack\"><h2>Top tools launching "
          "today</h2><p>Ranked by the votes of the community each morning.</p>" +
          grid + "</div></main><footer><a href=\"/about\">About</a></footer></body></html>");
  EXPECT_TRUE(contains(e.text, "Harbour Map Sea charts")) << e.text;
  EXPECT_TRUE(contains(e.text, "Sail Log Miles logged")) << e.text;
  EXPECT_FALSE(contains(e.text, "About")) << e.text;
}

TEST(ExtractTest, SecondRenderingOfABlockIsLeftOut) {
  // A responsive page renders its feature block twice (wide and narrow layouts, one hidden by
  // a stylesheet): the text is the page's once.
  const std::string block =
      "<h2>Plan the season</h2><p>Set out each crossing of the summer with its tide, crew and "
      "berth, and share the plan with everyone aboard.</p>";
  Extracted e =
      run("<body><main><h1>Harbour planner</h1><p>The planner keeps a small "
          "sailing club's season in one place, from the first launch to the last "
          "haul-out, and sends each crew its own list.</p><div class=\"wide\">" +
          block + "</div><div class=\"narrow\">" + block +
          "</div><p>Clubs of up to forty boats use it free of charge.</p></main>"
          "</body>");
  // The paragraph's repeat would go as a repeated block anyway; its short heading would not.
  size_t first = e.text.find("Plan the season");
  ASSERT_NE(first, std::string::npos) << e.text;
  EXPECT_EQ(e.text.find("Plan the season", first + 1), std::string::npos) << e.text;
  EXPECT_TRUE(contains(e.text, "Set out each crossing")) << e.text;
  EXPECT_TRUE(contains(e.text, "Clubs of up to forty boats")) << e.text;

  // The renderings need not share a tag.
  Extracted f =
      run("<body><main><h1>Harbour planner</h1><p>The planner keeps a small "
          "sailing club's season in one place, from the first launch to the last "
          "haul-out, and sends each crew its own list.</p><section class=\"wide\">" +
          block + "</section><div class=\"narrow\">" + block + "</div></main></body>");
  first = f.text.find("Plan the season");
  ASSERT_NE(first, std::string::npos) << f.text;
  EXPECT_EQ(f.text.find("Plan the season", first + 1), std::string::npos) << f.text;
}

TEST(ExtractTest, LongListUnderAnIntroInTheMainRegionIsTheContent) {
  // A list page that is no article: an intro of some 600 bytes, then a list of linked entries
  // holding over four times its text, in the page's <main>. The list is the content.
  std::string intro;
  for (int k = 0; k < 4; ++k)
    intro +=
        "The harbour prize has been given each spring since 1950 to the crews and builders "
        "whose work did most for small-boat sailing on the coast, chosen by a jury of "
        "harbour masters. ";
  std::string list;
  for (int k = 0; k < 70; ++k)
    list += "<li><a href=\"/crew/" + std::to_string(k) + "\">Crew of the boat number " +
            std::to_string(k) + "</a>, " + std::to_string(1950 + k) + ", for seamanship</li>";
  Extracted e = run(
      "<html><body><nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav><main><h1>List "
      "of harbour prize winners</h1><div class=\"intro\"><p>" +
      intro + "</p></div><ul class=\"winners\">" + list + "</ul></main></body></html>");
  EXPECT_TRUE(contains(e.text, "Crew of the boat number 7, 1957, for seamanship")) << e.text;
  EXPECT_TRUE(contains(e.text, "chosen by a jury of harbour masters")) << e.text;
}

// A landing page's one <h1> opens a hero section, and its feature, plan and customer sections
// lie beside it under one wrapper, with rows of links between them: the customer stories score
// best alone, but the wrapper holding them and the heading is the content. A story whose text
// is most of the element holding it and its headline keeps only the text: the photo caption
// beside the headline stays out.
TEST(ExtractTest, SectionsUnderTheOnlyH1AreTheContent) {
  Extracted e = run(fixture("landing-page-sections.html"));
  for (const char* want : {"Publish sailings, delays and fares from one screen",
                           "Sailings are entered once and appear on the website",
                           "Seasonal routes can be paused over the winter",
                           "The harbour master of a small island told us"})
    EXPECT_TRUE(contains(e.text, want)) << "missing: " << want << "\n---\n" << e.text;
  for (const char* unwanted :
       {"Made by a small team on the coast", "Island Ferries", "Sign in", "Start a free trial"})
    EXPECT_FALSE(contains(e.text, unwanted)) << "leaked: " << unwanted << "\n---\n" << e.text;
  Extracted a = run(fixture("story-under-headline.html"));
  EXPECT_TRUE(contains(a.text, "The cooperative that runs the route")) << a.text;
  EXPECT_FALSE(contains(a.text, "photographed by a passenger")) << a.text;
  EXPECT_FALSE(contains(a.text, "Other island story")) << a.text;
}

// The best container is the first in document order among those of the highest score:
// score() finds it as each element's score is complete, children before parents, so ties
// are broken by document order (a wrapper holding only the article scores what the article
// does, and the outer one wins; of two equal articles side by side the first does).
TEST(ExtractTest, TiedScoresGoToTheFirstElementInDocumentOrder) {
  const std::string prose =
      "<p>The harbour ferry now runs every twenty minutes between the old town and the new "
      "quay, and the council says the route will stay open through the winter months.</p>";
  // A block of links longer than the paragraph: it costs the body more than the paragraph
  // is worth, so the body (which holds everything) is no winner.
  std::string links = "<div id=more>";
  for (int k = 0; k < 12; ++k) links += "<a href=/s" + std::to_string(k) + ">Another section</a> ";
  links += "</div>";
  Options o;
  o.explain = true;
  Extracted nested =
      run("<html><body><div id=outer><div id=inner>" + prose + "</div></div>" + links, o);
  EXPECT_EQ(nested.explain.substr(0, nested.explain.find('\n')),
            "winner (best): html > body > div#outer")
      << nested.explain;
  Extracted twins = run(
      "<html><body><div id=first>" + prose + "</div><div id=second>" + prose + "</div>" + links, o);
  EXPECT_EQ(twins.explain.substr(0, twins.explain.find('\n')),
            "winner (best): html > body > div#first")
      << twins.explain;
}

}  // namespace
}  // namespace klartext::extract
