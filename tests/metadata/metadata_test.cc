// Tests for src/metadata/metadata.h on small pages of our own: which source wins for each
// field, title cleaning, bylines and dates in text, limits.
#include "metadata/metadata.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "html/parser.h"

namespace klartext::metadata {
namespace {

Metadata meta_of(std::string html, std::string url = "", std::string ref = "2026-11-30") {
  auto doc = html::parse(std::move(html));
  EXPECT_TRUE(doc.ok());
  MetadataOptions o;
  o.url = std::move(url);
  o.reference_date = std::move(ref);
  return extract_metadata(*doc.value(), o);
}

// Blank runs before a text are passed over 16, 8 and 1 bytes at a time: a byline is read after
// any length and mix of spaces, tabs, CRs and LFs.
TEST(MetadataTest, BylineAfterBlankRunsOfEveryLength) {
  const std::string blanks = " \n\t\r";
  for (size_t len = 0; len < 40; ++len) {
    std::string run;
    for (size_t i = 0; i < len; ++i) run += blanks[(i * 3 + len) % 4];
    EXPECT_EQ(meta_of("<body><div>" + run + "<p>" + run + "By Jane Doe" + run + "</p></div></body>")
                  .author,
              "Jane Doe")
        << len;
  }
}

// A hand-built document, independent of the parser.
TEST(MetadataTest, HandBuiltDocument) {
  dom::Document doc;
  auto el = [&](dom::Node* parent, dom::Tag tag, std::string_view name) {
    dom::Node* n = doc.create_element(tag, doc.copy_string(name), dom::Namespace::kHtml);
    dom::Document::append_child(parent, n);
    return n;
  };
  auto attrs = [&](dom::Node* n,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> kv) {
    dom::Attribute* a = doc.set_attributes(n, uint32_t(kv.size()));
    for (const auto& [k, v] : kv) {
      a->name = doc.copy_string(k);
      a->value = doc.copy_string(v);
      ++a;
    }
  };
  dom::Node* html = el(doc.root(), dom::Tag::kHtml, "html");
  attrs(html, {{"lang", "de-de"}});
  dom::Node* head = el(html, dom::Tag::kHead, "head");
  dom::Node* meta = el(head, dom::Tag::kMeta, "meta");
  attrs(meta, {{"property", "og:title"}, {"content", "Ein Titel"}});
  dom::Node* body = el(html, dom::Tag::kBody, "body");
  dom::Node* p = el(body, dom::Tag::kP, "p");
  dom::Document::append_child(p, doc.create_text(doc.copy_string("Von Max Mustermann")));
  dom::Node* p2 = el(body, dom::Tag::kP, "p");
  dom::Document::append_child(p2, doc.create_text(doc.copy_string("Stand: 29. November 2026")));
  MetadataOptions o;
  o.reference_date = "2026-11-30";
  Metadata m = extract_metadata(doc, o);
  EXPECT_EQ(m.title, "Ein Titel");
  EXPECT_EQ(m.language, "de-DE");
  EXPECT_EQ(m.author, "Max Mustermann");
  EXPECT_EQ(m.date, "2026-11-29");
}

TEST(MetadataTest, EmptyDocument) {
  dom::Document doc;
  Metadata m = extract_metadata(doc);
  EXPECT_TRUE(m.title.empty());
  EXPECT_TRUE(m.date.empty());
  EXPECT_TRUE(m.tags.empty());
}

TEST(MetadataTest, JsonLdWinsOverOpenGraphAndMeta) {
  Metadata m = meta_of(R"(<html><head>
    <title>Old title | Example News</title>
    <meta property="og:title" content="OG headline">
    <meta name="author" content="Meta Author">
    <meta property="article:published_time" content="2026-11-01T09:00:00Z">
    <script type="application/ld+json">
    {"@context":"https://schema.org","@type":"NewsArticle","headline":"The JSON-LD headline",
     "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
     "datePublished":"2026-11-02T10:30:00+01:00",
     "publisher":{"@type":"Organization","name":"Example News"},}
    </script></head><body><p>Text</p></body></html>)");
  EXPECT_EQ(m.title, "The JSON-LD headline");
  EXPECT_EQ(m.author, "Jane Doe, John Roe");
  EXPECT_EQ(m.date, "2026-11-02T10:30:00+01:00");
  EXPECT_EQ(m.sitename, "Example News");
}

// Next.js renders structured data handed to its metadata "other" field as a meta tag; its
// JSON (entity-escaped in the attribute) is read as JSON-LD.
TEST(MetadataTest, JsonLdInAMetaTag) {
  Metadata m = meta_of(R"(<html><head><title>Guide | Volt Cars</title>
    <meta name="script:ld+json" content="{&quot;@context&quot;:&quot;https://schema.org&quot;,
      &quot;@type&quot;:&quot;Article&quot;,&quot;headline&quot;:&quot;Electric Cars: A Guide&quot;,
      &quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}">
    </head><body><p>Text</p></body></html>)");
  EXPECT_EQ(m.title, "Electric Cars: A Guide");
  EXPECT_EQ(m.date, "2025-11-17T09:00:00-05:00");
  // Broken JSON there is passed over like a broken script.
  Metadata b =
      meta_of(R"(<head><title>Plain</title><meta name="script:ld+json" content="{oops"></head>)");
  EXPECT_EQ(b.title, "Plain");
  EXPECT_EQ(b.date, "");
}

// A site on a subdomain names itself by a later label of the host ("promotions.shopzilla.com",
// "forum.example.org"): that part of <title> is cut; a headline that only contains the name is
// kept.
TEST(MetadataTest, SiteNameFromALaterHostLabel) {
  EXPECT_EQ(meta_of("<title>Spring Deals | Shopzilla.com</title>",
                    "https://promotions.shopzilla.com/spring/index.html")
                .title,
            "Spring Deals");
  EXPECT_EQ(meta_of("<title>Boot Panic / Arch Forum</title>",
                    "https://bbs.archforum.org/viewtopic.php?id=1")
                .title,
            "Boot Panic");
  // A generic second-level label of a country domain names nothing.
  EXPECT_EQ(meta_of("<title>Com Port Settings</title><body><h1>Com Port Settings</h1></body>",
                    "https://docs.example.com.au/com")
                .title,
            "Com Port Settings");
  // The headline mentions the site's name: it stays the headline.
  EXPECT_EQ(meta_of("<title>Ansiblex playbooks - Ansiblex Documentation</title>"
                    "<body><h1>Ansiblex playbooks</h1></body>",
                    "https://docs.ansiblex.example/playbooks.html")
                .title,
            "Ansiblex playbooks");
}

TEST(MetadataTest, OpenGraphAndMetaFields) {
  Metadata m = meta_of(R"(<html><head>
    <meta property="og:title" content="A headline">
    <meta property="og:site_name" content="The Site">
    <meta property="og:description" content="What it is about.">
    <meta name="description" content="Less preferred.">
    <meta property="og:image" content="/img/lead.jpg">
    <meta property="og:locale" content="fr_FR">
    <meta property="article:tag" content="one"><meta property="article:tag" content="two">
    <meta name="keywords" content="k1, k2">
    <meta property="article:section" content="Politics">
    <meta property="article:published_time" content="2026-10-05">
    <meta property="article:author" content="https://facebook.example/someone">
    <meta name="author" content="Real Name">
    <link rel="canonical" href="/story/42">
    </head><body></body></html>)",
                       "https://www.site.example/story/42?utm=x");
  EXPECT_EQ(m.title, "A headline");
  EXPECT_EQ(m.sitename, "The Site");
  EXPECT_EQ(m.description, "What it is about.");
  EXPECT_EQ(m.image, "https://www.site.example/img/lead.jpg");
  EXPECT_EQ(m.language, "fr-FR");
  ASSERT_EQ(m.tags.size(), 2u);
  EXPECT_EQ(m.tags[0], "one");
  EXPECT_EQ(m.tags[1], "two");
  ASSERT_EQ(m.categories.size(), 1u);
  EXPECT_EQ(m.categories[0], "Politics");
  EXPECT_EQ(m.date, "2026-10-05");
  EXPECT_EQ(m.author, "Real Name");  // a profile URL is not a name
  EXPECT_EQ(m.canonical_url, "https://www.site.example/story/42");
}

TEST(MetadataTest, LanguageSources) {
  EXPECT_EQ(meta_of("<html lang='EN_us'><body></body></html>").language, "en-US");
  EXPECT_EQ(meta_of("<html><head><meta http-equiv='content-language' content='de, en'>"
                    "</head></html>")
                .language,
            "de");
  EXPECT_EQ(meta_of("<html lang='zh-hant-tw'></html>").language, "zh-Hant-TW");
  EXPECT_EQ(meta_of("<html lang='not a tag!'></html>").language, "");
}

TEST(MetadataTest, TitleSuffixStripping) {
  // The suffix names the site given by og:site_name.
  EXPECT_EQ(meta_of("<title>Rain Expected Tomorrow | Daily Planet</title>"
                    "<meta property=og:site_name content='Daily Planet'>")
                .title,
            "Rain Expected Tomorrow");
  // The suffix names the host.
  Metadata m = meta_of("<title>Rain Expected Tomorrow - DailyPlanet</title>",
                       "https://www.dailyplanet.example/rain");
  EXPECT_EQ(m.title, "Rain Expected Tomorrow");
  EXPECT_EQ(m.sitename, "DailyPlanet");  // taken from the title, as the site writes it
  // A prefix naming the site (on an article's page; a front page keeps it, see
  // FrontPageKeepsLeadingSiteName).
  EXPECT_EQ(meta_of("<title>Daily Planet | Rain Expected Tomorrow</title>",
                    "https://dailyplanet.example/news/rain")
                .title,
            "Rain Expected Tomorrow");
  // A long head that merely mentions the host is the headline, not a site prefix.
  EXPECT_EQ(
      meta_of("<title>How We Built The DailyPlanet Search - A Story In Five Long Parts</title>",
              "https://dailyplanet.example/")
          .title,
      "How We Built The DailyPlanet Search - A Story In Five Long Parts");
  // Not the site: kept whole.
  EXPECT_EQ(meta_of("<title>Python - The Good Parts</title>", "https://books.example/").title,
            "Python - The Good Parts");
  // A chain of site, section and service parts is cut to the headline, part by part.
  EXPECT_EQ(meta_of("<title>Care That Fits Your Week | Mindwell | Online Therapy | Video Calls | "
                    "Night Support</title>",
                    "https://mindwell.example/")
                .title,
            "Care That Fits Your Week");
}

TEST(MetadataTest, HeadlineH1PreferredWhenItMatchesTheTitle) {
  Metadata m = meta_of(R"(<title>Rain Expected Tomorrow, Say Forecasters :: Weather Desk</title>
    <body><h1>Weather Desk</h1><article><h1>Rain Expected Tomorrow, Say Forecasters</h1>
    </article></body>)",
                       "https://weatherdesk.example/");
  EXPECT_EQ(m.title, "Rain Expected Tomorrow, Say Forecasters");
  // No <title> at all: the h1.
  EXPECT_EQ(meta_of("<body><h1>Only A Heading Here</h1></body>").title, "Only A Heading Here");
}

