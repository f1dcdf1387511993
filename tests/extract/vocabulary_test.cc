// Tests for src/extract/vocabulary.h: every table answers for its entries and not for
// look-alikes.
#include "extract/vocabulary.h"

#include <gtest/gtest.h>

#include <string>

namespace klartext::extract {
namespace {

TEST(VocabularyTest, ClassTokensAreWholeWords) {
  EXPECT_EQ(classify_attribute("site-footer", nullptr), Boilerplate::kFooter);
  EXPECT_EQ(classify_attribute("main-nav dark", nullptr), Boilerplate::kNavigation);
  EXPECT_EQ(classify_attribute("Breadcrumbs", nullptr), Boilerplate::kNavigation);
  EXPECT_EQ(classify_attribute("social_share", nullptr), Boilerplate::kShare);
  EXPECT_EQ(classify_attribute("related-posts", nullptr), Boilerplate::kRelated);
  EXPECT_EQ(classify_attribute("grid-container next-prev", nullptr), Boilerplate::kNavigation);
  EXPECT_EQ(classify_attribute("nav-previous", nullptr), Boilerplate::kNavigation);
  EXPECT_EQ(classify_attribute("post-navigation", nullptr), Boilerplate::kNavigation);
  EXPECT_EQ(classify_attribute("article-cta", nullptr), Boilerplate::kNewsletter);
  EXPECT_EQ(classify_attribute("PromoSmall-content", nullptr), Boilerplate::kAdvert);
  EXPECT_EQ(classify_attribute("newsletterBox", nullptr), Boilerplate::kNewsletter);
  EXPECT_EQ(classify_attribute("prompt-text", nullptr), Boilerplate::kNone);
  EXPECT_EQ(classify_attribute("post-author", nullptr), Boilerplate::kByline);
  // A widget word gives way to a sign-up word later in the name; otherwise the first hit wins.
  EXPECT_EQ(classify_attribute("zone-widget zone-widget-cta-letter", nullptr),
            Boilerplate::kNewsletter);
  EXPECT_EQ(classify_attribute("sidebar-widget", nullptr), Boilerplate::kSidebar);
  EXPECT_EQ(classify_attribute("share-box newsletter", nullptr), Boilerplate::kShare);
  EXPECT_EQ(classify_attribute("about-the-author", nullptr), Boilerplate::kByline);
  EXPECT_EQ(classify_attribute("author-box", nullptr), Boilerplate::kByline);
  EXPECT_EQ(classify_attribute("author-section bg", nullptr), Boilerplate::kByline);
  EXPECT_EQ(classify_attribute("AuthorsBlock", nullptr), Boilerplate::kByline);
  EXPECT_EQ(classify_attribute("author-card", nullptr), Boilerplate::kByline);
  EXPECT_EQ(classify_attribute("about-authors", nullptr), Boilerplate::kByline);
  EXPECT_EQ(classify_attribute("author-details-name", nullptr), Boilerplate::kNone);
  EXPECT_EQ(classify_attribute("post author-name-list", nullptr), Boilerplate::kNone);
  EXPECT_EQ(classify_attribute("ctaButton", nullptr), Boilerplate::kNone);  // not a whole token
  EXPECT_EQ(classify_attribute("preview-text", nullptr), Boilerplate::kNone);
  EXPECT_EQ(classify_attribute("ad-slot", nullptr), Boilerplate::kAdvert);
  EXPECT_EQ(classify_attribute("newsletter-box", nullptr), Boilerplate::kNewsletter);
  EXPECT_EQ(classify_attribute("subscribe-form", nullptr), Boilerplate::kNewsletter);
  // A product sold by subscription is no sign-up box.
  EXPECT_EQ(classify_attribute("product-card subscription-eligible", nullptr), Boilerplate::kNone);
  EXPECT_EQ(classify_attribute("cookie-banner", nullptr), Boilerplate::kConsent);
  EXPECT_EQ(classify_attribute("comments-area", nullptr), Boilerplate::kComments);
  EXPECT_EQ(classify_attribute("sidebar", nullptr), Boilerplate::kSidebar);
  EXPECT_EQ(classify_attribute("byline", nullptr), Boilerplate::kByline);
  EXPECT_EQ(classify_attribute("tag-cloud tags", nullptr), Boilerplate::kTags);
  EXPECT_EQ(classify_attribute("modal", nullptr), Boilerplate::kPopup);
  EXPECT_EQ(classify_attribute("author-bio", nullptr), Boilerplate::kByline);
  EXPECT_EQ(classify_attribute("message-userExtras", nullptr), Boilerplate::kByline);
  EXPECT_EQ(classify_attribute("postprofile", nullptr), Boilerplate::kByline);
  EXPECT_EQ(classify_attribute("post-signature", nullptr), Boilerplate::kFooter);
  EXPECT_EQ(classify_attribute("product-reviews", nullptr), Boilerplate::kComments);
  EXPECT_EQ(classify_attribute("login-form", nullptr), Boilerplate::kPopup);
  EXPECT_EQ(classify_attribute("legal-links", nullptr), Boilerplate::kFooter);
  // Substrings of other words never match.
  EXPECT_EQ(classify_attribute("header download shadow", nullptr), Boilerplate::kNone);
  EXPECT_EQ(classify_attribute("navigator-content", nullptr), Boilerplate::kNone);
}

// Long values are read 16 bytes at a time: parts that cross a 16-byte step, upper case and
// digits inside parts, parts of 64 bytes and more (never looked up) and the content hint.
TEST(VocabularyTest, LongClassValuesSplitIntoParts) {
  EXPECT_EQ(classify_attribute("layout-wrapper-outer col-12 col-md-4 SIDEBAR", nullptr),
            Boilerplate::kSidebar);
  EXPECT_EQ(classify_attribute("abcdefghijklmno-Newsletter", nullptr), Boilerplate::kNewsletter);
  EXPECT_EQ(classify_attribute("x2y2z2w2v2u2t2s2sidebar", nullptr), Boilerplate::kNone);
  const std::string long_part = std::string(60, 'q') + "sidebar";
  EXPECT_EQ(classify_attribute(long_part + " " + long_part, nullptr), Boilerplate::kNone);
  bool hint = false;
  EXPECT_EQ(classify_attribute("wrapper-outer-layout-grid ArticleBody", &hint), Boilerplate::kNone);
  EXPECT_TRUE(hint);
  EXPECT_TRUE(is_content_token("articlebody"));
  EXPECT_FALSE(is_content_token("articlebodyx"));
  EXPECT_EQ(classify_token("sidebar"), Boilerplate::kSidebar);
  EXPECT_EQ(classify_token("sidebars"), Boilerplate::kNone);
  EXPECT_EQ(classify_token(""), Boilerplate::kNone);
}

// The edges of a value: a part that ends with the value after more than 16 bytes, a NUL byte
// (it ends a part like any separator), tabs and newlines between names, and the 512-byte cap
// (a part cut by it is looked up as cut).
TEST(VocabularyTest, ClassValueEdges) {
  EXPECT_EQ(classify_attribute("wrapperwrapperwrapper sidebar", nullptr), Boilerplate::kSidebar);
  EXPECT_EQ(classify_attribute("wrapperwrapperwrappersidebar", nullptr), Boilerplate::kNone);
  EXPECT_EQ(classify_attribute(std::string("box\0footer", 10), nullptr), Boilerplate::kFooter);
  EXPECT_EQ(classify_attribute("grid\tcategory-news\nsidebar", nullptr), Boilerplate::kSidebar);
  EXPECT_EQ(classify_attribute(" \tcategory-footer", nullptr), Boilerplate::kNone);
  const std::string pad(500, 'q');
  EXPECT_EQ(classify_attribute(pad + " footer", nullptr), Boilerplate::kFooter);       // 507 bytes
  EXPECT_EQ(classify_attribute(pad + "      footer", nullptr), Boilerplate::kFooter);  // 512
  EXPECT_EQ(classify_attribute(pad + "       footer", nullptr), Boilerplate::kNone);   // 'foote'
}

// Values of every length up to past the 512-byte cap, each asked twice (the second answer
// comes from the memo, whose key is a copy of the value): the copies into the memo and into
// the uncached pass's zero-padded buffer move 16, 8, 4, 2 or 1 bytes at a time, so a word
// at either end of a value of any length must survive them. Each value differs from the one
// before in its filler byte, and a near miss ('foote') must not match.
TEST(VocabularyTest, ClassValuesOfEveryLength) {
  for (size_t len = 0; len <= 520; ++len) {
    const std::string filler(len, char('a' + len % 3));
    const std::string tail = filler + " footer";
    const std::string head = "footer " + filler;
    const std::string near = filler + " foote";
    for (int pass = 0; pass < 2; ++pass) {
      EXPECT_EQ(classify_attribute(tail, nullptr),
                tail.size() <= 512 ? Boilerplate::kFooter : Boilerplate::kNone)
          << len;
      EXPECT_EQ(classify_attribute(head, nullptr), Boilerplate::kFooter) << len;
      EXPECT_EQ(classify_attribute(near, nullptr), Boilerplate::kNone) << len;
    }
  }
  // Whole values of 3, 4, 6 and 7 bytes (the 2-, 4- and 8-byte moves).
  EXPECT_EQ(classify_attribute("nav", nullptr), Boilerplate::kNavigation);
  EXPECT_EQ(classify_attribute("menu", nullptr), Boilerplate::kNavigation);
  EXPECT_EQ(classify_attribute("footer", nullptr), Boilerplate::kFooter);
  EXPECT_EQ(classify_attribute("sidebar", nullptr), Boilerplate::kSidebar);
}

// A post's taxonomy classes name its topics, not its role: a review site's article wrapper
// "category-reviews tag-comments" is no comment section.
TEST(VocabularyTest, TaxonomyClassesAreNotRoles) {
  EXPECT_EQ(classify_attribute("post type-post category-reviews tag-comments", nullptr),
            Boilerplate::kNone);
  EXPECT_EQ(classify_attribute("Category-Sponsored Tag-Ads", nullptr), Boilerplate::kNone);
  EXPECT_EQ(classify_attribute("category-news sidebar", nullptr), Boilerplate::kSidebar);
}

TEST(VocabularyTest, JoinedNamesMatchOnlyWhole) {
  EXPECT_EQ(classify_attribute("sr-only", nullptr), Boilerplate::kHidden);
  EXPECT_EQ(classify_attribute("screen-reader-text", nullptr), Boilerplate::kHidden);
  EXPECT_EQ(classify_attribute("hidden", nullptr), Boilerplate::kHidden);
  // Responsive utilities hide on some screens only.
  EXPECT_EQ(classify_attribute("hidden-xs", nullptr), Boilerplate::kNone);
  EXPECT_EQ(classify_attribute("d-print-none", nullptr), Boilerplate::kNone);
  // Rules of every length are found among those of their own length; a name of a rule's
  // length that is no rule, or longer than any, matches none.
  EXPECT_EQ(classify_attribute("print", nullptr), Boilerplate::kShare);
  EXPECT_EQ(classify_attribute("author-biography", nullptr), Boilerplate::kByline);
  EXPECT_EQ(classify_attribute("Author_Description", nullptr), Boilerplate::kByline);
  EXPECT_EQ(classify_attribute("x sr-only", nullptr), Boilerplate::kHidden);
  EXPECT_EQ(classify_attribute("sr-onlz", nullptr), Boilerplate::kNone);
  EXPECT_EQ(classify_attribute("prinz", nullptr), Boilerplate::kNone);
  EXPECT_EQ(classify_attribute(std::string(70, 'q') + "-sr-only", nullptr), Boilerplate::kNone);
}

TEST(VocabularyTest, ContentHints) {
  bool hint = false;
  EXPECT_EQ(classify_attribute("entry-content", &hint), Boilerplate::kNone);
  EXPECT_TRUE(hint);
  classify_attribute("wrapper", &hint);
  EXPECT_FALSE(hint);
  EXPECT_TRUE(is_content_token("article"));
  EXPECT_FALSE(is_content_token("nav"));
}

TEST(VocabularyTest, Roles) {
  EXPECT_EQ(classify_role("navigation"), Boilerplate::kNavigation);
  EXPECT_EQ(classify_role(" Contentinfo "), Boilerplate::kFooter);
  EXPECT_EQ(classify_role("complementary"), Boilerplate::kSidebar);
  EXPECT_EQ(classify_role("dialog"), Boilerplate::kPopup);
  EXPECT_EQ(classify_role("tooltip"), Boilerplate::kPopup);
  EXPECT_EQ(classify_role("status"), Boilerplate::kPopup);
  EXPECT_EQ(classify_role("img"), Boilerplate::kPopup);
  EXPECT_EQ(classify_role("image"), Boilerplate::kNone);
  EXPECT_EQ(classify_role("alert"), Boilerplate::kNone);
  EXPECT_EQ(classify_role("main"), Boilerplate::kNone);
  EXPECT_EQ(classify_role("article"), Boilerplate::kNone);
}

TEST(VocabularyTest, SkipLinksInManyLanguages) {
  for (const char* s :
       {"Skip to content", "Jump to Navigation", "  Zum Inhalt springen ", "Aller au contenu",
        "Saltar al contenido", "跳到主要内容", "Skip to main content »"})
    EXPECT_TRUE(is_skip_link_text(s)) << s;
  for (const char* s : {"Skipping breakfast is bad for you", "Contents", "内容"})
    EXPECT_FALSE(is_skip_link_text(s)) << s;
}

TEST(VocabularyTest, BoilerplatePhrasesMatchWholeBlocks) {
  for (const char* s : {"Advertisement",
                        "Share this article",
                        "READ MORE",
                        "Weiterlesen",
                        "Lire la suite",
                        "广告",
                        "Share:",
                        "Text size",
                        "Comments",
                        "Kommentare",
                        "Table of Contents",
                        "Loading...",
                        "Caption",
                        "Close",
                        "Advert",
                        "More:",
                        "Related Content",
                        "Next article",
                        "DON'T MISS",
                        "Most read",
                        "Sharing is caring!",
                        "Like this:",
                        "Tell us what YOU think...",
                        "This slideshow requires JavaScript.",
                        "Sukai ini:",
                        "Suka Memuat...",
                        "Terkait",
                        "Iklan",
                        "Материалы по теме",
                        "Теги",
                        "Order Reprints",
                        "Highlights",
                        "Key Points",
                        "Quote",
                        "Reply with quote",
                        "Report post",
                        "Sign in",
                        "Log in",
                        "Register",
                        "Ask Question",
                        "Add a comment",
                        "Offline",
                        "Thread starter",
                        "Original Poster",
                        "Explore related questions",
                        "Likes received:",
                        "Not open for further replies.",
                        "Your Answer",
                        "Post as a guest",
                        "Required, but never shown",
                        "Recommended Posts",
                        "Featured Replies",
                        "Top Posters In This Topic",
                        "Popular Days",
                        "Create an account or sign in to comment",
                        "Contact Us",
                        "Book a demo",
                        "Contents",
                        "In this article:",
                        "On This Page",
                        "Jump to:",
                        "Start free trial",
                        "View full details",
                        "Sale Sold out",
                        "Like Loading…",
                        "No items found.",
                        "Show Caption",
                        "Thank you for your feedback",
                        "Reviewed by",
                        "Fact Checked By",
                        "Medically reviewed by:",
                        "分享到",
                        "分享到：",
                        "推荐阅读",
                        "相关阅读：",
                        "相关链接",
                        "打印本页",
                        "上一篇：",
                        "下一篇",
                        "扫一扫在手机打开当前页",
                        "返回",
                        "← 返回"})
    EXPECT_TRUE(is_boilerplate_phrase(s)) << s;
  for (const char* s : {"Read more about the new law below.",
                        "Sharing economy",
                        "Print media",
                        "Close to home",
                        "More than a game",
                        "Most read books of the year",
                        "Related parties",
                        "Теги и метки",
                        "Highlights of the season",
                        "Quote of the day",
                        "Reply to the council",
                        "Register of members",
                        "Your answer was right, and the council agreed",
                        "Contents of the box",
                        "In this article we compare three kettles",
                        "Jump to conclusions",
                        "分享到朋友圈的照片",
                        "返回家乡的路上",
                        "上一篇论文",
                        "打印本页面上的表格：",
                        "：",
                        "::"})
    EXPECT_FALSE(is_boilerplate_phrase(s)) << s;
}

TEST(VocabularyTest, DateLines) {
  for (const char* s :
       {"Updated 5:27 am CST, Wednesday, November 20, 2019", "Published 18 November 2019",
        "by Regan September 15, 2014", "Nov 20 2019, 11:06am IST", "Veröffentlicht am 3. März 2021",
        "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019",
        "기사입력 2018.08.25 15:24", "发布时间：2019-11-20 08:15", "投稿日：2016/12/01",
        "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET",
        "Updated at 1:23 p.m.", "sexta-feira, 22 de outubro de 2010 às 20:13",
        "Posted on Maret 30, 2015 by Admin", "by Lighthouse Office / 2016.12.01",
        "2019-01-21T21:40:59.62Z+00:00", "2021-04-08T04:06", "2019-11-20 17:27:46 Marcus Berg"})
    EXPECT_TRUE(is_dateline(s)) << s;
  for (const char* s :
       {"30 minutes before bed", "Eat every 2-3 hours", "Capacity: 350 ml",
        "In March 2019 the council voted to close the old bridge for good.", "November", "2019",
        "Et le 3 mars, il pleuvait sur toute la ville depuis le matin", "4:14 p.m.", "10 pm",
        "Route 2019 runs 12 km from the old mill to the lake", "Call 2019 44 55 for tickets"})
    EXPECT_FALSE(is_dateline(s)) << s;
}

TEST(VocabularyTest, SectionEditLinksInManyLanguages) {
  for (const char* s : {"[edit]", "[ Edit ]", "[editar]", "[modifier]", "[Bearbeiten]",
                        "[Bearbeiten | Quelltext bearbeiten]", "[modifier | modifier le code]",
                        "[править | править код]", "[编辑]", "[編集]", "[편집]"})
    EXPECT_TRUE(is_edit_link_text(s)) << s;
  // Footnote marks, bracketed remarks and the bare word are content.
  for (const char* s : {"[1]", "[citation needed]", "edit", "[edit this later]", "[]", "[edit | ]",
                        "[edit] the page"})
    EXPECT_FALSE(is_edit_link_text(s)) << s;
}

TEST(VocabularyTest, BoilerplateLines) {
  for (const char* s : {"5 min read",
                        "Reading time: 4 minutes",
                        "Tempo de leitura: 1 minuto",
                        "Lesezeit: 3 Minuten",
                        "阅读时间 5 分钟",
                        "1 of 6",
                        "12 / 40",
                        "2 von 9",
                        "Additional reporting by Joseph Hudak",
                        "Reporting by Greg Roumeliotis; Editing by Tom Brown",
                        "(Reporting by Will Dunham; editing by Tom Brown)",
                        "Keith Bradsher contributed reporting from Hong Kong.",
                        "市人民政府办公室（主办） 蒙ICP备05006530号",
                        "版权所有 © 2022 某某网",
                        "https://news.example.org/2019/11/some-story-name-14848164.php",
                        "  http://example.com/a?b=c  ",
                        "Filed under: News |",
                        "JavaScript is required to load the comments.",
                        "JavaScript is disabled in your browser.",
                        "Like this story? Share it with a friend!",
                        "Join our forums! And if you have a news tip, let us know.",
                        "Have a tip? Ann Lee may be reached at ann@example.org.",
                        "Ann Lee's book about the search for the lost river towns, \"Under the "
                        "Water\" (Harbour Press, 2018), is out now. Follow her on Twitter.",
                        "Follow the Harbour Post on Facebook, Twitter and Instagram.",
                        "Email Ann Lee at ann@example.org or follow her @annlee.",
                        "Get the latest updates right in your inbox. Subscribe to our newsletters.",
                        "Click here to subscribe to The Harbour Newsletter",
                        "Get Cycling Weekly delivered through your letterbox every month.",
                        "Copyright ⓒ 예시신문. 무단전재 및 재배포 금지",
                        "互联网新闻信息服务许可证编号：00000000000",
                        "某省互联网违法和不良信息举报电话：0000-00000000",
                        "举报邮箱： tips@example.cn",
                        "湖滨网版权与免责声明：",
                        "反侵权公告：",
                        "The publisher may earn an Affiliate Commission if you buy through links.",
                        "If you buy something through this post, we may get a share of the sale.",
                        "Image 1 of 5",
                        "Slide 2 / 9",
                        "Photo by Jan Novak/Getty Images",
                        "Natalie Ames | Bloomberg | Getty Images",
                        "Ravi Sen/Northern Times/Getty Images",
                        "Ann Lee (AFP)",
                        "Ann Lee / Reuters.",
                        "Jan Novak | Alamy",
                        "(AP Photo/Ann Lee)",
                        "Foto: Stadtarchiv",
                        "12 likes",
                        "1 Like",
                        "1,204 views",
                        "3.4k Replies",
                        "7 helpful votes",
                        "4931 posts",
                        "25,064 posts · Joined 2007",
                        "1 message",
                        "Find the answer to your question by asking.",
                        "Trackback: http://tb.example.net/TrackBack.aspx?PostId=5",
                        "本文通告引用(Trackback)链接: /wp-trackback.php?p=1700",
                        "(本文发表于首页, 已被阅读178次)",
                        "当前您在- 论坛 - 下载专区 点击数：39",
                        "An official website of the United States government",
                        "Official websites use .gov",
                        "Secure .gov websites use HTTPS",
                        "Thank you! Your submission has been received!",
                        "Oops! Something went wrong while submitting the form.",
                        "You need to be a member in order to leave a comment",
                        "Sign up for a new account in our community. It's easy!",
                        "Already have an account? Sign in here.",
                        "You must log in or register to reply here.",
                        "By clicking “Post Your Answer”, you agree to our terms of service.",
                        "You must log in to answer this question.",
                        "Press enter or click to view image in full size",
                        "You've subscribed!",
                        "You are already Subscribed",
                        "Your browser is no longer supported. Please upgrade your browser.",
                        "Loading paragraph...",
                        "Loading image…",
                        "Reactions: Ann Lee, Jan Novak and 3 others",
                        "View attachment 441678",
                        "Click to expand...",
                        "Last edited by jdoe on Tue Aug 27, 2019 10:03 pm, edited 1 time in total.",
                        "Edited May 22, 2024 by jdoe",
                        "Edited January 29 by jdoe (see edit history)",
                        "8 hours ago, jdoe said:",
                        "On 3/5/2024 at 7:29 PM, Jane Doe said:",
                        "Sort by:",
                        "Sort",
                        "Filters",
                        "Show filters",
                        "Sort: Best Match",
                        "Sort by: Price, low to high"})
    EXPECT_TRUE(is_boilerplate_line(s)) << s;
  // The grid's controls are lines, not phrases: a link named so inside a sentence stays.
  EXPECT_FALSE(is_boilerplate_phrase("filters"));
  EXPECT_FALSE(is_boilerplate_phrase("Sort"));
  for (const char* s : {"Filter", "Sort the beans by size before roasting them.",
                        "Filters for coffee machines", "Sorted by date"})
    EXPECT_FALSE(is_boilerplate_line(s)) << s;
  for (const char* s : {"The reading time of the report was longer than planned, 3 hours in all.",
                        "One of the six rescued",
                        "1 of the 6 climbers turned back",
                        "2019",
                        "of 6",
                        "Reporters said the editing by the ministry took weeks.",
                        "Copyright law changed.",
                        "城市公园新增夜间开放时段，市民可以在晚上散步。",
                        "记者在举报现场看到，工作人员正在核对材料。",
                        "https://example.org is where the files live.",
                        "See https://example.org",
                        "A spokesperson declined to comment to Reuters.",
                        "Reuters | AFP reported the vote first",
                        "Ann Lee contributed to this report.",
                        "jdoe said:",
                        "Years ago, the mayor said:",
                        "Edited and condensed for clarity in 2024.",
                        "The case was filed under seal in March.",
                        "The parish newsletter has been printed by volunteers since 1974.",
                        "The mayor, who has 20,000 followers on Twitter, did not reply.",
                        "JavaScript was created in ten days in 1995.",
                        "Please enable JavaScript to read the story about the river valley.",
                        "Waiters have a tip jar by the door.",
                        "The agency's official website moved to a new address in 2020.",
                        "Popular days for a visit are Saturday and Sunday.",
                        "Reactions to the new timetable were mixed.",
                        "View attachments before you download them.",
                        "Follow the signs to the harbour and turn left at the church.",
                        "Image quality 4 of 5",
                        "Photography is her hobby.",
                        "12 people liked the new park",
                        "likes 12",
                        "Views",
                        "400 views of the harbour from the hill, painted over forty years",
                        "12 posts · Joined the club",
                        "Posts: 1,077",
                        "Loading speeds can be slower than on other hosts.",
                        "Loading the van took all morning..."})
    EXPECT_FALSE(is_boilerplate_line(s)) << s;
}

// The phrase tables are searched in one pass (PhraseIndex): a phrase counts wherever it
// starts, right after a false start of the same bytes, or as the last bytes of the line.
TEST(VocabularyTest, PhraseTablesFoundAnywhereInTheLine) {
  for (const char* s : {"follow me @",             // one-byte phrase, last byte
                        "subscribe: nnewsletter",  // false start "nn" before it
                        "sign up to your inbox",   // a phrase at the very end
                        "your inbox",              // object alone is not enough...
                        "we use cookies",          // ...a cookie phrase is
                        "uses cookiesuses cookies"})
    EXPECT_EQ(is_boilerplate_line(s), std::string_view(s) != "your inbox") << s;
  EXPECT_FALSE(is_boilerplate_line("newslette subscribe"));  // cut object: no phrase
  EXPECT_FALSE(is_boilerplate_line("follow me"));            // follow call without a network
}

// Longer lines are searched 16 positions a step for where a phrase may start (the SSSE3
// prefilter), the last step overlapping the one before, and the last three positions byte by
// byte: a phrase counts at every offset of lines of every length up to kLineMax, and a line
// that only misses one of its bytes does not.
TEST(VocabularyTest, PhraseFoundAtEveryOffsetOfLongLines) {
  for (std::string_view phrase : {"use cookies", "afp", "trackback"}) {
    for (size_t length = phrase.size(); length <= 240; length += 7) {
      for (size_t at = 0; at + phrase.size() <= length; ++at) {
        std::string line(length, 'x');
        line.replace(at, phrase.size(), phrase);
        // "afp" counts only closing a line after a separator (a picture agency).
        if (phrase == "afp") {
          if (at + phrase.size() != length || at < 2) continue;
          line[at - 1] = ' ';
          line[at - 2] = '|';
          if (length > 100) continue;  // credit lines are short
        }
        EXPECT_TRUE(is_boilerplate_line(line)) << line;
        line[at + phrase.size() / 2] = 'q';
        EXPECT_FALSE(is_boilerplate_line(line)) << line;
      }
    }
  }
}

// The one-byte phrases (a digit, '@', a non-ASCII byte) are found 16 bytes a step, the last
// step overlapping the one before: each counts at every offset of lines of every length
// around the steps, and its absence too.
TEST(VocabularyTest, OneBytePhrasesFoundAtEveryOffset) {
  for (size_t before = 0; before <= 40; ++before) {
    for (size_t after = 0; after <= 20; ++after) {
      const std::string pad_before(before, 'x'), pad_after(after, 'y');
      // '@' is a social network of the follow rule: "follow ... @name".
      const std::string at = "follow " + pad_before + " @" + pad_after;
      const std::string no_at = "follow " + pad_before + " a" + pad_after;
      EXPECT_TRUE(is_boilerplate_line(at)) << at;
      EXPECT_FALSE(is_boilerplate_line(no_at)) << no_at;
      // A digit with a reading-time phrase (lines up to 60 bytes).
      if (before + after <= 40) {
        const std::string digit = pad_before + " min read 5" + pad_after;
        const std::string no_digit = pad_before + " min read x" + pad_after;
        EXPECT_TRUE(is_boilerplate_line(digit)) << digit;
        EXPECT_FALSE(is_boilerplate_line(no_digit)) << no_digit;
      }
      // A non-ASCII byte opens the Chinese credit line check ('来源：' after a date).
      const std::string source = "2005 " + pad_before + "来源：新华网";
      EXPECT_TRUE(is_boilerplate_line(source)) << source;
    }
  }
}

// check_short_text answers as the single checks do, for every combination of them, on texts
// that pass one check, several or none, in any case and spacing, and again from its memo.
TEST(VocabularyTest, CombinedShortChecksAgreeWithTheSingleChecks) {
  const std::string long_line(300, 'a');
  const std::string texts[] = {"Skip to content",
                               "  SKIP   to\tcontent  ",
                               "Share",
                               "Share:",
                               "[edit]",
                               "[ Bearbeiten | Quelltext bearbeiten ]",
                               "5 min read",
                               "Image 1 of 5",
                               "Photo by Jan Novak/Getty Images",
                               "Updated 5:27 am CST, Wednesday, November 20, 2019",
                               "Updated at 1:23 p.m.",
                               "Published 18 November 2019 by Ann Lee, 5 min read",
                               "Capacity: 350 ml",
                               "UPDATED 5:27 AM CST, WEDNESDAY,   NOVEMBER\t\t20, 2019",
                               "PHOTO BY JAN NOVAK / GETTY   IMAGES",
                               "Veröffentlicht AM 3. MÄRZ 2021 UM\n\n12:00 UHR",
                               "Follow us on Twitter: @harbourpost  and\tFACEBOOK",
                               "The council met on Tuesday to discuss the bridge.",
                               "",
                               "   ",
                               long_line,
                               "Follow the Harbour Post on Facebook, Twitter and Instagram."};
  auto single = [](const std::string& t, uint32_t which) {
    return ((which & kCheckSkipLink) && is_skip_link_text(t)) ||
           ((which & kCheckPhrase) && is_boilerplate_phrase(t)) ||
           ((which & kCheckEditLink) && is_edit_link_text(t)) ||
           ((which & kCheckLine) && is_boilerplate_line(t)) ||
           ((which & kCheckDateline) && is_dateline(t));
  };
  for (int round = 0; round < 2; ++round)
    for (uint32_t which = 1; which < 32; ++which)
      for (const std::string& t : texts)
        EXPECT_EQ(check_short_text(t, which), single(t, which)) << t << " " << which;
  // A text first asked about one check, then about another.
  EXPECT_FALSE(check_short_text("Published 3 March 2021 12:00", kCheckPhrase));
  EXPECT_TRUE(check_short_text("Published 3 March 2021 12:00", kCheckDateline));
  EXPECT_TRUE(check_short_text("Published 3 March 2021 12:00", kCheckPhrase | kCheckDateline));
}

TEST(VocabularyTest, LongCookieNotices) {
  EXPECT_TRUE(is_cookie_notice(
      "This website uses cookies. By continuing to use our website without changing the "
      "settings, you are agreeing to our use of cookies. Click here for more information about "
      "the cookies we set, how long we keep them and how you can turn them off at any time."));
  EXPECT_TRUE(
      is_cookie_notice("Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu "
                       "bieten. Wenn Sie weiter surfen, stimmen Sie dem zu."));
  // A paragraph that comes to cookie use only later is prose, and so is a recipe.
  EXPECT_FALSE(is_cookie_notice(
      "The regulator published its yearly report on Tuesday, and among many other findings it "
      "says that most news sites use cookies from dozens of advertisers."));
  EXPECT_FALSE(is_cookie_notice("Bake the cookies for twelve minutes until the edges are golden."));
  // The word is found in any letter case wherever it falls in the 16-byte steps of the scan.
  for (size_t pad = 0; pad < 20; ++pad) {
    const std::string lead(pad, pad % 2 ? ' ' : '\n');
    EXPECT_TRUE(is_cookie_notice(lead + "We USE COOKIES on this site.")) << pad;
    EXPECT_TRUE(is_cookie_notice(lead + "Our Cookie Policy explains the rest.")) << pad;
    EXPECT_FALSE(is_cookie_notice(lead + "We use kookies and cooKing tips here.")) << pad;
  }
}

TEST(VocabularyTest, ShopRelatedHeadings) {
  for (const char* s :
       {"People who viewed this item also viewed", "Frequently Bought Together", "Similar items",
        "Customers also bought:", "  Recently viewed  ", "Explore related items", "More like this"})
    EXPECT_TRUE(is_shop_related_heading(s)) << s;
  for (const char* s : {"Product details", "Similar to the old model, the lid screws on", "Reviews",
                        "Customer service", "People", "Frequently asked questions"})
    EXPECT_FALSE(is_shop_related_heading(s)) << s;
}

TEST(VocabularyTest, RelatedStoryHeadings) {
  for (const char* s : {"More Great WIRED Stories", "Related content", "Most read in world news",
                        "Popular on IndieWire", "You may also like", "Материалы по теме",
                        "Leia também", "Lire aussi", "More:"})
    EXPECT_TRUE(is_related_heading(s)) << s;
  for (const char* s :
       {"What the stops are", "See also", "Moreover, the council agreed", "Relative humidity",
        "Most of the route runs along the coast and needs "
        "no new track at all"})
    EXPECT_FALSE(is_related_heading(s)) << s;
}

TEST(VocabularyTest, CommentsHeadings) {
  for (const char* s : {"Comments", "12 Comments:", "1 comment", "评论", "网友评论：", "Kommentare",
                        "1,204 comments"})
    EXPECT_TRUE(is_comments_heading(s)) << s;
  for (const char* s : {"Comments on the draft budget", "Replies", "评论员文章", "No comments yet",
                        "Re: the new bridge", ""})
    EXPECT_FALSE(is_comments_heading(s)) << s;
}

TEST(VocabularyTest, Captions) {
  EXPECT_EQ(classify_attribute("wp-caption-text", nullptr), Boilerplate::kCaption);
  EXPECT_EQ(classify_attribute("photo-credit", nullptr), Boilerplate::kCaption);
  EXPECT_EQ(classify_attribute("newsCaption", nullptr), Boilerplate::kCaption);
  EXPECT_EQ(classify_attribute("lead imagecaption", nullptr), Boilerplate::kCaption);
  EXPECT_EQ(classify_attribute("captionless-grid", nullptr), Boilerplate::kNone);
}

TEST(VocabularyTest, AuthorHeadings) {
  for (const char* s : {"About the author", "ABOUT THE AUTHOR", "Author:", "About the Reviewer",
                        "Written by", "Über den Autor", "作者简介", "  About the authors  "})
    EXPECT_TRUE(is_author_heading(s)) << s;
  for (const char* s :
       {"Written by Jane Doe", "About the book", "Authorities", "Author of the month", ""})
    EXPECT_FALSE(is_author_heading(s)) << s;
}

TEST(VocabularyTest, PersonIntroductions) {
  for (const char* s : {"Jane Doe is a freelance writer", "Jane Q. Doe has been covering courts",
                        "Ana Souza-Lima has over ten years", "  Jean-Luc Roy is the editor"})
    EXPECT_TRUE(opens_person_introduction(s)) << s;
  for (const char* s :
       {"Jane is a writer", "The Reading Room is a library", "Rocky Hill is another ranch",
        "US President Donald Trump has been eager", "jane doe is a writer", "Jane Doe",
        "Paris Baguette has kept prices low", ""})
    EXPECT_FALSE(opens_person_introduction(s)) << s;
}

TEST(VocabularyTest, NameWords) {
  for (std::string_view w : {"Jane", "O'Neil", "Smith-Jones", "J.", "Jürgen", "McDonald"})
    EXPECT_TRUE(is_name_word(w)) << w;
  for (std::string_view w : {"", "jane", "Jane,", "3M", "(Paul", "Jane!", "Ölund"})
    EXPECT_FALSE(is_name_word(w)) << w;
}

TEST(VocabularyTest, FirstNameIntroductions) {
  EXPECT_TRUE(opens_first_name_introduction("Jane is a writer at the paper.", "Jane Doe"));
  EXPECT_TRUE(opens_first_name_introduction("Jane has been an editor", "Jane Doe, Editor"));
  EXPECT_FALSE(opens_first_name_introduction("Jane is a writer", "Janet Doe"));
  EXPECT_FALSE(opens_first_name_introduction("Jane wrote this", "Jane Doe"));
  EXPECT_FALSE(opens_first_name_introduction("jane is a writer", "jane doe"));
  EXPECT_FALSE(opens_first_name_introduction("Jane is a writer", "Jane"));
  EXPECT_FALSE(opens_first_name_introduction("", "Jane Doe"));
}

TEST(VocabularyTest, FillerText) {
  std::string run;
  for (int k = 0; k < 20; ++k) run += "word ";
  EXPECT_TRUE(is_filler_text(run));
  EXPECT_TRUE(is_filler_text("  " + run + "\n"));
  std::string pair;
  for (int k = 0; k < 12; ++k) pair += "ab cd ";
  EXPECT_TRUE(is_filler_text(pair));
  EXPECT_FALSE(is_filler_text("word word word word word"));  // too short
  EXPECT_FALSE(is_filler_text(run + "and more"));            // a third word
  EXPECT_FALSE(
      is_filler_text("The path runs along the coast for ninety miles, and the path is "
                     "walked in stages from the villages along the way."));
  EXPECT_FALSE(is_filler_text(""));
}

TEST(VocabularyTest, AuthorOpenings) {
  using A = AuthorOpening;
  EXPECT_EQ(opens_with_author("Jane is a writer at the paper.", "Jane Doe"), A::kFirstName);
  EXPECT_EQ(opens_with_author("Jane has been an editor", "By Jane Doe"), A::kFirstName);
  EXPECT_EQ(opens_with_author("Jane Doe writes about towns.", "Jane Doe"), A::kFullName);
  EXPECT_EQ(opens_with_author("Jane Doe's columns run weekly.", "Jane Doe"), A::kFullName);
  EXPECT_EQ(opens_with_author("John Roe is a painter.", "Jane Doe, John Roe"), A::kFullName);
  EXPECT_EQ(opens_with_author("John is a painter.", "Doe, Jane; Roe, John"), A::kNone);
  EXPECT_EQ(opens_with_author("Jane wrote this", "Jane Doe"), A::kNone);  // not a table opening
  EXPECT_EQ(opens_with_author("Janet is a writer", "Jane Doe"), A::kNone);
  EXPECT_EQ(opens_with_author("Jane is a writer", "Jane"), A::kNone);  // one word: too loose
  EXPECT_EQ(opens_with_author("Acme is a studio", "ACME Studio"), A::kNone);
  EXPECT_EQ(opens_with_author("QCY is a brand", "QCY Official"), A::kNone);
  EXPECT_EQ(opens_with_author("The Team is a group", "The Team"), A::kNone);
  EXPECT_EQ(opens_with_author("Jane Doe, a writer", "Jane Doe"), A::kNone);
  EXPECT_EQ(opens_with_author("", "Jane Doe"), A::kNone);
  EXPECT_EQ(opens_with_author("Jane is a writer", ""), A::kNone);
}

TEST(VocabularyTest, AuthorBylines) {
  EXPECT_TRUE(is_author_byline("By Jane Doe", "Jane Doe"));
  EXPECT_TRUE(is_author_byline("By Jane Doe, Editor · Updated May 4, 2025", "Jane Doe"));
  EXPECT_TRUE(is_author_byline("by Rowe - 5 min read", "Rowe"));  // one word after "By"
  EXPECT_TRUE(is_author_byline("Jane Doe • May 4, 2025", "Jane Doe"));
  EXPECT_TRUE(is_author_byline("Jane Doe 3 months ago", "Jane Doe, John Roe"));
  EXPECT_TRUE(is_author_byline("John Roe | Staff", "Doe, Jane; John Roe"));
  EXPECT_FALSE(is_author_byline("Jane Doe, Editor", "Jane Doe"));  // a role, not a byline
  EXPECT_FALSE(is_author_byline("Jane Doe said the bridge would close", "Jane Doe"));
  EXPECT_FALSE(is_author_byline("Jane Doe", "Jane Doe"));  // a bare name is left to the name rules
  EXPECT_FALSE(is_author_byline("Rowe • May 4", "Rowe"));  // one word without "By"
  EXPECT_FALSE(is_author_byline("By John Roe", "Jane Doe"));
  EXPECT_FALSE(is_author_byline("By Jane Doe", ""));
}

TEST(VocabularyTest, AuthorNameOpenings) {
  EXPECT_TRUE(opens_with_author_name("Jane Doe", "Jane Doe"));
  EXPECT_TRUE(opens_with_author_name("Jane Doe Jane is a writer", "John Roe, Jane Doe"));
  EXPECT_TRUE(opens_with_author_name("Jane Doe, Editor", "Jane Doe"));
  EXPECT_FALSE(opens_with_author_name("Jane Doesworth writes", "Jane Doe"));
  EXPECT_FALSE(opens_with_author_name("Rowe is here", "Rowe"));  // one word
  EXPECT_FALSE(opens_with_author_name("The Team writes", "The Team"));
  EXPECT_FALSE(opens_with_author_name("About Jane Doe", "Jane Doe"));
  EXPECT_FALSE(opens_with_author_name("Jane Doe", ""));
}

TEST(VocabularyTest, Disclaimers) {
  EXPECT_EQ(classify_attribute("offer-disclaimer", nullptr), Boilerplate::kDisclaimer);
  EXPECT_EQ(classify_attribute("Disclaimers__list-item", nullptr), Boilerplate::kDisclaimer);
  EXPECT_EQ(classify_attribute("card disclaimer small", nullptr), Boilerplate::kDisclaimer);
  // A block that merely has a disclaimer inside is named for its own role.
  EXPECT_EQ(classify_attribute("block hasDisclaimer", nullptr), Boilerplate::kNone);
}

TEST(VocabularyTest, ChineseCreditLines) {
  for (const char* s :
       {"来源：新华网", "　　来源: 人民日报", "文章来源：千龙网", "（作者：李明）",
        "作者： 王芳 (Wang Fang)", "2005年08月16日　来源：新华网",
        "发布时间：2022-02-13 04:22:18   来源：云南日报", "摄影：刘强", "本报记者 王燕平 方云凤",
        "(摘自《城市季刊》2000年第2期)", "译： Chen Bin", "执笔人：闵乐夫"})
    EXPECT_TRUE(is_boilerplate_line(s)) << s;
  // The editor's line and the original title stay (Readability keeps them), and so does an
  // interviewer's turn; a sentence about a source is no label; a label without its colon is a
  // word of a sentence; long lines are text.
  for (const char* s :
       {"（责任编辑：王林）", "记者：你通过什么渠道最快地获取这些信息？",
        "原标题：他是第一个在月球上喝咖啡的人", "这条消息的来源是一位老师",
        "作者认为这个问题很复杂",
        "来源：新华网 这是一段很长的正文，讲述了一个发生在小城里的故事，从春天一直讲到冬天。"})
    EXPECT_FALSE(is_boilerplate_line(s)) << s;
  EXPECT_TRUE(is_cjk_credit_line("2022-02-13 07:00:00来源：央广网"));
  EXPECT_TRUE(is_cjk_credit_line("作者：李明"));
  EXPECT_FALSE(is_cjk_credit_line("https://example.com/"));
  EXPECT_FALSE(is_cjk_credit_line("23/16"));
}

}  // namespace
}  // namespace klartext::extract