TEST(MetadataTest, BylinesInText) {
  EXPECT_EQ(meta_of("<body><p class=byline>By Jane Doe | Nov 3, 2026</p></body>").author,
            "Jane Doe");
  EXPECT_EQ(meta_of("<body><div>Par Marie Curie</div></body>").author, "Marie Curie");
  EXPECT_EQ(meta_of("<body><div>Por Ana García</div></body>").author, "Ana García");
  EXPECT_EQ(meta_of("<body><p>作者：张三</p></body>").author, "张三");
  EXPECT_EQ(meta_of("<body><p>By <a href=/a/jd>Jane Doe</a> on May 2, 2026</p></body>").author,
            "Jane Doe");
  EXPECT_EQ(meta_of("<body><span class='post-author vcard'>Sam Lee</span></body>").author,
            "Sam Lee");
  EXPECT_EQ(meta_of("<body><a rel=author href=/u/1>Kim Park</a></body>").author, "Kim Park");
  // A forum thread's opener ("Started by", SMF) and a plural label before several names.
  EXPECT_EQ(meta_of("<body><h2>Which pump?</h2><p>Started by Lee Grant, June 04, 2024, "
                    "11:23:55 AM</p></body>")
                .author,
            "Lee Grant");
  EXPECT_EQ(meta_of("<body><p>Authors: Ann Roe and Bo Lind</p></body>").author,
            "Ann Roe and Bo Lind");
  // Prose that begins with "By" is not a byline.
  EXPECT_EQ(meta_of("<body><p>By the time the river rose, everyone in the valley had left "
                    "their homes and gone to the hills above the town.</p></body>")
                .author,
            "");
  // Labels are not names.
  EXPECT_EQ(meta_of("<body><span class=author>Author</span></body>").author, "");
}

TEST(MetadataTest, MoreBylineShapes) {
  // Twitter card label/data pairs.
  EXPECT_EQ(meta_of("<meta name=twitter:label1 content='Written by'>"
                    "<meta name=twitter:data1 content='Pat Smith'>"
                    "<meta name=twitter:label2 content='Est. reading time'>"
                    "<meta name=twitter:data2 content='4 minutes'>")
                .author,
            "Pat Smith");
  // A label in its own element, the name in the next one.
  EXPECT_EQ(meta_of("<body><div><p>Written by</p><p>Edda Berg</p></div></body>").author,
            "Edda Berg");
  // An avatar (or an icon) between the label and the name is passed over, three elements at
  // most; a label with nothing after it names no one.
  EXPECT_EQ(meta_of("<body><div><span>Written by:</span><picture><img src=a.jpg></picture>"
                    "<i class=icon></i><span>Edda Berg</span></div></body>")
                .author,
            "Edda Berg");
  EXPECT_EQ(meta_of("<body><div><span>Written by:</span><img src=a.jpg><img src=b.jpg>"
                    "<img src=c.jpg><img src=d.jpg><span>Edda Berg</span></div></body>")
                .author,
            "");
  EXPECT_EQ(meta_of("<body><div><span>Written by:</span><img src=a.jpg></div></body>").author, "");
  // An author box: name first, then a bio too long to be a name.
  EXPECT_EQ(meta_of("<body><div class=author-box><b>Ravi Rao</b> writes about energy and "
                    "transport policy for the paper, and before that covered science for "
                    "several local radio stations.</div></body>")
                .author,
            "Ravi Rao");
  // Chinese credit lines anywhere in a short line; prose mentioning reporters is not one.
  EXPECT_EQ(meta_of("<body><p>光明日报记者 王建宏</p></body>").author, "王建宏");
  EXPECT_EQ(meta_of("<body><p>（责任编辑：魏喆）</p></body>").author, "魏喆");
  EXPECT_EQ(meta_of("<body><p>记者注意到，今年1月以来该市新增了不少项目。</p></body>").author, "");
  // "authority" is not "author".
  EXPECT_EQ(meta_of("<body><div class=authority-control>Library Records</div></body>").author, "");
  // RDFa Dublin Core.
  EXPECT_EQ(meta_of("<meta property='dc:creator twitter:site_name' content='Creator Name'>").author,
            "Creator Name");
}

TEST(MetadataTest, AsideInsideArticleIsNotNoise) {
  EXPECT_EQ(meta_of("<body><article><aside><time datetime='2021-06-06'>June 6, 2021</time>"
                    "</aside><p>Text</p></article></body>")
                .date,
            "2021-06-06");
  EXPECT_EQ(meta_of("<body><aside><time datetime='2021-06-06'>June 6, 2021</time></aside>"
                    "</body>")
                .date,
            "");
}

TEST(MetadataTest, ClearTitleSuffixWithoutSiteName) {
  EXPECT_EQ(meta_of("<title>How Meditation Rewires Brains | Opinion</title>").title,
            "How Meditation Rewires Brains");
}

TEST(MetadataTest, MicrodataAndTimeElements) {
  Metadata m = meta_of(R"(<body><article itemscope itemtype="https://schema.org/Article">
    <h2 itemprop="headline">Microdata headline</h2>
    <span itemprop="author" itemscope><span itemprop="name">Lee Chan</span></span>
    <time itemprop="datePublished" datetime="2026-09-14">14 September</time>
    </article></body>)");
  EXPECT_EQ(m.title, "Microdata headline");
  EXPECT_EQ(m.author, "Lee Chan");
  EXPECT_EQ(m.date, "2026-09-14");
  EXPECT_EQ(meta_of("<body><time pubdate datetime='2026-08-01T12:00:00+02:00'>1 Aug</time>"
                    "</body>")
                .date,
            "2026-08-01T12:00:00+02:00");
}

TEST(MetadataTest, PublishedPreferredOverModified) {
  Metadata m = meta_of(R"(<head>
    <meta property="article:modified_time" content="2026-11-20">
    <meta property="article:published_time" content="2026-03-01"></head>
    <body><p>Updated November 20, 2026</p></body>)");
  EXPECT_EQ(m.date, "2026-03-01");
  // Only a modified date: used rather than nothing.
  EXPECT_EQ(meta_of("<meta property='article:modified_time' content='2026-11-20'>").date,
            "2026-11-20");
}

TEST(MetadataTest, DatesAreValidatedAgainstTheReferenceDate) {
  std::string page = "<meta property='article:published_time' content='2026-11-29'>";
  EXPECT_EQ(meta_of(page, "", "2026-11-30").date, "2026-11-29");
  EXPECT_EQ(meta_of(page, "", "2020-01-01").date, "");  // after an old crawl date
  EXPECT_EQ(meta_of("<meta name=date content='1990-05-05'>").date, "");
  // The text's first date is in the future; the next plausible one is used.
  EXPECT_EQ(meta_of("<body><p>Event on 5 May 2031.</p><p>Written 2 May 2026.</p></body>").date,
            "2026-05-02");
}

TEST(MetadataTest, DateFromTheUrlWhenNothingElse) {
  EXPECT_EQ(meta_of("<body><p>x</p></body>", "https://news.example/2026/04/07/story").date,
            "2026-04-07");
}

TEST(MetadataTest, CommentsAndRelatedListsAreIgnored) {
  Metadata m = meta_of(R"(<body><article><h1>Headline Of The Story</h1><p>Body text.</p></article>
    <div id="comments"><p class="comment-author">By Troll McTroll</p>
    <p>March 3, 2026</p></div>
    <aside><p>By Other Writer</p><p>April 4, 2026</p></aside></body>)");
  EXPECT_EQ(m.author, "");
  EXPECT_EQ(m.date, "");
}

TEST(MetadataTest, CitationAuthorsAreJoined) {
  Metadata m = meta_of(R"(<head><meta name="citation_title" content="On Rivers">
    <meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="Roe, John">
    <meta name="citation_publication_date" content="2026/02/03"></head>)");
  EXPECT_EQ(m.title, "On Rivers");
  EXPECT_EQ(m.author, "Doe, Jane; Roe, John");
  EXPECT_EQ(m.date, "2026-02-03");
  // Regression: five two-word names are more words than one byline holds, but each is a name.
  std::string five;
  for (const char* n :
       {"Anna Lindqvist", "Boris Kemper", "Carla Park", "Dmitri Hovan", "Edith Wunsch"})
    five += std::string("<meta name=\"citation_author\" content=\"") + n + "\">";
  EXPECT_EQ(meta_of("<head>" + five + "</head>").author,
            "Anna Lindqvist, Boris Kemper, Carla Park, Dmitri Hovan, Edith Wunsch");
  // One entry that is no name (a URL) and the list is not offered.
  EXPECT_EQ(meta_of("<head>" + five +
                    "<meta name=\"citation_author\" content=\"https://example.org/team\"></head>")
                .author,
            "");
}

TEST(MetadataTest, SitenameFallsBackToHost) {
  EXPECT_EQ(meta_of("<title>Hello</title>", "https://www.example.org/x").sitename, "example.org");
}

TEST(MetadataTest, DeepDocumentDoesNotRecurse) {
  // 300k nested elements built by hand (the parser would flatten them): the walk and the text
  // gathering are iterative, and max_nodes bounds the work.
  dom::Document doc;
  dom::Node* html = doc.create_element(dom::Tag::kHtml, "html", dom::Namespace::kHtml);
  dom::Document::append_child(doc.root(), html);
  dom::Node* body = doc.create_element(dom::Tag::kBody, "body", dom::Namespace::kHtml);
  dom::Document::append_child(html, body);
  dom::Node* cur = body;
  for (int i = 0; i < 300000; ++i) {
    dom::Node* d = doc.create_element(i % 2 ? dom::Tag::kH1 : dom::Tag::kDiv, i % 2 ? "h1" : "div",
                                      dom::Namespace::kHtml);
    dom::Document::append_child(cur, d);
    cur = d;
  }
  dom::Document::append_child(cur, doc.create_text("By Deep Writer"));
  MetadataOptions o;
  Metadata m = extract_metadata(doc, o);  // the text is beyond max_nodes
  EXPECT_EQ(m.author, "");
  o.max_nodes = 400000;
  m = extract_metadata(doc, o);
  EXPECT_EQ(m.author, "Deep Writer");
}

TEST(MetadataTest, TextScanIsCapped) {
  std::string page = "<body>";
  for (int i = 0; i < 2000; ++i) page += "<p>Filler paragraph with some words in it.</p>";
  page += "<p>Published March 3, 2026</p></body>";
  EXPECT_EQ(meta_of(page).date, "");  // beyond max_text_bytes
}

// Class and id tokens: matched case-insensitively anywhere in a token, but not in utility
// classes (':' or '[') or tokens over 64 bytes; the same value on many elements gives the same
// answer each time (class bits are remembered per page).
TEST(MetadataTest, ClassTokenRules) {
  auto author = [](const std::string& cls) {
    return meta_of("<body><div class=\"" + cls + "\">Jane Doe</div><p>Text</p></body>").author;
  };
  EXPECT_EQ(author("post-Byline"), "Jane Doe");
  EXPECT_EQ(author("x AUTHOR-name y"), "Jane Doe");
  EXPECT_EQ(author("entry-author"), "Jane Doe");
  EXPECT_EQ(author("md:byline"), "");
  EXPECT_EQ(author("w-[byline]"), "");
  EXPECT_EQ(author("authority"), "");
  EXPECT_EQ(author(std::string(60, 'q') + "byline"), "");
  EXPECT_EQ(author("md:flex " + std::string(60, 'q') + "byline byline"), "Jane Doe");
  // Values are looked at two bytes per step: a part is found at an even or odd start, at the
  // value's end, and in the shortest parts ("meta" marks a date region, not a byline).
  for (size_t lead = 0; lead <= 5; ++lead) {
    EXPECT_EQ(author(std::string(lead, 'q') + "writer"), "Jane Doe") << lead;
    EXPECT_EQ(author(std::string(lead, 'q') + "WRITER" + std::string(lead, 'q')), "Jane Doe");
    EXPECT_EQ(author(std::string(lead, 'q') + "writ"), "") << lead;
    EXPECT_EQ(author(std::string(lead, 'q') + "meta"), "") << lead;
  }
  // A noise class repeated: every occurrence is noise, the byline outside is read.
  Metadata m = meta_of(
      "<body><div class=\"comment-body\"><p class=byline>By Ann Other</p></div>"
      "<div class=\"comment-body\"><p class=byline>By Ann Other</p></div>"
      "<div class=byline>By Jane Doe</div></body>");
  EXPECT_EQ(m.author, "Jane Doe");
}

// Title separators: the last one splits a site suffix, the first one a site prefix (then a
// short tail after a headline of three words goes too).
TEST(MetadataTest, TitleSeparatorPositions) {
  EXPECT_EQ(meta_of("<title>Headline - dash | Example</title>", "https://www.example.com/a").title,
            "Headline - dash");
  EXPECT_EQ(meta_of("<title>Example | A long headline here</title>", "https://example.com/a").title,
            "A long headline here");
  EXPECT_EQ(
      meta_of("<title>Example :: Headline - with | dash</title>", "https://example.com/a").title,
      "Headline - with");
}

// Regression: Sphinx-style permalink marks after a heading are not part of the title.
TEST(MetadataTest, HeadingPermalinkMarksAreDropped) {
  EXPECT_EQ(
      meta_of("<title>Configuration - Gadget 2.1 docs</title><h1>Configuration\xC2\xB6</h1>").title,
      "Configuration");
  EXPECT_EQ(meta_of("<title>Install notes</title><h1>Install notes #</h1>").title, "Install notes");
  // A '#' that belongs to the name stays.
  EXPECT_EQ(meta_of("<title>Learning C# - Notes</title><h1>Learning C#</h1>").title, "Learning C#");
}

// Regression: an h1 set in capitals takes the capitalisation of the equal <title>.
TEST(MetadataTest, AllCapsHeadingTakesTitleCase) {
  Metadata m = meta_of(
      "<title>Best Kettles Of 2026: Tested At Home | Kitchen Bench</title>"
      "<h1>BEST KETTLES OF 2026: TESTED AT HOME</h1>");
  EXPECT_EQ(m.title, "Best Kettles Of 2026: Tested At Home");
}

// Regression: CMS-specific meta names that say "published date" are read.
TEST(MetadataTest, PublishedDateMetaNames) {
  EXPECT_EQ(meta_of("<meta name=\"published\" content=\"March 3, 2026\"><p>x</p>").date,
            "2026-03-03");
  EXPECT_EQ(meta_of("<meta name=\"x-page-published-date\" content=\"2026-04-05T08:00:00Z\">"
                    "<meta name=\"x-page-updated-date\" content=\"2026-06-01T08:00:00Z\">")
                .date,
            "2026-04-05T08:00:00+00:00");
  // "published-date" names the publication as "publish-date" does, over a generic date.
  EXPECT_EQ(meta_of("<meta name=\"datecreated\" content=\"2026-03-09\">"
                    "<meta name=\"published-date\" content=\"2021-02-16\"><p>x</p>")
                .date,
            "2021-02-16");
}

// Regression: labels in byline slots are not names.
TEST(MetadataTest, BylineLabelsAreNotNames) {
  EXPECT_EQ(meta_of("<body><div class=\"byline\">Updated</div>"
                    "<p>By Ana Lima</p></body>")
                .author,
            "Ana Lima");
  EXPECT_EQ(meta_of("<body><span class=\"author\">Mar 2 Written By</span>"
                    "<p>By Ana Lima</p></body>")
                .author,
            "Ana Lima");
  EXPECT_EQ(meta_of("<body><span class=\"byline\">5 min read</span></body>").author, "");
  EXPECT_EQ(meta_of("<body><span class=\"byline\">98 Gear Crew</span></body>").author,
            "98 Gear Crew");
}

// Regression: a byline that opens with its date ("Dec. 19, 2025 · Name") keeps the name.
TEST(MetadataTest, BylineAfterLeadingDate) {
  EXPECT_EQ(meta_of("<body><div class=\"post-author\">Oct. 4, 2026 \xC2\xB7 Rui Costa "
                    "on behalf of the team</div></body>")
                .author,
            "Rui Costa");
}

// Regression: the <footer> of an <article> holds the article's byline (HTML's article
// footer); the page footer still does not.
TEST(MetadataTest, ArticleFooterIsNotNoise) {
  EXPECT_EQ(meta_of("<body><article><p>Text.</p><footer><div class=\"author\">"
                    "<a rel=\"author\" href=\"/a/mk\">Mira Kovac</a></div></footer></article>"
                    "</body>")
                .author,
            "Mira Kovac");
  EXPECT_EQ(meta_of("<body><p>Text.</p><footer><div class=\"author\">Site Owner Name</div>"
                    "</footer></body>")
                .author,
            "");
}

// Regression: Chinese two-character names padded with an (ideographic) space are one name.
TEST(MetadataTest, PaddedChineseNameIsJoined) {
  EXPECT_EQ(meta_of("<body><p>\xE8\xAE\xB0\xE8\x80\x85\xEF\xBC\x9A\xE7\x8E\x8B"
                    "\xE3\x80\x80\xE8\x8A\xB3</p></body>")
                .author,
            "\xE7\x8E\x8B\xE8\x8A\xB3");
}

// Regression: a markup date whose day/month order is guessed ("03-09-2026") takes the
// reading the page shows; a shown date with a guessed order confirms the markup's reading.
TEST(MetadataTest, AmbiguousDayMonthOrderFollowsThePage) {
  EXPECT_EQ(
      meta_of("<html lang=\"en\"><meta name=\"article:published_time\" content=\"03-09-2026\">"
              "<body><p>Published March 9, 2026</p></body>")
          .date,
      "2026-03-09");
  // No shown date: the markup reading stands (dashes are day first).
  EXPECT_EQ(
      meta_of("<html lang=\"en\"><meta name=\"article:published_time\" content=\"03-09-2026\">")
          .date,
      "2026-09-03");
  // ISO markup is never swapped; a shown "09/10/2026" read month first still confirms it.
  EXPECT_EQ(meta_of("<html lang=\"en\"><script type=\"application/ld+json\">{\"@type\":\"Article\","
                    "\"datePublished\":\"2026-10-09T10:00:00Z\"}</script>"
                    "<body><span class=\"post-date\">09/10/2026</span></body>")
                .date,
            "2026-10-09T10:00:00+00:00");
}

// Regression: weekday names, month-and-day stamps and two-letter initials sit in byline
// slots but are not names.
TEST(MetadataTest, DateStampsAndInitialsAreNotNames) {
  EXPECT_EQ(meta_of("<body><span class=\"author\">Sat</span></body>").author, "");
  EXPECT_EQ(meta_of("<body><div class=\"author-date\">Jun 2</div></body>").author, "");
  EXPECT_EQ(meta_of("<body><span class=\"author-avatar\">NB</span></body>").author, "");
  EXPECT_EQ(meta_of("<body><p>Authored by: Lena Ortiz</p></body>").author, "Lena Ortiz");
}

// Regression: Chinese credits where the name is the next element ("作者：<a>名</a>"), the
// parenthesised credit closing a long paragraph, and "（名 地点报道）".
TEST(MetadataTest, ChineseCreditShapes) {
  // 作者：<a>李明</a>
  EXPECT_EQ(meta_of("<body><p>\xE4\xBD\x9C\xE8\x80\x85\xEF\xBC\x9A <a href=\"/u/1\">"
                    "\xE6\x9D\x8E\xE6\x98\x8E</a></p></body>")
                .author,
            "\xE6\x9D\x8E\xE6\x98\x8E");
  // A paragraph of over 300 bytes that ends "（本报记者 王芳）".
  std::string para;
  for (int i = 0; i < 40; ++i) para += "\xE6\x96\x87\xE5\xAD\x97";  // 文字
  EXPECT_EQ(meta_of("<body><p>" + para +
                    "\xE3\x80\x82\xEF\xBC\x88\xE6\x9C\xAC\xE6\x8A\xA5\xE8\xAE\xB0\xE8\x80\x85 "
                    "\xE7\x8E\x8B\xE8\x8A\xB3\xEF\xBC\x89</p></body>")
                .author,
            "\xE7\x8E\x8B\xE8\x8A\xB3");
  // （张伟 北京报道）
  EXPECT_EQ(meta_of("<body><p>" + para +
                    "\xEF\xBC\x88\xE5\xBC\xA0\xE4\xBC\x9F \xE5\x8C\x97\xE4\xBA\xAC"
                    "\xE6\x8A\xA5\xE9\x81\x93\xEF\xBC\x89</p></body>")
                .author,
            "\xE5\xBC\xA0\xE4\xBC\x9F");
}

// Regression: an h1 that prefixes the meta headline with a date or a section name is
// decorated; the meta headline is the title. An h1 that extends it at the end stays.
TEST(MetadataTest, DecoratedHeadingYieldsToMetaHeadline) {
  EXPECT_EQ(meta_of("<meta property=\"og:title\" content=\"Moving the build to a new runner\">"
                    "<h1><span>Oct 2 2026</span> Moving the build to a new runner</h1>")
                .title,
            "Moving the build to a new runner");
  EXPECT_EQ(meta_of("<meta property=\"og:title\" content=\"Garden Hose Guide\">"
                    "<h1>Garden Hose Guide for Small Yards</h1>")
                .title,
            "Garden Hose Guide for Small Yards");
}

// Regression: a <time> inside the <article> beats one in a teaser list before it.
TEST(MetadataTest, TimeInsideArticleBeatsEarlierTeaser) {
  EXPECT_EQ(meta_of("<body><div class=\"teasers\"><time datetime=\"2026-05-02\">May 2</time></div>"
                    "<article><h1>Ferry timetable changes</h1>"
                    "<time datetime=\"2026-03-14\">March 14, 2026</time></article></body>")
                .date,
            "2026-03-14");
}

// Regression: a date printed right after the headline is its dateline: it beats markup the
// page does not show, as a date element does; a date deep in the text does not.
TEST(MetadataTest, DatelineAfterHeadline) {
  std::string stale =
      "<script type=\"application/ld+json\">{\"@type\":\"Article\","
      "\"datePublished\":\"2026-06-12\"}</script>";
  EXPECT_EQ(meta_of(stale + "<body><h1>Rowing basics</h1><p>November 2, 2024</p>"
                            "<p>Text.</p></body>")
                .date,
            "2024-11-02");
  EXPECT_EQ(meta_of(stale + "<body><h1>Rowing basics</h1><p>One.</p><p>Two.</p><p>Three.</p>"
                            "<p>Four.</p><p>Five.</p><p>Six.</p>"
                            "<p>Back on November 2, 2024 we rowed.</p></body>")
                .date,
            "2026-06-12");
}

// Regression: a date the page shows later than the markup's published date is an update
// ("Last updated: ...") or a later post's teaser, and the markup's first publication stands; a
// shown date earlier than the markup date means the markup was stamped again, and the shown
// one wins (DatelineAfterHeadline above).
TEST(MetadataTest, ShownDateLaterThanMarkupPublishedIsNotIt) {
  std::string published =
      "<head><meta property=\"article:published_time\" content=\"2025-01-08T09:00:00Z\">"
      "<meta property=\"article:modified_time\" content=\"2025-06-01T10:00:00Z\"></head>";
  EXPECT_EQ(meta_of(published + "<body><article><h1>Tide tables explained</h1>"
                                "<span class=\"post-date\">March 3, 2025</span>"
                                "<p>Text.</p></article></body>")
                .date,
            "2025-01-08T09:00:00+00:00");
  EXPECT_EQ(meta_of(published + "<body><article><h1>Tide tables explained</h1>"
                                "<span class=\"post-date\">October 3, 2024</span>"
                                "<p>Text.</p></article></body>")
                .date,
            "2024-10-03");
}

// Regression: an essay printed as title, a line holding only the author's name, then the
// text names its author by that line: one name or several joined by "、", the first starting
// with a common surname. A name alone after long text (a section about a person), in a
// heading or link, or followed only by a short menu entry is not an author.
TEST(MetadataTest, ChineseNameLineAboveTheText) {
  const std::string prose =
      "人心不会熄灭，但它可能蒙上灰烬而不再燃烧，灰烬本来是燃烧的产物，但它反过来又抑制了燃烧。";
  EXPECT_EQ(meta_of("<body><p align=center><strong>犬儒病</strong></p><hr><p> 胡平<br>\n<br>\n"
                    "&nbsp;&nbsp;" +
                    prose + "<br>" + prose + "</p></body>")
                .author,
            "胡平");
  EXPECT_EQ(meta_of("<body><div><b>下岗职工的再就业</b><br><br>下岗职工的再就业<br>"
                    "&nbsp;&nbsp;<br> 赵延东、风笑天 <br>&nbsp;&nbsp;<br> \u3000\u3000" +
                    prose + "</div></body>")
                .author,
            "赵延东、风笑天");
  // Not a common surname first ("简介", "Introduction").
  EXPECT_EQ(meta_of("<body><p>简介<br>" + prose + "</p></body>").author, "");
  // After long text: the subject of a section, not the author.
  EXPECT_EQ(
      meta_of("<body><p>" + prose + prose + "</p><p>陈升</p><p>" + prose + "</p></body>").author,
      "");
  // A menu: the name line is followed by another short entry.
  EXPECT_EQ(meta_of("<body><div>王府<br>首页<br></div><p>" + prose + "</p></body>").author, "");
  // A heading is no name line.
  EXPECT_EQ(meta_of("<body><h1>李白</h1><p>" + prose + "</p></body>").author, "");
}

// Regression: "文：" (text by) starts a byline, and a byline that is one line of a long cell
// ("...<br>文：眉间尺<br>...") is read as that line, not as the cell's first words.
TEST(MetadataTest, BylineLineInsideLongCell) {
  EXPECT_EQ(meta_of("<body><table><tr><td>影片是东西方文化交融最好的一部电影。<br><br>"
                    "文：眉间尺<br><br>我的博客</td></tr></table></body>")
                .author,
            "眉间尺");
  // Mid-line, after other words, "By" is prose.
  EXPECT_EQ(
      meta_of("<body><dl><dd><i>Proof:</i> By definition of the matrix</dd></dl></body>").author,
      "");
}

// Regression: a <title> made of the site's name and its slogan is the same on every page;
// below the front page the h1 is the page's title. On the front page the slogan stays.
TEST(MetadataTest, SiteSloganTitleGivesWayToHeading) {
  std::string page =
      "<title>Chatter - The heart of the internet</title><body><h1>Enameled pan and metal "
      "spoons</h1><p>Text.</p></body>";
  EXPECT_EQ(meta_of(page, "https://chatter.example/r/cooking/comments/1x/enameled").title,
            "Enameled pan and metal spoons");
  EXPECT_EQ(meta_of(page, "https://chatter.example/").title, "Chatter - The heart of the internet");
  // A one-word h1 is a box's label as often as a title.
  EXPECT_EQ(meta_of("<title>Chatter - The heart of the internet</title><body><h1>Search</h1>"
                    "</body>",
                    "https://chatter.example/r/cooking/")
                .title,
            "The heart of the internet");
}

// Full-width ASCII forms in a Latin title are an input method's leftovers and read as ASCII; a
// CJK title keeps its full-width punctuation.
TEST(MetadataTest, FullWidthFormsInLatinTitles) {
  EXPECT_EQ(meta_of("<title>How Does Robot Mapping Work\xEF\xBC\x9F</title>").title,
            "How Does Robot Mapping Work?");
  EXPECT_EQ(meta_of("<title>\xEF\xBC\xA1\xEF\xBC\xA2 Test\xEF\xBC\x81</title>").title, "AB Test!");
  EXPECT_EQ(meta_of("<title>\xE6\x80\x8E\xE4\xB9\x88\xE5\x8A\x9E\xEF\xBC\x9F</title>").title,
            "\xE6\x80\x8E\xE4\xB9\x88\xE5\x8A\x9E\xEF\xBC\x9F");  // 怎么办？
}

// A news story or blog post (JSON-LD NewsArticle, BlogPosting or a subtype) with one h1: the
// h1 is the headline even where <title> and the JSON-LD headline word it for search. A plain
// "Article", or a second h1, leaves the search title in place.
TEST(MetadataTest, NewsOrBlogPostSingleHeadlineWins) {
  auto page = [](std::string type, std::string extra_h1) {
    return "<title>Best Tents for Winter Camping in 2026 - Trail Notes</title>"
           "<script type=application/ld+json>{\"@context\":\"https://schema.org\",\"@type\":\"" +
           type +
           "\",\"headline\":\"Best Tents for Winter Camping in 2026\"}</script>"
           "<body><h1>Seven Warm Shelters We Slept In</h1>" +
           extra_h1 + "<p>Text.</p></body>";
  };
  const std::string url = "https://trailnotes.example/2026/tents";
  EXPECT_EQ(meta_of(page("BlogPosting", ""), url).title, "Seven Warm Shelters We Slept In");
  EXPECT_EQ(meta_of(page("NewsArticle", ""), url).title, "Seven Warm Shelters We Slept In");
  EXPECT_EQ(meta_of(page("ReportageNewsArticle", ""), url).title,
            "Seven Warm Shelters We Slept In");
  EXPECT_EQ(meta_of(page("Article", ""), url).title, "Best Tents for Winter Camping in 2026");
  EXPECT_EQ(meta_of(page("BlogPosting", "<h1>Gear Guide</h1>"), url).title,
            "Best Tents for Winter Camping in 2026");
}

// Regression: the post lines of Chinese blogs and forums name who posted: "由<name>张贴"
// (posted by) and "<name> 发表于 <date>" (posted at), the name also in the link before it.
// Brackets and label words before "发表于" are no names.
TEST(MetadataTest, ChinesePostedByLines) {
  EXPECT_EQ(meta_of("<body><p>正文。</p><div class=\"post-footer\"><em>由海姑娘张贴 @ "
                    "<a href=\"/p/1\">2005-06-14 03:25:55</a></em></div></body>")
                .author,
            "海姑娘");
  EXPECT_EQ(meta_of("<body><table><tr><td><b>警世钟</b><br><a href=\"/u/ggjjzhzz\">ggjjzhzz</a>"
                    " 发表于 2005-9-15 11:46:00 </td></tr></table></body>")
                .author,
            "ggjjzhzz");
  EXPECT_EQ(
      meta_of("<body><p>[ 点击此处收藏本文 ]&nbsp;&nbsp;发表于2005年09月07日</p></body>").author,
      "");
  EXPECT_EQ(meta_of("<body><p>编辑 发表于:2005-07-31</p></body>").author, "");
}

// Regression: a Chinese organisation's name (a site, a paper: kCjkOrgEndings) in an author
// slot gives way to a person's byline, and is kept when there is none.
TEST(MetadataTest, ChineseOrganisationAuthorIsAFallback) {
  EXPECT_EQ(meta_of("<body><div class=\"article-author-info\">中国新闻网</div><p>正文。</p>"
                    "<p>新京报记者 彭冲 山东冠县报道</p></body>")
                .author,
            "彭冲");
  EXPECT_EQ(meta_of("<head><meta name=\"author\" content=\"大汉网络\"></head><body><p>正文。</p>"
                    "</body>")
                .author,
            "大汉网络");
}

// Regression: names alone in the parenthesis that closes an article credit its writers, when
// the parenthesis ends a sentence or stands alone; a name's gloss ("Frances Sy (蔡嘉玲)") and
// a remark ("（待续）") are not credits.
TEST(MetadataTest, ChineseClosingParenthesisNames) {
  EXPECT_EQ(meta_of("<body><p>大家剪出了“廉洁”两字，过一个平安、祥和的新春佳节。（常书香 马丹阳 ）"
                    "</p></body>")
                .author,
            "常书香 马丹阳");
  EXPECT_EQ(
      meta_of("<body><div>到头来，一位自甘穷酸的外科医生。</div><div align=right>（袁源）</div>"
              "</body>")
          .author,
      "袁源");
  EXPECT_EQ(meta_of("<body><h3 class=\"instructor-name\">FRANCES SY ( 蔡嘉玲)</h3></body>").author,
            "");
  EXPECT_EQ(meta_of("<body><p>故事讲到这里。（待续）</p></body>").author, "");
}

// Regression: "Name, Director of Operations": after the comma of a two- or three-word
// capitalised name comes a role (lower-case linking words: of, to, the, at, for), and the
// name is kept; a list of names and a sentence ("By submitting this form, you agree to the
// terms") are not cut into names. A byline right after a date element is read from its text.
TEST(MetadataTest, NameBeforeRoleAfterComma) {
  EXPECT_EQ(meta_of("<head><meta name=\"author\" content=\"Ben Johns, Sr. Director of "
                    "Operations, Atlas Van Lines\"></head><body><p>x</p></body>")
                .author,
            "Ben Johns");
  EXPECT_EQ(meta_of("<body><div><time datetime=\"2017-03-01T12:00:00Z\">03/01/2017</time>\n"
                    " by Agatha Caleo, Candidate Representative to the Liaison Committee\n"
                    "</div></body>")
                .author,
            "Agatha Caleo");
  EXPECT_EQ(meta_of("<body><p>By Anna Berg, Lena Holm, and Ola Dahl</p></body>").author,
            "Anna Berg, Lena Holm, and Ola Dahl");
  EXPECT_EQ(
      meta_of("<body><p>By submitting this form, you agree to the terms of use</p></body>").author,
      "");
}

// Regression: a script-rendered forum serves its crawler view, with the post's author, in
// <noscript>; the parser builds it as elements and the author is read there.
TEST(MetadataTest, AuthorInsideNoscriptCrawlerView) {
  EXPECT_EQ(meta_of("<body><div id=\"app\"></div><noscript><div class=\"topic-body\">"
                    "<span class=\"creator\" itemprop=\"author\"><a href=\"/u/kayak_kim\">"
                    "<span itemprop=\"name\">kayak_kim</span></a></span><p>My question.</p>"
                    "</div></noscript></body>")
                .author,
            "kayak_kim");
}

// Regression: a microdata Person's name is its itemprop=name (text or <meta content>), not all
// its text (avatar initials, profile links); user names may hold digits.
TEST(MetadataTest, MicrodataPersonNameAndUserNames) {
  EXPECT_EQ(meta_of("<body><div itemprop=\"author\" itemscope>"
                    "<span itemprop=\"name\">trailrider2291</span>"
                    "<div class=\"avatar\"><span>T</span></div></div></body>")
                .author,
            "trailrider2291");
  EXPECT_EQ(meta_of("<body><span itemprop=\"author\" itemscope>"
                    "<meta itemprop=\"name\" content=\"Qubit42\"></span></body>")
                .author,
            "Qubit42");
  // Digits in a text of several words are still a date or a count.
  EXPECT_EQ(meta_of("<body><p>By 2026 03 11 12:40</p></body>").author, "");
}

// Regression: forum posts mark their author as a user name; a "Username" label is no name.
TEST(MetadataTest, ForumUserNameClasses) {
  EXPECT_EQ(meta_of("<body><header><span class=\"username\">Username</span></header>"
                    "<div class=\"post\"><a class=\"bigusername\" href=\"/m/7\">reefkeeper</a>"
                    "<div class=\"message\">My tank question.</div></div></body>")
                .author,
            "reefkeeper");
  EXPECT_EQ(meta_of("<body><article><h3 class=\"PostUser-name\">ann_mills</h3><p>Hi.</p></article>"
                    "</body>")
                .author,
            "ann_mills");
  // Form labels in user-name slots are not names either.
  EXPECT_EQ(meta_of("<body><label class=\"user-name-field\">First Name</label></body>").author, "");
}

// Regression: an h1 that is the part <title> adds to the headline is the site's banner, not
// the headline: the part after the last separator (when the first part names no site), or
// what <title> adds to og:title. The first part stays the headline.
TEST(MetadataTest, H1ThatIsTheTitleDecorationIsNotTheHeadline) {
  EXPECT_EQ(meta_of("<title>How Borrowing Works - The Lantern Handbook</title>"
                    "<body><div class=\"menu-bar\"><h1>The Lantern Handbook</h1></div>"
                    "<main><p>Text.</p></main></body>")
                .title,
            "How Borrowing Works");
  EXPECT_EQ(meta_of("<title>Tidewater Notes: Calibrating a cheap tide gauge</title>"
                    "<meta property=\"og:title\" content=\"Calibrating a cheap tide gauge\">"
                    "<body><h1>Tidewater Notes</h1><p>Text.</p></body>")
                .title,
            "Calibrating a cheap tide gauge");
  // When <title>'s first part names the site, the h1 after it is the headline.
  EXPECT_EQ(meta_of("<title>Harbor Gazette | Night Ferry Returns</title>"
                    "<body><h1>Night Ferry Returns</h1></body>",
                    "https://harborgazette.example/x")
                .title,
            "Night Ferry Returns");
  // A meta title that is only the site name does not make the headline a decoration.
  EXPECT_EQ(meta_of("<title>Old Radios Made Useful Again | Dialtone</title>"
                    "<meta property=\"og:title\" content=\"Dialtone\">"
                    "<body><h1>Old Radios Made Useful Again</h1></body>",
                    "https://dialtone.example/p/1")
                .title,
            "Old Radios Made Useful Again");
}

// Regression: class-named noise regions (here a body class naming "related" posts) do not hide
// the h1, which still is the page's headline. Only nav, aside and footer regions rule it out.
TEST(MetadataTest, H1InsideClassNamedNoiseRegionCounts) {
  EXPECT_EQ(meta_of("<title>Forming a Partnership in Ohio | Form Yours Today</title>"
                    "<body class=\"show-related-posts\"><h1>Forming a Partnership "
                    "in Ohio</h1><p>Text.</p></body>")
                .title,
            "Forming a Partnership in Ohio");
  EXPECT_EQ(meta_of("<title>Quiet Streets Ahead | Town Desk</title>"
                    "<body><nav><h1>Town Desk Menu</h1></nav><h1>Quiet Streets Ahead</h1></body>")
                .title,
            "Quiet Streets Ahead");
}

// Regression: page builders wrap whole pages in "widget" containers; bylines and dates inside
// them are the article's own.
TEST(MetadataTest, PageBuilderWidgetWrappersAreNotNoise) {
  Metadata m = meta_of(
      "<body><div class=\"span12 widget-span widget-type-blog_content\"><div class=\"post-meta\">"
      "<span class=\"meta-date\"><a href=\"/t\">May 18, 2023</a></span>"
      "<span class=\"meta-author\">By Nora Quist</span></div><h1>Essay tips</h1></div></body>");
  EXPECT_EQ(m.date, "2023-05-18");
  EXPECT_EQ(m.author, "Nora Quist");
  // Comment regions still are noise.
  EXPECT_EQ(meta_of("<body><h1>Essay tips</h1><div class=\"comment-list\"><p>By Pat Reader</p>"
                    "<p>June 2, 2025</p></div></body>")
                .date,
            "");
}

// Regression: on a site's front page a leading site name is the page's subject and stays;
// a trailing one is still cut, and deeper pages lose a leading one as before.
TEST(MetadataTest, FrontPageKeepsLeadingSiteName) {
  const std::string page = "<title>Quillmate - Notes for Field Biologists</title><body></body>";
  EXPECT_EQ(meta_of(page, "https://quillmate.example/").title,
            "Quillmate - Notes for Field Biologists");
  EXPECT_EQ(meta_of(page, "https://quillmate.example").title,
            "Quillmate - Notes for Field Biologists");
  EXPECT_EQ(meta_of(page, "https://quillmate.example/?ref=ad").title,
            "Quillmate - Notes for Field Biologists");
  EXPECT_EQ(meta_of(page, "https://quillmate.example/pricing").title, "Notes for Field Biologists");
  EXPECT_EQ(
      meta_of("<title>Notes for Field Biologists | Quillmate</title>", "https://quillmate.example/")
          .title,
      "Notes for Field Biologists");
}

// Regression: Chinese credit lines. A credit closing a paragraph before a no-break space; a
// four-character name in a parenthesised credit; a dateline after the name; the collective
// "written by" marker; a label element before the name, also past a comment; an editor line
// that comes first does not outrank the author line after it; label words are no names.
TEST(MetadataTest, ChineseCreditLines) {
  const std::string long_text(320, 'x');
  EXPECT_EQ(meta_of("<body><p>" + long_text + "。（记者 林晓雨）&nbsp;</p></body>").author,
            "林晓雨");
  EXPECT_EQ(meta_of("<body><p>据本报电（记者 欧阳明远）近日召开会议。</p></body>").author,
            "欧阳明远");
  EXPECT_EQ(meta_of("<body><p>晨报记者 周岚 江苏南通报道</p></body>").author, "周岚");
  EXPECT_EQ(meta_of("<body><p><b>本报记者司马青岚发自广州</b></p></body>").author, "司马青岚");
  EXPECT_EQ(meta_of("<body><p>执笔人：田野 方舟</p></body>").author, "田野 方舟");
  EXPECT_EQ(meta_of("<body><td><b>作者：</b><a href=\"/u/1\">青石</a></td></body>").author, "青石");
  EXPECT_EQ(meta_of("<body><td>作者： <!--author-->白桦<!--author--></td></body>").author, "白桦");
  EXPECT_EQ(meta_of("<body><table><tr><td>编辑： 江河</td><td>作者：沈默 韩清</td></tr></table>"
                    "</body>")
                .author,
            "沈默 韩清");
  EXPECT_EQ(meta_of("<body><div class=\"author\">■该作者文章</div></body>").author, "");
}

// Regression: a meta author that is a host name names the site; a byline on the page wins, and
// the host name is kept only when there is nothing else.
TEST(MetadataTest, HostNameMetaAuthorIsAFallback) {
  EXPECT_EQ(meta_of("<meta name=\"author\" content=\"studyabroad.test\">"
                    "<body><p>By Lena Park</p></body>")
                .author,
            "Lena Park");
  EXPECT_EQ(meta_of("<meta name=\"author\" content=\"studyabroad.test\"><body></body>").author,
            "studyabroad.test");
}

// Regression: a long JSON-LD headline cut mid-phrase (SEO plugins cut them at 110 characters)
// gives way to the <title> that goes on; a shorter meta title stays, as does one that <title>
// extends with punctuation (" : forum").
TEST(MetadataTest, TruncatedMetaHeadlineGivesWayToTitle) {
  const std::string full =
      "Weekend Fix: Struggling With How To Light A Narrow Hallway? We Help Three Readers Find "
      "Answers (With One Trick That Nearly Always Works)";
  const std::string cut = full.substr(0, full.find(" One Trick"));
  EXPECT_EQ(meta_of("<title>" + full +
                    " - Home Notes</title><script type=\"application/ld+json\">"
                    "{\"@type\":\"BlogPosting\",\"headline\":\"" +
                    cut + "\"}</script>")
                .title,
            full);
  EXPECT_EQ(meta_of("<title>Short Headline Goes On Here</title><meta property=\"og:title\" "
                    "content=\"Short Headline\">")
                .title,
            "Short Headline");
  EXPECT_EQ(meta_of("<title>" + full + " : forum</title><meta property=\"og:title\" content=\"" +
                    full + "\">")
                .title,
            full);
}

// Regression: labels before dates in the text. "Originally published" beats the markup; a
// markup date the page shows only as "Updated" gives way to the date it labels "Published"
// (here after an en space, in its own element); account dates ("Joined", 建立于) are no
// publication dates.
TEST(MetadataTest, DateLabelsInText) {
  EXPECT_EQ(meta_of("<meta property=\"article:published_time\" content=\"2022-09-30\">"
                    "<body><h1>Tiny homes</h1><p>By Ann Lee 30 Sep 2022</p><p>Text.</p>"
                    "<p>This article was originally published on 26 Sep 2019 at Example.</p>"
                    "</body>")
                .date,
            "2019-09-26");
  EXPECT_EQ(meta_of("<meta property=\"article:published_time\" content=\"2025-08-21\">"
                    "<body><h1>Top builders</h1><div>Published\xE2\x80\x82<span>Apr 26, 2023"
                    "</span></div><div>Updated\xE2\x80\x82<span>Aug 21, 2025</span></div></body>")
                .date,
            "2023-04-26");
  // Shown as published as well: the markup stands.
  EXPECT_EQ(meta_of("<meta property=\"article:published_time\" content=\"2025-08-21\">"
                    "<body><h1>Top builders</h1><p>Published Aug 21, 2025</p>"
                    "<p>Updated Aug 21, 2025</p><p>Reviewed Apr 26, 2023</p></body>")
                .date,
            "2025-08-21");
  EXPECT_EQ(meta_of("<body><div>Joined: March 3, 2015</div><p>My first post.</p></body>").date, "");
  EXPECT_EQ(meta_of("<body><div>Founded: Dec 11, 2021</div><p>by Ann » Tue Aug 27, 2019 1:47 pm"
                    "</p></body>")
                .date,
            "2019-08-27");
  EXPECT_EQ(meta_of("<body><p>建立于:2004年10月6日</p><p>某某 发表于 2005-9-15 11:46:00</p>"
                    "</body>")
                .date,
            "2005-09-15");
}

// Regression: a range of dates (an archive month in a blog's side bar, an offer's validity) is
// a period, not the page's date; each joiner of kRangeJoiners is tried. "截止"/"截至" (as of)
// before a date marks a cut-off, not a publication (blog archives of wenxuecity-style themes
// list both before the post).
TEST(MetadataTest, DateRangesAreNoPageDate) {
  const char* ranges[] = {"12/01/2004 - 01/01/2005",
                          "Dec 1, 2004 \xE2\x80\x93 Jan 1, 2005",
                          "Dec 1, 2004 \xE2\x80\x94 Jan 1, 2005",
                          "2004-12-01 ~ 2005-01-01",
                          "2004-12-01 to 2005-01-01",
                          "2004\xE5\xB9\xB4"
                          "12\xE6\x9C\x88"
                          "1\xE6\x97\xA5"
                          "\xE8\x87\xB3"
                          "2005\xE5\xB9\xB4"
                          "1\xE6\x9C\x88"
                          "1\xE6\x97\xA5"};
  for (const char* range : ranges) {
    EXPECT_EQ(meta_of(std::string("<body><table><tr><td><a href=\"/a\">") + range +
                      "</a></td></tr><tr><td>Ferry news</td><td>2005-06-14 03:25:55</td></tr>"
                      "</table></body>")
                  .date,
              "2005-06-14")
        << range;
  }
  EXPECT_EQ(meta_of("<body><p>Offer valid Feb 13, 2026 - Mar 15, 2026</p></body>").date, "");
  // One date, then a dash and words: no range.
  EXPECT_EQ(meta_of("<body><p>Feb 13, 2026 - Ann Lee</p></body>").date, "2026-02-13");
  EXPECT_EQ(meta_of("<body><p>Feb 13, 2026 to today</p></body>").date, "2026-02-13");
  // 截止 (as of) 2006年8月10日: a cut-off in a post's title.
  EXPECT_EQ(meta_of("<body><p><a href=\"/p\">\xE7\xB2\xBE\xE9\x80\x89(\xE6\x88\xAA\xE6\xAD\xA2"
                    "2006\xE5\xB9\xB4"
                    "8\xE6\x9C\x88"
                    "10\xE6\x97\xA5)</a></p>"
                    "<p>2005-06-14 03:25:55</p></body>")
                .date,
            "2005-06-14");
  EXPECT_EQ(meta_of("<body><p>\xE6\x88\xAA\xE8\x87\xB3"
                    "2006\xE5\xB9\xB4"
                    "8\xE6\x9C\x88"
                    "10\xE6\x97\xA5</p><p>2005-06-14</p></body>")
                .date,
            "2005-06-14");
}

// Regression: a date container's spans are read as separate words: a category link fused to
// the date ("Mental HealthDECEMBER 22, 2022") hid it, and the update after it won.
// Superscript ordinals stay joined to their day.
TEST(MetadataTest, DateContainerSpansAreSeparateWords) {
  EXPECT_EQ(meta_of("<body><div class=\"article-dateline-wrapper\"><a href=\"/c\">Mental Health</a>"
                    "<span class=\"dateline\">DECEMBER 22, 2022</span><span class=\"dateline "
                    "updated\">Updated: JANUARY 02, 2026</span></div><h1>Ten ways to rest</h1>"
                    "<p>Text.</p></body>")
                .date,
            "2022-12-22");
  EXPECT_EQ(meta_of("<body><div class=\"post-date\">December 22<sup>nd</sup>, 2022</div>"
                    "<h1>Ten ways to rest</h1><p>Text.</p></body>")
                .date,
            "2022-12-22");
}

// Regression: the dateline under the headline beats a date element before it outside any
// <article> (a header's "today is" widget), and a byline of a name, a follow button, a reading
// time and a separator still leaves the date inside the dateline (kTextsAfterHeadline).
TEST(MetadataTest, DatelineBeatsHeaderDateWidget) {
  EXPECT_EQ(meta_of("<body><header><p id=\"todays-date\"><b>Friday</b>, December 19, 2025</p>"
                    "</header><h1>Tax basics</h1><h4>A guide to the taxes we pay</h4>"
                    "<h4>By <a href=\"/e\">The editors</a></h4><div>12.12.2025</div>"
                    "<p>Text.</p></body>")
                .date,
            "2025-12-12");
  EXPECT_EQ(meta_of("<meta property=\"article:published_time\" content=\"2024-08-07T12:01:51Z\">"
                    "<body><h1>Lessons from a failed startup</h1><div><a href=\"/u\">Ann Lee</a>"
                    "</div><button>Follow</button><span>7 min read</span><span>\xC2\xB7</span>"
                    "<span>Dec 30, 2013</span><p>Text.</p></body>")
                .date,
            "2013-12-30");
}

// Regression: a VideoObject's upload date gives way to the page's own microdata date (a forum
// thread embedding a reply's video), and still dates a page that has nothing else.
TEST(MetadataTest, EmbeddedVideoDateIsAFallback) {
  std::string video =
      "<script type=\"application/ld+json\">{\"@type\":\"VideoObject\",\"name\":\"Clip\","
      "\"uploadDate\":\"2024-06-07T02:17:25Z\"}</script>";
  EXPECT_EQ(meta_of("<body><div itemscope itemtype=\"http://schema.org/DiscussionForumPosting\">"
                    "<meta itemprop=\"datePublished\" content=\"2024-06-02T15:24:07Z\">"
                    "<h1>My take on valuation</h1><p>Text.</p>" +
                    video + "</div></body>")
                .date,
            "2024-06-02T15:24:07+00:00");
  EXPECT_EQ(meta_of("<body><h1>Clip</h1>" + video + "</body>").date, "2024-06-07T02:17:25+00:00");
}

// Regression: a vocabulary's own "date" meta ("ms.date", "cludo:date") dates the page like
// "dc.date"; other names ending in "date" do not ("update", "validate").
TEST(MetadataTest, NamespacedDateMeta) {
  EXPECT_EQ(meta_of("<meta name=\"ms.date\" content=\"2025-03-06T00:00:00Z\"><body><h1>Functions"
                    "</h1><p>Last updated on 2025-03-25</p><p>Text.</p></body>")
                .date,
            "2025-03-06T00:00:00+00:00");
  EXPECT_EQ(
      meta_of("<meta name=\"cludo:date\" content=\"2023-06-08\"><body><p>Text.</p></body>").date,
      "2023-06-08");
  EXPECT_EQ(
      meta_of("<meta name=\"x:update\" content=\"2023-06-08\"><body><p>Text.</p></body>").date, "");
}

// Regression: a Dublin Core title ("dc:title" in RDFa, "dc.title", "dcterms.title") comes
// before the OpenGraph one, also when a property attribute lists several names.
TEST(MetadataTest, DublinCoreTitleBeforeOpenGraph) {
  EXPECT_EQ(meta_of("<meta property=\"x:title dc:title\" content=\"Preferred title\">"
                    "<meta property=\"og:title twitter:title\" content=\"A title\">"
                    "<body><p>Text.</p></body>")
                .title,
            "Preferred title");
  EXPECT_EQ(meta_of("<meta property=\"og:title\" content=\"Card title\">"
                    "<meta name=\"dcterms.title\" content=\"Catalogue title\"><body></body>")
                .title,
            "Catalogue title");
}

// Regression: when markup gives two published dates, the one the page shows wins over the
// better-ranked one it does not show; a date shown only as an update does not.
TEST(MetadataTest, ShownOneOfTwoMarkupPublishedDates) {
  std::string jsonld =
      "<script type=\"application/ld+json\">{\"@type\":\"Article\","
      "\"datePublished\":\"2024-08-29\",\"dateModified\":\"2025-12-15\"}</script>";
  EXPECT_EQ(meta_of(jsonld + "<meta name=\"date\" content=\"November 25, 2025\"><body>"
                             "<h1>Best streaming services</h1><span class=\"posted-on\">Nov 25, "
                             "2025 5:00 am</span><p>Text.</p></body>")
                .date,
            "2025-11-25");
  EXPECT_EQ(meta_of(jsonld + "<meta name=\"date\" content=\"November 25, 2025\"><body>"
                             "<h1>Best streaming services</h1><p>Updated Nov 25, 2025</p>"
                             "<p>Text.</p></body>")
                .date,
            "2024-08-29");
}

// Regression: a page that names only a month (a magazine issue) gets "YYYY-MM", as the last
// resort; any full date wins, and months before 1995 are as implausible as days are.
TEST(MetadataTest, MonthWithoutDayAsLastResort) {
  EXPECT_EQ(meta_of("<body><p>正文。</p><p>——《山海评论》1998年3月号</p></body>").date, "1998-03");
  EXPECT_EQ(meta_of("<body><p>From the issue of November 2015.</p></body>").date, "2015-11");
  EXPECT_EQ(meta_of("<body><p>From the issue of November 2015.</p><p>Posted 3 May 2016</p>"
                    "</body>")
                .date,
            "2016-05-03");
  EXPECT_EQ(meta_of("<body><p>1998年3月5日</p></body>").date, "1998-03-05");
  EXPECT_EQ(meta_of("<body><p>1990年3月号</p></body>").date, "");
  EXPECT_EQ(meta_of("<body><p>Back in 2015 we began.</p></body>").date, "");
}

// Regression: a UTC publication timestamp that a <time> element gives as the same instant in the
// site's own zone is reported on the site's day (the day the page shows); a <time> at another
// instant, or one in UTC too, leaves it as it is.
TEST(MetadataTest, UtcTimestampTakesTheSiteZoneOfTheSameInstant) {
  std::string head =
      "<meta property=\"article:published_time\" content=\"2026-03-19T03:05:00+00:00\">";
  EXPECT_EQ(meta_of(head + "<body><h1>Night post</h1><time datetime=\"2026-03-18T20:05:00-07:00\">"
                           "March 18, 2026</time><p>Text.</p></body>")
                .date,
            "2026-03-18T20:05:00-07:00");
  // An Asian site a few hours ahead: the next day.
  EXPECT_EQ(meta_of("<meta property=\"article:published_time\" content=\"2026-03-18T23:25:00Z\">"
                    "<body><h1>Late post</h1><time datetime=\"2026-03-19T04:25:00+0500\">"
                    "Yesterday at 4:25 AM</time><p>Text.</p></body>")
                .date,
            "2026-03-19T04:25:00+05:00");
  // A comment a day later: another instant, the markup stands.
  EXPECT_EQ(
      meta_of(head +
              "<body><h1>Night post</h1><p>Text.</p><time datetime=\"2026-03-20T09:00:00-07:00\">"
              "March 20, 2026</time></body>")
          .date,
      "2026-03-19T03:05:00+00:00");
  // The same instant in UTC again changes nothing.
  EXPECT_EQ(meta_of(head + "<body><h1>Night post</h1><time datetime=\"2026-03-19T03:05:00Z\">"
                           "March 19, 2026</time><p>Text.</p></body>")
                .date,
            "2026-03-19T03:05:00+00:00");
}

// Regression: a forum's "Thread starter" label names the thread's author even when the first
// post on the page is another member's, marked up with its own microdata author.
TEST(MetadataTest, ThreadStarterLabelBeatsPostMicrodata) {
  std::string post =
      "<article class=\"message\"><section itemprop=\"author\" itemscope "
      "itemtype=\"https://schema.org/Person\"><h4 itemprop=\"name\">helper_ron</h4></section>"
      "<div class=\"message-body\">Try the other slot first.</div></article>";
  EXPECT_EQ(meta_of("<body><h1>Which graphics card?</h1><ul><li><span>Thread starter</span> "
                    "<a href=\"/members/kim.12/\" class=\"username\">kim_w</a></li></ul>" +
                    post + "</body>")
                .author,
            "kim_w");
  // Without the label the post's author stands.
  EXPECT_EQ(meta_of("<body><h1>Which graphics card?</h1>" + post + "</body>").author, "helper_ron");
}

// Regression: "Author" alone in a heading or label names the author in the next element;
// "Author" opening other text is no label. "Article by" introduces a byline like "By".
TEST(MetadataTest, AuthorLabelAloneAndArticleBy) {
  EXPECT_EQ(meta_of("<body><h1>Tea in winter</h1><p>Text.</p><div><h3>Author</h3><p>Lisa D. Marsh"
                    "</p></div></body>")
                .author,
            "Lisa D. Marsh");
  EXPECT_EQ(meta_of("<body><h1>Tea in winter</h1><p>Text.</p><div><h2>Author Spotlight</h2>"
                    "<p>Meet our writers.</p></div></body>")
                .author,
            "");
  EXPECT_EQ(meta_of("<body><h1>Tea in winter</h1><h2>Article by</h2><div>Matti Virtanen</div>"
                    "<p>Text.</p></body>")
                .author,
            "Matti Virtanen");
}

// Regression: template leftovers are no names: a list whose first entry is empty (the name left
// out before the publication's), and an unfilled field key in a meta tag.
TEST(MetadataTest, TemplateLeftoversAreNoAuthors) {
  EXPECT_EQ(
      meta_of("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
              "\"author\":{\"@type\":\"Person\",\"name\":\", Daily Planet\"}}</script>"
              "<body><h1>Storm ahead</h1><p class=\"byline\">By Lois Lane</p><p>Text.</p></body>")
          .author,
      "Lois Lane");
  EXPECT_EQ(meta_of("<meta name=\"author\" content=\"page.head.extra.author\"><body><p>Text.</p>"
                    "</body>")
                .author,
            "");
  EXPECT_EQ(
      meta_of("<meta name=\"author\" content=\"{{author}}\"><body><p>Text.</p></body>").author, "");
  // A user name with dots stays a name.
  EXPECT_EQ(
      meta_of("<meta name=\"author\" content=\"sara.r.peter\"><body><p>Text.</p></body>").author,
      "sara.r.peter");
}

// Regression: byline labels around the name go: "Written By:" and "Posted by:" with their
// colon, "Text by", "View all posts by", a "By" glued to the name, a role after a dot operator,
// and "Updated" / "Last Updated:" after the name in any case; "Follow the author" is no name.
TEST(MetadataTest, BylineLabelsAroundTheName) {
  auto author = [](const std::string& v) {
    return meta_of("<meta name=\"author\" content=\"" + v + "\"><body><p>Text.</p></body>").author;
  };
  EXPECT_EQ(author("Written By: Jane Roe"), "Jane Roe");
  EXPECT_EQ(author("Posted by: Jane Roe"), "Jane Roe");
  EXPECT_EQ(author("Text by Jane Roe"), "Jane Roe");
  EXPECT_EQ(author("Jane Roe \xE2\x8B\x85 Review Editor \xE2\x8B\x85 Updated"), "Jane Roe");
  EXPECT_EQ(author("Jane Roe Updated"), "Jane Roe");
  EXPECT_EQ(author("Jane Roe Last Updated: March 3, 2026"), "Jane Roe");
  // A name that holds such a word is no label.
  EXPECT_EQ(author("Jane Updatedson"), "Jane Updatedson");
  // "By" glued to the name, and an author box's "View all posts by".
  EXPECT_EQ(author("ByJane Roe"), "Jane Roe");
  EXPECT_EQ(author("byJane Roe"), "Jane Roe");
  EXPECT_EQ(author("Byron Lee"), "Byron Lee");
  EXPECT_EQ(author("View all posts by Jane Roe"), "Jane Roe");
  EXPECT_EQ(author("Follow the author"), "");
}

// An author that is the site's own name (a meta author or a JSON-LD "Person" named like the
// publisher) is the organisation: a byline in the page beats it; without one it stays.
TEST(MetadataTest, SiteNamedAuthorGivesWayToAByline) {
  const std::string body =
      "<body><h1>Plant a tree</h1><p>by Mara Wendt</p><p>Why trees matter.</p></body>";
  EXPECT_EQ(meta_of("<head><meta name=author content='Green Roots'>"
                    "<meta property=og:site_name content='Green Roots'></head>" +
                    body)
                .author,
            "Mara Wendt");
  EXPECT_EQ(meta_of("<head><meta property=og:site_name content='Green Roots'>"
                    "<meta name=author content='Green Roots'></head><body><p>Text.</p></body>")
                .author,
            "Green Roots");
  EXPECT_EQ(meta_of(R"(<head><script type="application/ld+json">{"@type":"Article",
                    "author":{"@type":"Person","name":"Heart Trust"},
                    "publisher":{"@type":"Organization","name":"Heart Trust"}}</script></head>)" +
                    body)
                .author,
            "Mara Wendt");
  // Another name in the meta tag still outranks the text.
  EXPECT_EQ(meta_of("<head><meta name=author content='Jo Lind'>"
                    "<meta property=og:site_name content='Green Roots'></head>" +
                    body)
                .author,
            "Jo Lind");
}

// A meta author that is a login ("kffjdoe", "andrew.keaveney") gives way to the byline the
// page prints; without one it stays. Names with spaces or capitals are not logins.
TEST(MetadataTest, LoginAuthorGivesWayToAByline) {
  const std::string body =
      "<body><h1>Teens and sleep</h1><p>Author: Nora Pell</p><p>Why teens sleep late.</p></body>";
  EXPECT_EQ(meta_of("<head><meta name=author content='kffnorap'></head>" + body).author,
            "Nora Pell");
  EXPECT_EQ(meta_of("<head><meta name=author content='nora.pell'></head>" + body).author,
            "Nora Pell");
  EXPECT_EQ(meta_of("<head><meta name=author content='nora.pell'></head><body><p>Text.</p>").author,
            "nora.pell");
  EXPECT_EQ(meta_of("<head><meta name=author content='Ann Lee'></head>" + body).author, "Ann Lee");
  EXPECT_EQ(meta_of("<head><meta name=author content='jdoe_2'></head>" + body).author, "Nora Pell");
  EXPECT_EQ(meta_of("<head><meta name=author content='EcoFlow'></head>" + body).author, "EcoFlow");
}

// Credits that close a post: "Article written by:" over the name, "This post was written by"
// before it (with the role after the name left out).
TEST(MetadataTest, ClosingAuthorCredits) {
  const std::string head =
      "<body><article><h1>Bees in winter</h1><p>What bees do in winter when it is cold outside, "
      "and how the colony keeps warm until spring.</p>";
  EXPECT_EQ(
      meta_of(head + "<div><p>Article written by:</p><p>Dora Munoz, MD</p></div></article>").author,
      "Dora Munoz, MD");
  EXPECT_EQ(meta_of(head + "<p><em>This post was written by <a href=/u/d>Dana Padilla</a>, Head of "
                           "Marketing.</em></p></article>")
                .author,
            "Dana Padilla");
  // The words inside a sentence are no label.
  EXPECT_EQ(meta_of(head + "<p>I wondered who this post was written by.</p></article>").author, "");
}

}  // namespace
}  // namespace klartext::metadata
