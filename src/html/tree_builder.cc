// WHATWG HTML tree construction (§13.2.6), with the 2025 "customizable select" parser rules
// that the html5lib suite in shared/data expects (no "in select" insertion modes).
// Tested in tests/html/tree_builder_test.cc (html5lib suite) and tests/html/parser_test.cc.
#include "html/tree_builder.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace klartext::html {
namespace {

using dom::AttrNamespace;
using dom::Document;
using dom::Namespace;
using dom::Node;
using dom::NodeKind;
using dom::Tag;

enum class Mode : uint8_t {
  kInitial,
  kBeforeHtml,
  kBeforeHead,
  kInHead,
  kInHeadNoscript,
  kAfterHead,
  kInBody,
  kText,
  kInTable,
  kInTableText,
  kInCaption,
  kInColumnGroup,
  kInTableBody,
  kInRow,
  kInCell,
  kInTemplate,
  kAfterBody,
  kInFrameset,
  kAfterFrameset,
  kAfterAfterBody,
  kAfterAfterFrameset,
};

// ---- Element categories (HTML namespace unless said otherwise), from §13.2.4.2/§13.2.4.3.

constexpr bool is_special_html(Tag t) {
  switch (t) {
    case Tag::kAddress:
    case Tag::kApplet:
    case Tag::kArea:
    case Tag::kArticle:
    case Tag::kAside:
    case Tag::kBase:
    case Tag::kBasefont:
    case Tag::kBgsound:
    case Tag::kBlockquote:
    case Tag::kBody:
    case Tag::kBr:
    case Tag::kButton:
    case Tag::kCaption:
    case Tag::kCenter:
    case Tag::kCol:
    case Tag::kColgroup:
    case Tag::kDd:
    case Tag::kDetails:
    case Tag::kDir:
    case Tag::kDiv:
    case Tag::kDl:
    case Tag::kDt:
    case Tag::kEmbed:
    case Tag::kFieldset:
    case Tag::kFigcaption:
    case Tag::kFigure:
    case Tag::kFooter:
    case Tag::kForm:
    case Tag::kFrame:
    case Tag::kFrameset:
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
    case Tag::kHead:
    case Tag::kHeader:
    case Tag::kHgroup:
    case Tag::kHr:
    case Tag::kHtml:
    case Tag::kIframe:
    case Tag::kImg:
    case Tag::kInput:
    case Tag::kKeygen:
    case Tag::kLi:
    case Tag::kLink:
    case Tag::kListing:
    case Tag::kMain:
    case Tag::kMarquee:
    case Tag::kMenu:
    case Tag::kMeta:
    case Tag::kNav:
    case Tag::kNoembed:
    case Tag::kNoframes:
    case Tag::kNoscript:
    case Tag::kObject:
    case Tag::kOl:
    case Tag::kP:
    case Tag::kParam:
    case Tag::kPlaintext:
    case Tag::kPre:
    case Tag::kScript:
    case Tag::kSearch:
    case Tag::kSection:
    case Tag::kSelect:
    case Tag::kSource:
    case Tag::kStyle:
    case Tag::kSummary:
    case Tag::kTable:
    case Tag::kTbody:
    case Tag::kTd:
    case Tag::kTemplate:
    case Tag::kTextarea:
    case Tag::kTfoot:
    case Tag::kTh:
    case Tag::kThead:
    case Tag::kTitle:
    case Tag::kTr:
    case Tag::kTrack:
    case Tag::kUl:
    case Tag::kWbr:
    case Tag::kXmp:
      return true;
    default:
      return false;
  }
}

constexpr bool is_mathml_text_ip_tag(Tag t) {
  return t == Tag::kMi || t == Tag::kMo || t == Tag::kMn || t == Tag::kMs || t == Tag::kMtext;
}

bool is_special(const Node* n) {
  switch (n->ns) {
    case Namespace::kHtml:
      return is_special_html(n->tag);
    case Namespace::kMathMl:
      return is_mathml_text_ip_tag(n->tag) || n->tag == Tag::kAnnotationXml;
    case Namespace::kSvg:
      return n->tag == Tag::kForeignobject || n->tag == Tag::kDesc || n->tag == Tag::kTitle;
  }
  return false;
}

constexpr bool is_implied_end(Tag t) {
  switch (t) {
    case Tag::kDd:
    case Tag::kDt:
    case Tag::kLi:
    case Tag::kOptgroup:
    case Tag::kOption:
    case Tag::kP:
    case Tag::kRb:
    case Tag::kRp:
    case Tag::kRt:
    case Tag::kRtc:
      return true;
    default:
      return false;
  }
}

constexpr bool is_implied_end_thorough(Tag t) {
  switch (t) {
    case Tag::kCaption:
    case Tag::kColgroup:
    case Tag::kTbody:
    case Tag::kTd:
    case Tag::kTfoot:
    case Tag::kTh:
    case Tag::kThead:
    case Tag::kTr:
      return true;
    default:
      return is_implied_end(t);
  }
}

constexpr bool is_heading(Tag t) {
  return t == Tag::kH1 || t == Tag::kH2 || t == Tag::kH3 || t == Tag::kH4 || t == Tag::kH5 ||
         t == Tag::kH6;
}

enum class Scope : uint8_t { kDefault, kListItem, kButton, kTable };

bool is_scope_boundary(const Node* n, Scope scope) {
  if (n->ns == Namespace::kHtml) {
    switch (n->tag) {
      case Tag::kHtml:
      case Tag::kTable:
      case Tag::kTemplate:
        return true;
      case Tag::kApplet:
      case Tag::kCaption:
      case Tag::kTd:
      case Tag::kTh:
      case Tag::kMarquee:
      case Tag::kObject:
        return scope != Scope::kTable;
      case Tag::kOl:
      case Tag::kUl:
        return scope == Scope::kListItem;
      case Tag::kButton:
        return scope == Scope::kButton;
      default:
        return false;
    }
  }
  if (scope == Scope::kTable) return false;
  return is_special(n);  // the foreign special elements are exactly the foreign boundaries
}

bool is_whitespace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r'; }

size_t leading_whitespace(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && is_whitespace(s[i])) ++i;
  return i;
}

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

bool ascii_istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && ascii_iequals(s.substr(0, prefix.size()), prefix);
}

// ---- Name adjustment tables for foreign content (§13.2.6.1, "adjust SVG attributes" etc.).
// Copied from the standard's tables; sorted by the lower-case name for binary search.

struct NamePair {
  std::string_view lower;
  std::string_view adjusted;
};

constexpr NamePair kSvgTagNames[] = {
    {"altglyph", "altGlyph"},
    {"altglyphdef", "altGlyphDef"},
    {"altglyphitem", "altGlyphItem"},
    {"animatecolor", "animateColor"},
    {"animatemotion", "animateMotion"},
    {"animatetransform", "animateTransform"},
    {"clippath", "clipPath"},
    {"feblend", "feBlend"},
    {"fecolormatrix", "feColorMatrix"},
    {"fecomponenttransfer", "feComponentTransfer"},
    {"fecomposite", "feComposite"},
    {"feconvolvematrix", "feConvolveMatrix"},
    {"fediffuselighting", "feDiffuseLighting"},
    {"fedisplacementmap", "feDisplacementMap"},
    {"fedistantlight", "feDistantLight"},
    {"fedropshadow", "feDropShadow"},
    {"feflood", "feFlood"},
    {"fefunca", "feFuncA"},
    {"fefuncb", "feFuncB"},
    {"fefuncg", "feFuncG"},
    {"fefuncr", "feFuncR"},
    {"fegaussianblur", "feGaussianBlur"},
    {"feimage", "feImage"},
    {"femerge", "feMerge"},
    {"femergenode", "feMergeNode"},
    {"femorphology", "feMorphology"},
    {"feoffset", "feOffset"},
    {"fepointlight", "fePointLight"},
    {"fespecularlighting", "feSpecularLighting"},
    {"fespotlight", "feSpotLight"},
    {"fetile", "feTile"},
    {"feturbulence", "feTurbulence"},
    {"foreignobject", "foreignObject"},
    {"glyphref", "glyphRef"},
    {"lineargradient", "linearGradient"},
    {"radialgradient", "radialGradient"},
    {"textpath", "textPath"},
};

constexpr NamePair kSvgAttrNames[] = {
    {"attributename", "attributeName"},
    {"attributetype", "attributeType"},
    {"basefrequency", "baseFrequency"},
    {"baseprofile", "baseProfile"},
    {"calcmode", "calcMode"},
    {"clippathunits", "clipPathUnits"},
    {"diffuseconstant", "diffuseConstant"},
    {"edgemode", "edgeMode"},
    {"filterunits", "filterUnits"},
    {"glyphref", "glyphRef"},
    {"gradienttransform", "gradientTransform"},
    {"gradientunits", "gradientUnits"},
    {"kernelmatrix", "kernelMatrix"},
    {"kernelunitlength", "kernelUnitLength"},
    {"keypoints", "keyPoints"},
    {"keysplines", "keySplines"},
    {"keytimes", "keyTimes"},
    {"lengthadjust", "lengthAdjust"},
    {"limitingconeangle", "limitingConeAngle"},
    {"markerheight", "markerHeight"},
    {"markerunits", "markerUnits"},
    {"markerwidth", "markerWidth"},
    {"maskcontentunits", "maskContentUnits"},
    {"maskunits", "maskUnits"},
    {"numoctaves", "numOctaves"},
    {"pathlength", "pathLength"},
    {"patterncontentunits", "patternContentUnits"},
    {"patterntransform", "patternTransform"},
    {"patternunits", "patternUnits"},
    {"pointsatx", "pointsAtX"},
    {"pointsaty", "pointsAtY"},
    {"pointsatz", "pointsAtZ"},
    {"preservealpha", "preserveAlpha"},
    {"preserveaspectratio", "preserveAspectRatio"},
    {"primitiveunits", "primitiveUnits"},
    {"refx", "refX"},
    {"refy", "refY"},
    {"repeatcount", "repeatCount"},
    {"repeatdur", "repeatDur"},
    {"requiredextensions", "requiredExtensions"},
    {"requiredfeatures", "requiredFeatures"},
    {"specularconstant", "specularConstant"},
    {"specularexponent", "specularExponent"},
    {"spreadmethod", "spreadMethod"},
    {"startoffset", "startOffset"},
    {"stddeviation", "stdDeviation"},
    {"stitchtiles", "stitchTiles"},
    {"surfacescale", "surfaceScale"},
    {"systemlanguage", "systemLanguage"},
    {"tablevalues", "tableValues"},
    {"targetx", "targetX"},
    {"targety", "targetY"},
    {"textlength", "textLength"},
    {"viewbox", "viewBox"},
    {"viewtarget", "viewTarget"},
    {"xchannelselector", "xChannelSelector"},
    {"ychannelselector", "yChannelSelector"},
    {"zoomandpan", "zoomAndPan"},
};

// Which (first byte, length) pairs a table's names have: one bit per length below 32 for each
// first byte. SVG icons carry d, fill, stroke, class, width, height on every element, and
// none of them is in the tables: this test answers them without the binary search.
struct NameShapes {
  uint32_t by_first[256] = {};
  constexpr bool may_contain(std::string_view s) const {
    return !s.empty() && s.size() < 32 &&
           (by_first[static_cast<uint8_t>(s[0])] >> s.size() & 1u) != 0;
  }
};

template <size_t N>
constexpr NameShapes shapes_of(const NamePair (&table)[N]) {
  NameShapes shapes;
  for (const NamePair& p : table)
    shapes.by_first[static_cast<uint8_t>(p.lower[0])] |= 1u << p.lower.size();
  return shapes;
}

constexpr NameShapes kSvgTagShapes = shapes_of(kSvgTagNames);
constexpr NameShapes kSvgAttrShapes = shapes_of(kSvgAttrNames);

template <size_t N>
std::string_view adjust_name(const NamePair (&table)[N], std::string_view lower) {
  auto it = std::lower_bound(std::begin(table), std::end(table), lower,
                             [](const NamePair& p, std::string_view s) { return p.lower < s; });
  if (it != std::end(table) && it->lower == lower) return it->adjusted;
  return {};
}

struct ForeignAttr {
  std::string_view qualified;
  std::string_view local;
  AttrNamespace ns;
};

constexpr ForeignAttr kForeignAttrs[] = {
    {"xlink:actuate", "actuate", AttrNamespace::kXlink},
    {"xlink:arcrole", "arcrole", AttrNamespace::kXlink},
    {"xlink:href", "href", AttrNamespace::kXlink},
    {"xlink:role", "role", AttrNamespace::kXlink},
    {"xlink:show", "show", AttrNamespace::kXlink},
    {"xlink:title", "title", AttrNamespace::kXlink},
    {"xlink:type", "type", AttrNamespace::kXlink},
    {"xml:lang", "lang", AttrNamespace::kXml},
    {"xml:space", "space", AttrNamespace::kXml},
    {"xmlns", "xmlns", AttrNamespace::kXmlns},
    {"xmlns:xlink", "xlink", AttrNamespace::kXmlns},
};

// ---- Quirks-mode doctypes (§13.2.6.4.1), copied from the standard's lists.

constexpr std::string_view kQuirksPublicPrefixes[] = {
    "+//silmaril//dtd html pro v0r11 19970101//",
    "-//as//dtd html 3.0 aswedit + extensions//",
    "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
    "-//ietf//dtd html 2.0 level 1//",
    "-//ietf//dtd html 2.0 level 2//",
    "-//ietf//dtd html 2.0 strict level 1//",
    "-//ietf//dtd html 2.0 strict level 2//",
    "-//ietf//dtd html 2.0 strict//",
    "-//ietf//dtd html 2.0//",
    "-//ietf//dtd html 2.1e//",
    "-//ietf//dtd html 3.0//",
    "-//ietf//dtd html 3.2 final//",
    "-//ietf//dtd html 3.2//",
    "-//ietf//dtd html 3//",
    "-//ietf//dtd html level 0//",
    "-//ietf//dtd html level 1//",
    "-//ietf//dtd html level 2//",
    "-//ietf//dtd html level 3//",
    "-//ietf//dtd html strict level 0//",
    "-//ietf//dtd html strict level 1//",
    "-//ietf//dtd html strict level 2//",
    "-//ietf//dtd html strict level 3//",
    "-//ietf//dtd html strict//",
    "-//ietf//dtd html//",
    "-//metrius//dtd metrius presentational//",
    "-//microsoft//dtd internet explorer 2.0 html strict//",
    "-//microsoft//dtd internet explorer 2.0 html//",
    "-//microsoft//dtd internet explorer 2.0 tables//",
    "-//microsoft//dtd internet explorer 3.0 html strict//",
    "-//microsoft//dtd internet explorer 3.0 html//",
    "-//microsoft//dtd internet explorer 3.0 tables//",
    "-//netscape comm. corp.//dtd html//",
    "-//netscape comm. corp.//dtd strict html//",
    "-//o'reilly and associates//dtd html 2.0//",
    "-//o'reilly and associates//dtd html extended 1.0//",
    "-//o'reilly and associates//dtd html extended relaxed 1.0//",
    "-//sq//dtd html 2.0 hotmetal + extensions//",
    "-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//",
    "-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//",
    "-//spyglass//dtd html 2.0 extended//",
    "-//sun microsystems corp.//dtd hotjava html//",
    "-//sun microsystems corp.//dtd hotjava strict html//",
    "-//w3c//dtd html 3 1995-03-24//",
    "-//w3c//dtd html 3.2 draft//",
    "-//w3c//dtd html 3.2 final//",
    "-//w3c//dtd html 3.2//",
    "-//w3c//dtd html 3.2s draft//",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental 19960712//",
    "-//w3c//dtd html experimental 970421//",
    "-//w3c//dtd w3 html//",
    "-//w3o//dtd w3 html 3.0//",
    "-//webtechs//dtd mozilla html 2.0//",
    "-//webtechs//dtd mozilla html//",
};

dom::QuirksMode doctype_quirks(const Token& t) {
  using dom::QuirksMode;
  if (t.force_quirks || !t.has_name || t.name != "html") return QuirksMode::kQuirks;
  std::string_view pub = t.has_public_id ? t.public_id : std::string_view();
  std::string_view sys = t.has_system_id ? t.system_id : std::string_view();
  if (t.has_public_id) {
    if (ascii_iequals(pub, "-//W3O//DTD W3 HTML Strict 3.0//EN//") ||
        ascii_iequals(pub, "-/W3C/DTD HTML 4.0 Transitional/EN") || ascii_iequals(pub, "HTML"))
      return QuirksMode::kQuirks;
    for (std::string_view p : kQuirksPublicPrefixes)
      if (ascii_istarts_with(pub, p)) return QuirksMode::kQuirks;
  }
  if (t.has_system_id &&
      ascii_iequals(sys, "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"))
    return QuirksMode::kQuirks;
  if (t.has_public_id) {
    bool html401 = ascii_istarts_with(pub, "-//W3C//DTD HTML 4.01 Frameset//") ||
                   ascii_istarts_with(pub, "-//W3C//DTD HTML 4.01 Transitional//");
    if (html401 && !t.has_system_id) return QuirksMode::kQuirks;
    if (ascii_istarts_with(pub, "-//W3C//DTD XHTML 1.0 Frameset//") ||
        ascii_istarts_with(pub, "-//W3C//DTD XHTML 1.0 Transitional//"))
      return QuirksMode::kLimitedQuirks;
    if (html401 && t.has_system_id) return QuirksMode::kLimitedQuirks;
  }
  return QuirksMode::kNoQuirks;
}

// Where a node goes: inside `parent`, before `before` (nullptr: at the end).
struct Place {
  Node* parent;
  Node* before;
};

class Builder {
 public:
  Builder(Document& doc, Tokenizer& tok, std::string_view input, const BuildOptions& options)
      : doc_(doc), tok_(tok), input_(input), options_(options) {
    // The cap never closes <html>, and html > body > one element is the least a page needs
    // to keep its shape; 4 is the smallest cap that leaves room for that.
    max_depth_ = std::max<uint32_t>(options.max_depth, 4);
    // Reconstructing the active formatting elements clones up to the whole list (capped at
    // max_depth entries) for every paragraph, so "<b>" x 512 followed by "</p><p>" x 20,000
    // builds 10 million nodes from half a megabyte. Real pages reconstruct a few elements per
    // paragraph (an unclosed <font> or <b>), far below one clone per 8 input bytes, and 4096
    // covers a short page with hundreds of paragraphs under several unclosed tags; past the
    // budget, text goes into the current element instead (all of it is kept).
    reconstruct_budget_ = kMinReconstructBudget + input.size() / 8;
  }

  void set_fragment(const FragmentContext& ctx);
  void run();
  BuildResult result() const { return result_; }

 private:
  // ---- token dispatch
  void process(Token& t);
  void process_in(Mode mode, Token& t);
  // One insertion mode's rules; true when the token must be reprocessed.
  bool dispatch(Mode mode, Token& t);
  // Reprocesses t after a mode asked for it, as process_in does.
  void reprocess(Token& t);
  bool use_foreign_rules(const Token& t) const;
  void foreign_content(Token& t);

  // One function per insertion mode; each returns true when the token must be reprocessed
  // in the (new) current mode.
  bool initial(Token& t);
  bool before_html(Token& t);
  bool before_head(Token& t);
  bool in_head(Token& t);
  bool in_head_noscript(Token& t);
  bool after_head(Token& t);
  bool in_body(Token& t);
  // "In body" for a character token; inline, as run() calls it directly for most text.
  bool in_body_characters(Token& t) {
    if (t.data[0] == '\0') {
      error();
      return false;
    }
    reconstruct_formatting();
    // The usual case inline: a view of the input that starts a new text node at the end of
    // the current element (no foster parenting, no template, no text node to extend). It
    // does what insert_chars does then.
    Node* parent = current();
    Node* last = parent->last_child;
    if (t.data_stable && !foster_ && parent->kind == NodeKind::kElement &&
        !parent->is_html(Tag::kTemplate) && !(last && last->kind == NodeKind::kText) &&
        in_input(t.data)) {
      flush_text();
      Node* n = doc_.create_text(t.data);
      open_text_ = n;
      Document::append_child(parent, n);
    } else {
      insert_chars(t.data, t.data_stable);
    }
    if (frameset_ok_ && leading_whitespace(t.data) != t.data.size()) frameset_ok_ = false;
    return false;
  }
  bool in_body_start(Token& t);
  bool in_body_end(Token& t);
  bool text_mode(Token& t);
  bool in_table(Token& t);
  bool in_table_text(Token& t);
  bool in_caption(Token& t);
  bool in_column_group(Token& t);
  bool in_table_body(Token& t);
  bool in_row(Token& t);
  bool in_cell(Token& t);
  bool in_template(Token& t);
  bool after_body(Token& t);
  bool in_frameset(Token& t);
  bool after_frameset(Token& t);
  bool after_after_body(Token& t);
  bool after_after_frameset(Token& t);

  // ---- node creation and insertion
  // Token strings that point into the (adopted) input are referenced; others are copied.
  bool in_input(std::string_view s) const {
    auto p = reinterpret_cast<uintptr_t>(s.data());
    auto b = reinterpret_cast<uintptr_t>(input_.data());
    return p >= b && p + s.size() <= b + input_.size();
  }
  std::string_view keep(std::string_view s) {
    if (s.empty()) return {};
    return in_input(s) ? s : doc_.copy_string(s);
  }
  Node* create_element(const Token& t, Namespace ns);
  Node* create_html(Tag tag);
  Node* clone_element(const Node* n);
  // The appropriate place for inserting a node. Inline for the common case (no foster
  // parenting, target not a <template>); the rest is appropriate_place_slow.
  Place appropriate_place(Node* override_target = nullptr) {
    Node* target = override_target ? override_target : current();
    if (!foster_ && !target->is_html(Tag::kTemplate)) return {target, nullptr};
    return appropriate_place_slow(target);
  }
  Place appropriate_place_slow(Node* target);
  void insert_at(Place p, Node* n);
  // Inserts n at the appropriate place and pushes it. Inline, with the depth cap (which never
  // applies on ordinary pages) out of line in cap_depth.
  void place_and_push(Node* n) {
    if (open_.size() >= max_depth_) cap_depth();
    insert_at(appropriate_place(), n);
    push(n);
  }
  void cap_depth();
  Node* insert_element(const Token& t);  // HTML element for the token, pushed
  Node* insert_html(Tag tag);            // HTML element with no attributes, pushed
  Node* insert_foreign(Token& t, Namespace ns);
  void insert_comment(const Token& t, Node* parent = nullptr);
  void insert_chars(std::string_view data, bool stable);
  // Inserts the character token's leading whitespace and removes it from the token, as the
  // head modes and "in column group" do; true when nothing is left of the token.
  bool insert_leading_whitespace(Token& t);
  void append_text(Node* text, std::string_view data, bool stable);
  // Ends the text node being grown: its buffered bytes (if any) go to the arena. Inline: it
  // runs for every new text node, and usually has nothing to copy.
  void flush_text() {
    if (text_in_buf_) {
      if (open_text_) open_text_->data = doc_.copy_string(text_buf_);
      text_in_buf_ = false;
    }
    open_text_ = nullptr;
  }
  void generic_text_element(const Token& t, TokenizerState state);
  void end_unclosed_text_at_noscript();

  // ---- stack of open elements
  Node* current() const { return open_.back(); }
  Node* adjusted_current() const {
    return (context_ && open_.size() == 1) ? context_ : open_.back();
  }
  void push(Node* n);
  void pop();
  // The bookkeeping of an element entering or leaving the stack (open_ itself is the caller's):
  // on_stack_, and the open counts per HTML tag and of foreign elements.
  void note_opened(const Node* n);
  void note_closed(const Node* n);
  void clone_into_selectedcontent(Node* option);
  void remove_from_stack(Node* n);
  int stack_index(const Node* n) const;
  bool on_stack(const Node* n) const { return n->id < on_stack_.size() && on_stack_[n->id] != 0; }
  bool in_scope(Tag tag, Scope scope = Scope::kDefault) const;
  bool node_in_scope(const Node* n) const;
  bool heading_in_scope() const;
  bool has_template() const { return html_count_[static_cast<size_t>(Tag::kTemplate)] > 0; }
  bool current_is(Tag t) const { return current()->is_html(t); }
  void pop_until(Tag tag);  // pops up to and including the nearest HTML `tag`
  void pop_until_heading();
  void generate_implied_end_tags(Tag except = Tag::kUnknown);
  void generate_implied_end_tags_thoroughly();
  void close_p();
  void close_p_if_in_button_scope() {
    if (in_scope(Tag::kP, Scope::kButton)) close_p();
  }
  void clear_to_table_context();
  void clear_to_table_body_context();
  void clear_to_row_context();
  void reset_insertion_mode();
  void close_cell();

  // ---- active formatting elements (nullptr entries are markers)
  void push_formatting(Node* n);
  void push_marker() { afe_.push_back(nullptr); }
  void clear_formatting_to_marker();
  // Reconstructs the active formatting elements; inline for the usual case where there is
  // nothing to reconstruct (no entries, or the last is a marker or still open).
  void reconstruct_formatting() {
    if (afe_.empty()) return;
    Node* last = afe_.back();
    if (!last || on_stack(last)) return;
    reconstruct_formatting_slow();
  }
  void reconstruct_formatting_slow();
  int afe_index(const Node* n) const;
  bool adoption_agency(const Token& t);  // false: act as "any other end tag"
  void any_other_end_tag(const Token& t);

  void add_missing_attributes(Node* target, const Token& t);
  void error() { ++result_.parse_errors; }
  void stop() { stopped_ = true; }

  Document& doc_;
  Tokenizer& tok_;
  std::string_view input_;
  BuildOptions options_;
  uint32_t max_depth_;
  BuildResult result_;

  Mode mode_ = Mode::kInitial;
  Mode original_mode_ = Mode::kInitial;
  std::vector<Mode> template_modes_;
  std::vector<Node*> open_;
  std::vector<uint8_t> on_stack_;  // by node id: 1 while on the stack of open elements
  uint32_t html_count_[static_cast<size_t>(Tag::kCount)] = {};  // open HTML elements per tag
  // Open SVG and MathML elements: while there are none (most of most pages) run() knows the
  // adjusted current node is HTML without loading it, a dependent load per token perf put
  // the most samples of run()'s own time on.
  uint32_t foreign_count_ = 0;
  std::vector<Node*> afe_;
  Node* head_ = nullptr;
  Node* form_ = nullptr;
  Node* context_ = nullptr;  // fragment parsing context element (not in the tree)
  bool frameset_ok_ = true;
  bool foster_ = false;
  bool skip_lf_ = false;
  bool stopped_ = false;
  bool has_selectedcontent_ = false;
  // Nodes that selectedcontent upkeep may visit or copy in one parse. Each closed option
  // rescans its select, so a page with one <selectedcontent> and a huge select would be
  // quadratic; the budget equals the default max_nodes, far above any real form.
  size_t clone_budget_ = size_t(4) << 20;
  // Element clones that reconstruct_formatting may still make (see the constructor).
  static constexpr size_t kMinReconstructBudget = 4096;
  size_t reconstruct_budget_ = 0;

  std::string pending_table_text_;
  bool pending_has_non_ws_ = false;

  // The text node being grown, and its bytes while they are not a view of the input.
  Node* open_text_ = nullptr;
  std::string text_buf_;
  bool text_in_buf_ = false;
};

// ---------------------------------------------------------------------------------------------
// Stack of open elements

inline void Builder::note_opened(const Node* n) {
  if (n->id >= on_stack_.size())
    on_stack_.resize(std::max<size_t>(n->id + 1, 2 * on_stack_.size()));
  on_stack_[n->id] = 1;
  if (n->ns == Namespace::kHtml)
    ++html_count_[static_cast<size_t>(n->tag)];
  else
    ++foreign_count_;
}

inline void Builder::note_closed(const Node* n) {
  on_stack_[n->id] = 0;
  if (n->ns == Namespace::kHtml)
    --html_count_[static_cast<size_t>(n->tag)];
  else
    --foreign_count_;
}

void Builder::push(Node* n) {
  note_opened(n);
  open_.push_back(n);
}

void Builder::pop() {
  Node* n = open_.back();
  open_.pop_back();
  note_closed(n);
  if (n->is_html(Tag::kOption) && has_selectedcontent_) clone_into_selectedcontent(n);
}

// "Maybe clone an option into selectedcontent" (customizable <select>): when the selected
// option of a select is closed, the select's first <selectedcontent> gets a copy of its
// children. Only runs once a selectedcontent element exists, so ordinary pages never pay.
void Builder::clone_into_selectedcontent(Node* option) {
  Node* select = option->parent;
  while (select && !select->is_html(Tag::kSelect)) select = select->parent;
  if (!select || clone_budget_ == 0) return;
  Node* target = nullptr;
  bool any_selected_attr = false;
  Node* first_option = nullptr;
  for (Node* n = select->first_child; n;) {
    if (clone_budget_ == 0) return;
    --clone_budget_;
    if (n->kind == NodeKind::kElement && n->ns == Namespace::kHtml) {
      if (!target && n->tag == Tag::kUnknown && n->name == "selectedcontent") target = n;
      if (n->tag == Tag::kOption) {
        if (!first_option) first_option = n;
        if (n->has_attr("selected")) any_selected_attr = true;
      }
    }
    if (n->first_child) {
      n = n->first_child;
      continue;
    }
    while (n != select && !n->next_sibling) n = n->parent;
    if (n == select) break;
    n = n->next_sibling;
  }
  if (!target) return;
  bool selected = option->has_attr("selected") || (!any_selected_attr && option == first_option);
  if (!selected) return;
  // Never copy a subtree into itself, nor wipe the option out by replacing an ancestor's
  // children.
  for (Node* a = target; a; a = a->parent)
    if (a == option) return;
  for (Node* a = option; a; a = a->parent)
    if (a == target) return;
  flush_text();
  while (Node* c = target->first_child) Document::detach(c);
  const Node* n = option->first_child;
  Node* parent = target;
  while (n && clone_budget_ > 0) {
    --clone_budget_;
    Node* c = nullptr;
    switch (n->kind) {
      case NodeKind::kElement:
        c = clone_element(n);
        break;
      case NodeKind::kText:
        c = doc_.create_text(n->data);
        break;
      case NodeKind::kComment:
        c = doc_.create_comment(n->data);
        break;
      default:
        c = doc_.create_fragment();
        break;
    }
    Document::append_child(parent, c);
    if (n->first_child) {
      parent = c;
      n = n->first_child;
      continue;
    }
    while (n != option && !n->next_sibling) {
      n = n->parent;
      parent = parent->parent;
    }
    if (n == option) break;
    n = n->next_sibling;
  }
}

void Builder::remove_from_stack(Node* n) {
  int i = stack_index(n);
  if (i < 0) return;
  open_.erase(open_.begin() + i);
  note_closed(n);
}

int Builder::stack_index(const Node* n) const {
  if (!on_stack(n)) return -1;
  for (int i = static_cast<int>(open_.size()) - 1; i >= 0; --i)
    if (open_[i] == n) return i;
  return -1;
}

bool Builder::in_scope(Tag tag, Scope scope) const {
  if (html_count_[static_cast<size_t>(tag)] == 0) return false;
  for (size_t i = open_.size(); i-- > 0;) {
    const Node* n = open_[i];
    if (n->ns == Namespace::kHtml && n->tag == tag) return true;
    if (is_scope_boundary(n, scope)) return false;
  }
  return false;
}

bool Builder::node_in_scope(const Node* target) const {
  for (size_t i = open_.size(); i-- > 0;) {
    const Node* n = open_[i];
    if (n == target) return true;
    if (is_scope_boundary(n, Scope::kDefault)) return false;
  }
  return false;
}

bool Builder::heading_in_scope() const {
  for (size_t i = open_.size(); i-- > 0;) {
    const Node* n = open_[i];
    if (n->ns == Namespace::kHtml && is_heading(n->tag)) return true;
    if (is_scope_boundary(n, Scope::kDefault)) return false;
  }
  return false;
}

void Builder::pop_until(Tag tag) {
  if (html_count_[static_cast<size_t>(tag)] == 0) return;
  while (open_.size() > 1) {
    bool done = current()->is_html(tag);
    pop();
    if (done) return;
  }
}

void Builder::pop_until_heading() {
  while (open_.size() > 1) {
    Node* n = current();
    bool done = n->ns == Namespace::kHtml && is_heading(n->tag);
    pop();
    if (done) return;
  }
}

void Builder::generate_implied_end_tags(Tag except) {
  while (open_.size() > 1) {
    Node* n = current();
    if (n->ns != Namespace::kHtml || !is_implied_end(n->tag) || n->tag == except) return;
    pop();
  }
}

void Builder::generate_implied_end_tags_thoroughly() {
  while (open_.size() > 1) {
    Node* n = current();
    if (n->ns != Namespace::kHtml || !is_implied_end_thorough(n->tag)) return;
    pop();
  }
}

void Builder::close_p() {
  generate_implied_end_tags(Tag::kP);
  if (!current_is(Tag::kP)) error();
  pop_until(Tag::kP);
}

void Builder::clear_to_table_context() {
  while (open_.size() > 1 && !current_is(Tag::kTable) && !current_is(Tag::kTemplate) &&
         !current_is(Tag::kHtml))
    pop();
}

void Builder::clear_to_table_body_context() {
  while (open_.size() > 1 && !current_is(Tag::kTbody) && !current_is(Tag::kTfoot) &&
         !current_is(Tag::kThead) && !current_is(Tag::kTemplate) && !current_is(Tag::kHtml))
    pop();
}

void Builder::clear_to_row_context() {
  while (open_.size() > 1 && !current_is(Tag::kTr) && !current_is(Tag::kTemplate) &&
         !current_is(Tag::kHtml))
    pop();
}

void Builder::reset_insertion_mode() {
  for (size_t i = open_.size(); i-- > 0;) {
    Node* node = open_[i];
    bool last = i == 0;
    if (last && context_) node = context_;
    if (node->ns != Namespace::kHtml) {
      if (last) break;
      continue;
    }
    switch (node->tag) {
      case Tag::kTd:
      case Tag::kTh:
        if (!last) {
          mode_ = Mode::kInCell;
          return;
        }
        break;
      case Tag::kTr:
        mode_ = Mode::kInRow;
        return;
      case Tag::kTbody:
      case Tag::kThead:
      case Tag::kTfoot:
        mode_ = Mode::kInTableBody;
        return;
      case Tag::kCaption:
        mode_ = Mode::kInCaption;
        return;
      case Tag::kColgroup:
        mode_ = Mode::kInColumnGroup;
        return;
      case Tag::kTable:
        mode_ = Mode::kInTable;
        return;
      case Tag::kTemplate:
        mode_ = template_modes_.empty() ? Mode::kInBody : template_modes_.back();
        return;
      case Tag::kHead:
        if (!last) {
          mode_ = Mode::kInHead;
          return;
        }
        break;
      case Tag::kBody:
        mode_ = Mode::kInBody;
        return;
      case Tag::kFrameset:
        mode_ = Mode::kInFrameset;
        return;
      case Tag::kHtml:
        mode_ = head_ ? Mode::kAfterHead : Mode::kBeforeHead;
        return;
      default:
        break;
    }
    if (last) break;
  }
  mode_ = Mode::kInBody;
}

void Builder::close_cell() {
  generate_implied_end_tags();
  if (!current_is(Tag::kTd) && !current_is(Tag::kTh)) error();
  while (open_.size() > 1) {
    bool done = current_is(Tag::kTd) || current_is(Tag::kTh);
    pop();
    if (done) break;
  }
  clear_formatting_to_marker();
  mode_ = Mode::kInRow;
}

// ---------------------------------------------------------------------------------------------
// Active formatting elements

int Builder::afe_index(const Node* n) const {
  for (int i = static_cast<int>(afe_.size()) - 1; i >= 0; --i)
    if (afe_[i] == n) return i;
  return -1;
}

bool same_attributes(const Node* a, const Node* b) {
  if (a->attr_count != b->attr_count) return false;
  for (uint32_t i = 0; i < a->attr_count; ++i) {
    bool found = false;
    for (uint32_t j = 0; j < b->attr_count; ++j) {
      if (a->attrs[i].name == b->attrs[j].name && a->attrs[i].ns == b->attrs[j].ns) {
        found = a->attrs[i].value == b->attrs[j].value;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

void Builder::push_formatting(Node* n) {
  // Noah's Ark clause: at most three identical entries after the last marker.
  int count = 0;
  int earliest = -1;
  size_t since_marker = 0;
  for (size_t i = afe_.size(); i-- > 0;) {
    const Node* e = afe_[i];
    if (!e) break;
    ++since_marker;
    if (e->tag == n->tag && e->ns == n->ns && e->name == n->name && same_attributes(e, n)) {
      ++count;
      earliest = static_cast<int>(i);
    }
  }
  if (count >= 3) {
    afe_.erase(afe_.begin() + earliest);
  } else if (since_marker >= max_depth_) {
    // Resource cap, not in the standard: formatting elements that are never closed would make
    // every later start tag rescan an ever longer list. Keeping as many as the depth cap allows
    // matches what the stack can hold anyway.
    afe_.erase(afe_.end() - static_cast<std::ptrdiff_t>(since_marker));
  }
  afe_.push_back(n);
}

void Builder::clear_formatting_to_marker() {
  while (!afe_.empty()) {
    Node* e = afe_.back();
    afe_.pop_back();
    if (!e) return;
  }
}

void Builder::reconstruct_formatting_slow() {
  size_t i = afe_.size() - 1;
  while (i > 0) {
    Node* e = afe_[i - 1];
    if (!e || on_stack(e)) break;
    --i;
  }
  size_t needed = afe_.size() - i;
  if (needed > reconstruct_budget_) return;  // resource cap, not in the standard
  reconstruct_budget_ -= needed;
  for (; i < afe_.size(); ++i) {
    Node* clone = clone_element(afe_[i]);
    place_and_push(clone);
    if (i >= afe_.size()) break;  // the depth cap closed a cell and its marker section
    afe_[i] = clone;
  }
}

// The adoption agency algorithm (§13.2.6.4.7). Returns false when the caller must run the
// "any other end tag" steps instead.
bool Builder::adoption_agency(const Token& t) {
  Node* cur = current();
  if (cur->ns == Namespace::kHtml && cur->tag == t.tag && afe_index(cur) < 0) {
    pop();
    return true;
  }
  for (int outer = 0; outer < 8; ++outer) {
    int fe_afe = -1;
    for (int i = static_cast<int>(afe_.size()) - 1; i >= 0; --i) {
      Node* e = afe_[i];
      if (!e) break;
      if (e->ns == Namespace::kHtml && e->tag == t.tag) {
        fe_afe = i;
        break;
      }
    }
    if (fe_afe < 0) return false;
    Node* fe = afe_[fe_afe];
    int fe_stack = stack_index(fe);
    if (fe_stack < 0) {
      error();
      afe_.erase(afe_.begin() + fe_afe);
      return true;
    }
    if (!node_in_scope(fe)) {
      error();
      return true;
    }
    if (fe != current()) error();
    int fb_stack = -1;
    for (size_t i = fe_stack + 1; i < open_.size(); ++i) {
      if (is_special(open_[i])) {
        fb_stack = static_cast<int>(i);
        break;
      }
    }
    if (fb_stack < 0) {
      while (open_.size() > static_cast<size_t>(fe_stack)) pop();
      afe_.erase(afe_.begin() + fe_afe);
      return true;
    }
    Node* furthest = open_[fb_stack];
    Node* common = open_[fe_stack - 1];
    int bookmark = fe_afe;
    Node* node = furthest;
    Node* last = furthest;
    int node_index = fb_stack;
    for (int inner = 1;; ++inner) {
      --node_index;
      node = open_[node_index];
      if (node == fe) break;
      int node_afe = afe_index(node);
      if (inner > 3 && node_afe >= 0) {
        afe_.erase(afe_.begin() + node_afe);
        if (node_afe < bookmark) --bookmark;
        node_afe = -1;
      }
      if (node_afe < 0) {
        remove_from_stack(node);
        continue;
      }
      Node* clone = clone_element(node);
      afe_[node_afe] = clone;
      note_closed(node);
      note_opened(clone);
      open_[node_index] = clone;
      node = clone;
      if (last == furthest) bookmark = node_afe + 1;
      Document::detach(last);
      Document::append_child(node, last);
      last = node;
    }
    Document::detach(last);
    insert_at(appropriate_place(common), last);
    Node* clone = clone_element(fe);
    Node* fb_container = furthest;
    if (furthest->is_html(Tag::kTemplate) && furthest->first_child)
      fb_container = furthest->first_child;
    while (Node* c = fb_container->first_child) {
      Document::detach(c);
      Document::append_child(clone, c);
    }
    Document::append_child(fb_container, clone);
    // Replace the formatting element in the list at the bookmark.
    int fe_now = afe_index(fe);
    afe_.insert(afe_.begin() + bookmark, clone);
    if (fe_now >= bookmark) ++fe_now;
    afe_.erase(afe_.begin() + fe_now);
    // And in the stack, just below the furthest block.
    remove_from_stack(fe);
    int fb_now = stack_index(furthest);
    open_.insert(open_.begin() + fb_now + 1, clone);
    note_opened(clone);
  }
  return true;
}

void Builder::any_other_end_tag(const Token& t) {
  for (size_t i = open_.size(); i-- > 0;) {
    Node* n = open_[i];
    if (n->ns == Namespace::kHtml && n->tag == t.tag &&
        (t.tag != Tag::kUnknown || n->name == t.name)) {
      generate_implied_end_tags(t.tag == Tag::kUnknown ? Tag::kCount : t.tag);
      if (current() != n) error();
      while (open_.size() > i) pop();
      return;
    }
    if (is_special(n)) {
      error();
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Node creation and insertion

Node* Builder::create_element(const Token& t, Namespace ns) {
  std::string_view name;
  if (ns == Namespace::kHtml && t.tag != Tag::kUnknown)
    name = dom::tag_name(t.tag);
  else
    name = keep(t.name);
  Node* n = doc_.create_element(t.tag, name, ns);
  if (!t.attrs.empty()) {
    auto count = static_cast<uint32_t>(t.attrs.size());
    if (t.attrs_in_input) {
      // What keep() would give for each string: views of the input, empty values null.
      doc_.copy_attributes(n, t.attrs.data(), count);
    } else {
      dom::Attribute* a = doc_.set_attributes(n, count);
      for (size_t i = 0; i < t.attrs.size(); ++i) {
        a[i].name = keep(t.attrs[i].name);
        a[i].value = keep(t.attrs[i].value);
      }
    }
  }
  if (ns == Namespace::kHtml && t.tag == Tag::kTemplate)
    Document::append_child(n, doc_.create_fragment());
  return n;
}

Node* Builder::create_html(Tag tag) {
  return doc_.create_element(tag, dom::tag_name(tag), Namespace::kHtml);
}

Node* Builder::clone_element(const Node* src) {
  Node* n = doc_.create_element(src->tag, src->name, src->ns);
  doc_.copy_attributes(n, src->attrs, src->attr_count);
  return n;
}

Place Builder::appropriate_place_slow(Node* target) {
  Place p{target, nullptr};
  if (foster_ && target->ns == Namespace::kHtml &&
      (target->tag == Tag::kTable || target->tag == Tag::kTbody || target->tag == Tag::kTfoot ||
       target->tag == Tag::kThead || target->tag == Tag::kTr)) {
    int last_template = -1, last_table = -1;
    for (int i = static_cast<int>(open_.size()) - 1; i >= 0; --i) {
      if (last_template < 0 && open_[i]->is_html(Tag::kTemplate)) last_template = i;
      if (last_table < 0 && open_[i]->is_html(Tag::kTable)) last_table = i;
      if (last_template >= 0 && last_table >= 0) break;
    }
    if (last_template >= 0 && (last_table < 0 || last_template > last_table)) {
      p = {open_[last_template], nullptr};
    } else if (last_table < 0) {
      p = {open_[0], nullptr};
    } else if (Node* table = open_[last_table]; table->parent) {
      p = {table->parent, table};
    } else {
      p = {open_[last_table - 1], nullptr};
    }
  }
  if (p.parent->is_html(Tag::kTemplate) && p.parent->first_child &&
      p.parent->first_child->kind == NodeKind::kFragment)
    p.parent = p.parent->first_child;
  return p;
}

void Builder::insert_at(Place p, Node* n) { Document::insert_before(p.parent, n, p.before); }

void Builder::cap_depth() {
  // Depth cap: rather than nest deeper, close the current node so the new element becomes its
  // sibling (browsers flatten the same way near 512 levels). The stack never outgrows the cap,
  // which bounds every stack walk per token. Never closes <html>.
  if (open_.size() >= max_depth_ && open_.size() > 1) {
    result_.depth_capped = true;
    Node* cur = current();
    pop();
    if (cur->ns == Namespace::kHtml && is_special_html(cur->tag)) {
      Tag ct = cur->tag;
      bool owns_marker = ct == Tag::kTd || ct == Tag::kTh || ct == Tag::kCaption ||
                         ct == Tag::kApplet || ct == Tag::kObject || ct == Tag::kMarquee ||
                         ct == Tag::kTemplate;
      if (owns_marker && std::find(afe_.begin(), afe_.end(), nullptr) != afe_.end())
        clear_formatting_to_marker();
      if (ct == Tag::kTemplate && !template_modes_.empty()) template_modes_.pop_back();
      // Only the elements that "reset the insertion mode appropriately" looks at can change it.
      bool structural = owns_marker || ct == Tag::kTr || ct == Tag::kTbody || ct == Tag::kThead ||
                        ct == Tag::kTfoot || ct == Tag::kColgroup || ct == Tag::kTable ||
                        ct == Tag::kHead || ct == Tag::kBody || ct == Tag::kFrameset;
      if (structural && mode_ != Mode::kText) reset_insertion_mode();
    }
  }
}

Node* Builder::insert_element(const Token& t) {
  Node* n = create_element(t, Namespace::kHtml);
  if (t.tag == Tag::kUnknown && t.name == "selectedcontent") has_selectedcontent_ = true;
  place_and_push(n);
  return n;
}

Node* Builder::insert_html(Tag tag) {
  Token t;
  t.type = TokenType::kStartTag;
  t.tag = tag;
  t.name = dom::tag_name(tag);
  return insert_element(t);
}

Node* Builder::insert_foreign(Token& t, Namespace ns) {
  // Adjust names for the namespace, and set attribute namespaces.
  Node* n = doc_.create_element(t.tag, {}, ns);
  std::string_view name = t.name;
  if (ns == Namespace::kSvg) {
    std::string_view adj =
        kSvgTagShapes.may_contain(name) ? adjust_name(kSvgTagNames, name) : std::string_view();
    n->name = adj.empty() ? keep(name) : adj;
  } else {
    n->name = keep(name);
  }
  if (!t.attrs.empty()) {
    dom::Attribute* a = doc_.set_attributes(n, static_cast<uint32_t>(t.attrs.size()));
    for (size_t i = 0; i < t.attrs.size(); ++i) {
      std::string_view an = t.attrs[i].name;
      a[i].value = keep(t.attrs[i].value);
      a[i].ns = AttrNamespace::kNone;
      std::string_view adj;
      // SVG names are adjusted from the SVG table only; definitionURL is MathML's alone (an
      // SVG element keeps "definitionurl" as written: html5lib webkit02.dat).
      if (ns == Namespace::kSvg) {
        if (kSvgAttrShapes.may_contain(an)) adj = adjust_name(kSvgAttrNames, an);
      } else if (an == "definitionurl") {
        adj = "definitionURL";
      }
      if (!adj.empty()) {
        a[i].name = adj;
        continue;
      }
      bool foreign = false;
      // Every qualified name in kForeignAttrs starts with 'x' (xlink:, xml:, xmlns).
      for (const ForeignAttr& f : kForeignAttrs) {
        if (an.empty() || an[0] != 'x') break;
        if (f.qualified == an) {
          a[i].name = f.local;
          a[i].ns = f.ns;
          foreign = true;
          break;
        }
      }
      if (!foreign) a[i].name = keep(an);
    }
  }
  place_and_push(n);
  return n;
}

void Builder::insert_comment(const Token& t, Node* parent) {
  std::string_view data = t.data_stable ? keep(t.data) : doc_.copy_string(t.data);
  Node* c = doc_.create_comment(data);
  if (parent)
    Document::append_child(parent, c);
  else
    insert_at(appropriate_place(), c);
}

void Builder::append_text(Node* text, std::string_view data, bool stable) {
  if (text != open_text_) {
    flush_text();
    open_text_ = text;
  }
  if (!text_in_buf_) {
    if (text->data.empty()) {
      // Most text nodes get exactly one run: view it in place, or copy it once.
      text->data = stable ? data : doc_.copy_string(data);
      return;
    }
    const char* end = text->data.data() + text->data.size();
    if (stable && end == data.data()) {
      text->data = std::string_view(text->data.data(), text->data.size() + data.size());
      return;
    }
    // A second run that does not continue the first: grow in a buffer (amortised linear),
    // copied to the arena once the node is complete.
    text_buf_.assign(text->data);
    text_in_buf_ = true;
  }
  text_buf_.append(data);
}

bool Builder::insert_leading_whitespace(Token& t) {
  size_t ws = leading_whitespace(t.data);
  if (ws) {
    insert_chars(t.data.substr(0, ws), t.data_stable);
    t.data.remove_prefix(ws);
  }
  return t.data.empty();
}

void Builder::insert_chars(std::string_view data, bool stable) {
  if (data.empty()) return;
  stable = stable && in_input(data);
  Place p = appropriate_place();
  if (p.parent->kind == NodeKind::kDocument) return;
  Node* prev = p.before ? p.before->prev_sibling : p.parent->last_child;
  if (prev && prev->kind == NodeKind::kText) {
    append_text(prev, data, stable);
    return;
  }
  // A new node: the one being grown (if any) is complete. Most text nodes get exactly one
  // run, viewed in place or copied once.
  flush_text();
  Node* n = doc_.create_text(stable ? data : doc_.copy_string(data));
  open_text_ = n;
  insert_at(p, n);
}

void Builder::generic_text_element(const Token& t, TokenizerState state) {
  insert_element(t);
  tok_.set_state(state);
  end_unclosed_text_at_noscript();
  original_mode_ = mode_;
  mode_ = Mode::kText;
}

// Not in the standard, a recovery: with scripting off, a text element (<iframe>, <noembed>,
// <noframes>, <xmp>, <style>, <title>, <textarea>) opened inside <noscript> whose end tag is
// nowhere in the rest of the input -- most often a tag manager's '<noscript><iframe ... />
// </noscript>', the '/>' not closing an iframe -- would take in the whole rest of the page
// as its text. It ends at the next '</noscript>' instead, which is what a browser with
// scripting on shows (it reads the whole <noscript> as text). Only an element that would
// otherwise run to the end of the input is cut, so every page a standard parser reads
// without losing the rest of the document parses as before (html5lib's tests stay passed).
void Builder::end_unclosed_text_at_noscript() {
  if (options_.scripting) return;
  for (const Node* n : open_)
    if (n->is_html(Tag::kNoscript)) {
      tok_.end_unclosed_text_at("noscript");
      return;
    }
}

void Builder::add_missing_attributes(Node* target, const Token& t) {
  size_t extra = 0;
  for (const auto& a : t.attrs)
    if (!target->has_attr(a.name)) ++extra;
  if (!extra) return;
  uint32_t old = target->attr_count;
  dom::Attribute* prev = target->attrs;
  dom::Attribute* arr = doc_.arena().make_array<dom::Attribute>(old + extra);
  std::copy(prev, prev + old, arr);
  uint32_t k = old;
  for (const auto& a : t.attrs) {
    bool present = false;
    for (uint32_t i = 0; i < old; ++i) present = present || prev[i].name == a.name;
    if (!present) arr[k++] = dom::Attribute{keep(a.name), keep(a.value), AttrNamespace::kNone};
  }
  target->attrs = arr;
  target->attr_count = k;
}

// ---------------------------------------------------------------------------------------------
// Dispatch

bool is_mathml_text_ip(const Node* n) {
  return n->ns == Namespace::kMathMl && is_mathml_text_ip_tag(n->tag);
}

bool is_html_ip(const Node* n) {
  if (n->ns == Namespace::kMathMl && n->tag == Tag::kAnnotationXml) {
    for (uint32_t i = 0; i < n->attr_count; ++i) {
      if (n->attrs[i].name == "encoding" && n->attrs[i].ns == AttrNamespace::kNone)
        return ascii_iequals(n->attrs[i].value, "text/html") ||
               ascii_iequals(n->attrs[i].value, "application/xhtml+xml");
    }
    return false;
  }
  return n->ns == Namespace::kSvg &&
         (n->tag == Tag::kForeignobject || n->tag == Tag::kDesc || n->tag == Tag::kTitle);
}

bool Builder::use_foreign_rules(const Token& t) const {
  if (open_.empty()) return false;
  const Node* n = adjusted_current();
  if (n->ns == Namespace::kHtml) return false;
  if (t.type == TokenType::kEof) return false;
  if (is_mathml_text_ip(n)) {
    if (t.type == TokenType::kStartTag && t.tag != Tag::kMglyph && t.tag != Tag::kMalignmark)
      return false;
    if (t.type == TokenType::kCharacter) return false;
  }
  if (n->ns == Namespace::kMathMl && n->tag == Tag::kAnnotationXml &&
      t.type == TokenType::kStartTag && t.tag == Tag::kSvg)
    return false;
  if (is_html_ip(n) && (t.type == TokenType::kStartTag || t.type == TokenType::kCharacter))
    return false;
  return true;
}

void Builder::run() {
  Token t;
  bool cdata = false;
  tok_.set_allow_cdata(false);
  while (!stopped_) {
    // A fragment's context element is the adjusted current node while the stack holds one.
    bool want_cdata = (foreign_count_ != 0 || context_) && !open_.empty() &&
                      adjusted_current()->ns != Namespace::kHtml;
    if (want_cdata != cdata) {
      tok_.set_allow_cdata(want_cdata);
      cdata = want_cdata;
    }
    tok_.next(t);
    if (skip_lf_) {
      skip_lf_ = false;
      if (t.type == TokenType::kCharacter && !t.data.empty() && t.data[0] == '\n') {
        t.data.remove_prefix(1);
        if (t.data.empty()) continue;
      }
    }
    if (t.type == TokenType::kCharacter && cdata && t.data.size() > 1) {
      // Split runs at U+0000 so each mode sees NUL as its own token. Only CDATA sections can
      // mix NUL into a run: the data state emits it alone, other states replace it.
      std::string_view all = t.data;
      while (!all.empty() && !stopped_) {
        size_t nul = all.find('\0');
        if (nul == 0) nul = 1;
        t.data = all.substr(0, nul);
        all.remove_prefix(t.data.size());
        process(t);
      }
    } else if (!cdata) {
      // The adjusted current node is HTML: no foreign-content rules. Most tokens are "in
      // body": that mode is called directly, and process_in only runs for a reprocess.
      // Start tags and text go straight to their rules, not through in_body's prologue
      // (which saves the registers its inlined end-tag rules need).
      if (mode_ != Mode::kInBody) {
        process_in(mode_, t);
      } else {
        bool again = t.type == TokenType::kStartTag    ? in_body_start(t)
                     : t.type == TokenType::kCharacter ? in_body_characters(t)
                                                       : in_body(t);
        if (again && !stopped_) reprocess(t);
      }
    } else {
      process(t);
    }
    if (t.type == TokenType::kEof) break;
    if (doc_.node_count() >= options_.max_nodes) {
      result_.truncated = true;
      break;
    }
  }
  if (mode_ == Mode::kInTableText && !stopped_) {
    // Truncated in the middle of table text: keep what was gathered.
    Token eof;
    eof.type = TokenType::kEof;
    in_table_text(eof);
  }
  // "Stop parsing" pops every open element; only selectedcontent cloning can observe that.
  if (has_selectedcontent_)
    while (open_.size() > 1) pop();
  flush_text();
}

void Builder::process(Token& t) {
  if (use_foreign_rules(t))
    foreign_content(t);
  else
    process_in(mode_, t);
}

void Builder::process_in(Mode mode, Token& t) {
  if (dispatch(mode, t) && !stopped_) reprocess(t);
}

void Builder::reprocess(Token& t) {
  // The number of hand-offs per token is bounded by the mode graph (at most a handful).
  // Reprocessing goes through the tree-construction dispatcher again (foreign content may
  // apply after the stack changed).
  for (;;) {
    if (use_foreign_rules(t)) {
      foreign_content(t);
      return;
    }
    if (!dispatch(mode_, t) || stopped_) return;
  }
}

bool Builder::dispatch(Mode mode, Token& t) {
  // Each mode returns true to ask for reprocessing in the new current mode.
  switch (mode) {
    case Mode::kInitial:
      return initial(t);
    case Mode::kBeforeHtml:
      return before_html(t);
    case Mode::kBeforeHead:
      return before_head(t);
    case Mode::kInHead:
      return in_head(t);
    case Mode::kInHeadNoscript:
      return in_head_noscript(t);
    case Mode::kAfterHead:
      return after_head(t);
    case Mode::kInBody:
      return in_body(t);
    case Mode::kText:
      return text_mode(t);
    case Mode::kInTable:
      return in_table(t);
    case Mode::kInTableText:
      return in_table_text(t);
    case Mode::kInCaption:
      return in_caption(t);
    case Mode::kInColumnGroup:
      return in_column_group(t);
    case Mode::kInTableBody:
      return in_table_body(t);
    case Mode::kInRow:
      return in_row(t);
    case Mode::kInCell:
      return in_cell(t);
    case Mode::kInTemplate:
      return in_template(t);
    case Mode::kAfterBody:
      return after_body(t);
    case Mode::kInFrameset:
      return in_frameset(t);
    case Mode::kAfterFrameset:
      return after_frameset(t);
    case Mode::kAfterAfterBody:
      return after_after_body(t);
    case Mode::kAfterAfterFrameset:
      return after_after_frameset(t);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Insertion modes

bool Builder::initial(Token& t) {
  switch (t.type) {
    case TokenType::kCharacter: {
      size_t ws = leading_whitespace(t.data);
      t.data.remove_prefix(ws);
      if (t.data.empty()) return false;
      break;
    }
    case TokenType::kComment:
      insert_comment(t, doc_.root());
      return false;
    case TokenType::kDoctype: {
      Node* d = doc_.create_doctype(t.has_name ? doc_.copy_string(t.name) : std::string_view());
      if (t.has_public_id) {
        d->data = doc_.copy_string(t.public_id);
        d->flags |= dom::kDoctypeHasPublicId;
      }
      if (t.has_system_id) {
        dom::Attribute* a = doc_.arena().make_array<dom::Attribute>(1);
        a->name = "system";
        a->value = doc_.copy_string(t.system_id);
        d->attrs = a;
        d->attr_count = 1;
        d->flags |= dom::kDoctypeHasSystemId;
      }
      Document::append_child(doc_.root(), d);
      doc_.quirks_mode = doctype_quirks(t);
      mode_ = Mode::kBeforeHtml;
      return false;
    }
    default:
      break;
  }
  error();
  doc_.quirks_mode = dom::QuirksMode::kQuirks;
  mode_ = Mode::kBeforeHtml;
  return true;
}

bool Builder::before_html(Token& t) {
  switch (t.type) {
    case TokenType::kDoctype:
      error();
      return false;
    case TokenType::kComment:
      insert_comment(t, doc_.root());
      return false;
    case TokenType::kCharacter:
      t.data.remove_prefix(leading_whitespace(t.data));
      if (t.data.empty()) return false;
      break;
    case TokenType::kStartTag:
      if (t.tag == Tag::kHtml) {
        Node* html = create_element(t, Namespace::kHtml);
        Document::append_child(doc_.root(), html);
        push(html);
        mode_ = Mode::kBeforeHead;
        return false;
      }
      break;
    case TokenType::kEndTag:
      if (t.tag != Tag::kHead && t.tag != Tag::kBody && t.tag != Tag::kHtml && t.tag != Tag::kBr) {
        error();
        return false;
      }
      break;
    default:
      break;
  }
  Node* html = create_html(Tag::kHtml);
  Document::append_child(doc_.root(), html);
  push(html);
  mode_ = Mode::kBeforeHead;
  return true;
}

bool Builder::before_head(Token& t) {
  switch (t.type) {
    case TokenType::kCharacter:
      t.data.remove_prefix(leading_whitespace(t.data));
      if (t.data.empty()) return false;
      break;
    case TokenType::kComment:
      insert_comment(t);
      return false;
    case TokenType::kDoctype:
      error();
      return false;
    case TokenType::kStartTag:
      if (t.tag == Tag::kHtml) return in_body(t);
      if (t.tag == Tag::kHead) {
        head_ = insert_element(t);
        mode_ = Mode::kInHead;
        return false;
      }
      break;
    case TokenType::kEndTag:
      if (t.tag != Tag::kHead && t.tag != Tag::kBody && t.tag != Tag::kHtml && t.tag != Tag::kBr) {
        error();
        return false;
      }
      break;
    default:
      break;
  }
  head_ = insert_html(Tag::kHead);
  mode_ = Mode::kInHead;
  return true;
}

bool Builder::in_head(Token& t) {
  switch (t.type) {
    case TokenType::kCharacter: {
      if (insert_leading_whitespace(t)) return false;
      break;
    }
    case TokenType::kComment:
      insert_comment(t);
      return false;
    case TokenType::kDoctype:
      error();
      return false;
    case TokenType::kStartTag:
      switch (t.tag) {
        case Tag::kHtml:
          return in_body(t);
        case Tag::kBase:
        case Tag::kBasefont:
        case Tag::kBgsound:
        case Tag::kLink:
        case Tag::kMeta:
          insert_element(t);
          pop();
          return false;
        case Tag::kTitle:
          generic_text_element(t, TokenizerState::kRcdata);
          return false;
        case Tag::kNoscript:
          if (options_.scripting) {
            generic_text_element(t, TokenizerState::kRawtext);
          } else {
            insert_element(t);
            mode_ = Mode::kInHeadNoscript;
          }
          return false;
        case Tag::kNoframes:
        case Tag::kStyle:
          generic_text_element(t, TokenizerState::kRawtext);
          return false;
        case Tag::kScript:
          generic_text_element(t, TokenizerState::kScriptData);
          return false;
        case Tag::kTemplate:
          insert_element(t);
          push_marker();
          frameset_ok_ = false;
          mode_ = Mode::kInTemplate;
          template_modes_.push_back(Mode::kInTemplate);
          return false;
        case Tag::kHead:
          error();
          return false;
        default:
          break;
      }
      break;
    case TokenType::kEndTag:
      switch (t.tag) {
        case Tag::kHead:
          pop();
          mode_ = Mode::kAfterHead;
          return false;
        case Tag::kBody:
        case Tag::kHtml:
        case Tag::kBr:
          break;
        case Tag::kTemplate:
          if (!has_template()) {
            error();
            return false;
          }
          generate_implied_end_tags_thoroughly();
          if (!current_is(Tag::kTemplate)) error();
          pop_until(Tag::kTemplate);
          clear_formatting_to_marker();
          if (!template_modes_.empty()) template_modes_.pop_back();
          reset_insertion_mode();
          return false;
        default:
          error();
          return false;
      }
      break;
    default:
      break;
  }
  // Anything else: the head is over.
  if (current_is(Tag::kHead)) pop();
  mode_ = Mode::kAfterHead;
  return true;
}

bool Builder::in_head_noscript(Token& t) {
  switch (t.type) {
    case TokenType::kDoctype:
      error();
      return false;
    case TokenType::kStartTag:
      switch (t.tag) {
        case Tag::kHtml:
          return in_body(t);
        case Tag::kBasefont:
        case Tag::kBgsound:
        case Tag::kLink:
        case Tag::kMeta:
        case Tag::kNoframes:
        case Tag::kStyle:
          return in_head(t);
        case Tag::kHead:
        case Tag::kNoscript:
          error();
          return false;
        default:
          break;
      }
      break;
    case TokenType::kEndTag:
      if (t.tag == Tag::kNoscript) {
        pop();
        mode_ = Mode::kInHead;
        return false;
      }
      if (t.tag != Tag::kBr) {
        error();
        return false;
      }
      break;
    case TokenType::kComment:
      return in_head(t);
    case TokenType::kCharacter: {
      if (insert_leading_whitespace(t)) return false;
      break;
    }
    default:
      break;
  }
  error();
  pop();
  mode_ = Mode::kInHead;
  return true;
}

bool Builder::after_head(Token& t) {
  switch (t.type) {
    case TokenType::kCharacter: {
      if (insert_leading_whitespace(t)) return false;
      break;
    }
    case TokenType::kComment:
      insert_comment(t);
      return false;
    case TokenType::kDoctype:
      error();
      return false;
    case TokenType::kStartTag:
      switch (t.tag) {
        case Tag::kHtml:
          return in_body(t);
        case Tag::kBody:
          insert_element(t);
          frameset_ok_ = false;
          mode_ = Mode::kInBody;
          return false;
        case Tag::kFrameset:
          insert_element(t);
          mode_ = Mode::kInFrameset;
          return false;
        case Tag::kBase:
        case Tag::kBasefont:
        case Tag::kBgsound:
        case Tag::kLink:
        case Tag::kMeta:
        case Tag::kNoframes:
        case Tag::kScript:
        case Tag::kStyle:
        case Tag::kTemplate:
        case Tag::kTitle: {
          error();
          if (!head_) break;
          push(head_);
          bool again = in_head(t);
          remove_from_stack(head_);
          return again;
        }
        case Tag::kHead:
          error();
          return false;
        default:
          break;
      }
      break;
    case TokenType::kEndTag:
      if (t.tag == Tag::kTemplate) return in_head(t);
      if (t.tag != Tag::kBody && t.tag != Tag::kHtml && t.tag != Tag::kBr) {
        error();
        return false;
      }
      break;
    default:
      break;
  }
  insert_html(Tag::kBody);
  mode_ = Mode::kInBody;
  return true;
}

bool Builder::in_body(Token& t) {
  switch (t.type) {
    case TokenType::kCharacter:
      return in_body_characters(t);
    case TokenType::kComment:
      insert_comment(t);
      return false;
    case TokenType::kDoctype:
      error();
      return false;
    case TokenType::kStartTag:
      return in_body_start(t);
    case TokenType::kEndTag:
      return in_body_end(t);
    case TokenType::kEof:
      if (!template_modes_.empty()) return in_template(t);
      stop();
      return false;
  }
  return false;
}

bool Builder::in_body_start(Token& t) {
  switch (t.tag) {
    case Tag::kHtml:
      error();
      if (!has_template()) add_missing_attributes(open_[0], t);
      return false;
    case Tag::kBase:
    case Tag::kBasefont:
    case Tag::kBgsound:
    case Tag::kLink:
    case Tag::kMeta:
    case Tag::kNoframes:
    case Tag::kScript:
    case Tag::kStyle:
    case Tag::kTemplate:
    case Tag::kTitle:
      return in_head(t);
    case Tag::kBody:
      error();
      if (open_.size() < 2 || !open_[1]->is_html(Tag::kBody) || has_template()) return false;
      frameset_ok_ = false;
      add_missing_attributes(open_[1], t);
      return false;
    case Tag::kFrameset:
      error();
      if (open_.size() < 2 || !open_[1]->is_html(Tag::kBody) || !frameset_ok_) return false;
      Document::detach(open_[1]);
      while (open_.size() > 1) pop();
      insert_element(t);
      mode_ = Mode::kInFrameset;
      return false;
    case Tag::kAddress:
    case Tag::kArticle:
    case Tag::kAside:
    case Tag::kBlockquote:
    case Tag::kCenter:
    case Tag::kDetails:
    case Tag::kDialog:
    case Tag::kDir:
    case Tag::kDiv:
    case Tag::kDl:
    case Tag::kFieldset:
    case Tag::kFigcaption:
    case Tag::kFigure:
    case Tag::kFooter:
    case Tag::kHeader:
    case Tag::kHgroup:
    case Tag::kMain:
    case Tag::kMenu:
    case Tag::kNav:
    case Tag::kOl:
    case Tag::kP:
    case Tag::kSearch:
    case Tag::kSection:
    case Tag::kSummary:
    case Tag::kUl:
      close_p_if_in_button_scope();
      insert_element(t);
      return false;
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
      close_p_if_in_button_scope();
      if (current()->ns == Namespace::kHtml && is_heading(current()->tag)) {
        error();
        pop();
      }
      insert_element(t);
      return false;
    case Tag::kPre:
    case Tag::kListing:
      close_p_if_in_button_scope();
      insert_element(t);
      skip_lf_ = true;
      frameset_ok_ = false;
      return false;
    case Tag::kForm:
      if (form_ && !has_template()) {
        error();
        return false;
      }
      close_p_if_in_button_scope();
      {
        Node* f = insert_element(t);
        if (!has_template()) form_ = f;
      }
      return false;
    case Tag::kLi:
    case Tag::kDd:
    case Tag::kDt: {
      frameset_ok_ = false;
      for (size_t i = open_.size(); i-- > 0;) {
        Node* n = open_[i];
        bool match = t.tag == Tag::kLi ? n->is_html(Tag::kLi)
                                       : (n->is_html(Tag::kDd) || n->is_html(Tag::kDt));
        if (match) {
          generate_implied_end_tags(n->tag);
          if (current() != n) error();
          while (open_.size() > i) pop();
          break;
        }
        if (is_special(n) && !n->is_html(Tag::kAddress) && !n->is_html(Tag::kDiv) &&
            !n->is_html(Tag::kP))
          break;
      }
      close_p_if_in_button_scope();
      insert_element(t);
      return false;
    }
    case Tag::kPlaintext:
      close_p_if_in_button_scope();
      insert_element(t);
      tok_.set_state(TokenizerState::kPlaintext);
      return false;
    case Tag::kButton:
      if (in_scope(Tag::kButton)) {
        error();
        generate_implied_end_tags();
        pop_until(Tag::kButton);
      }
      reconstruct_formatting();
      insert_element(t);
      frameset_ok_ = false;
      return false;
    case Tag::kA: {
      for (size_t i = afe_.size(); i-- > 0;) {
        Node* e = afe_[i];
        if (!e) break;
        if (e->is_html(Tag::kA)) {
          error();
          Token end;
          end.type = TokenType::kEndTag;
          end.tag = Tag::kA;
          end.name = "a";
          if (!adoption_agency(end)) any_other_end_tag(end);
          int k = afe_index(e);
          if (k >= 0) afe_.erase(afe_.begin() + k);
          remove_from_stack(e);
          break;
        }
      }
      reconstruct_formatting();
      push_formatting(insert_element(t));
      return false;
    }
    case Tag::kB:
    case Tag::kBig:
    case Tag::kCode:
    case Tag::kEm:
    case Tag::kFont:
    case Tag::kI:
    case Tag::kS:
    case Tag::kSmall:
    case Tag::kStrike:
    case Tag::kStrong:
    case Tag::kTt:
    case Tag::kU:
      reconstruct_formatting();
      push_formatting(insert_element(t));
      return false;
    case Tag::kNobr:
      reconstruct_formatting();
      if (in_scope(Tag::kNobr)) {
        error();
        Token end;
        end.type = TokenType::kEndTag;
        end.tag = Tag::kNobr;
        end.name = "nobr";
        if (!adoption_agency(end)) any_other_end_tag(end);
        reconstruct_formatting();
      }
      push_formatting(insert_element(t));
      return false;
    case Tag::kApplet:
    case Tag::kMarquee:
    case Tag::kObject:
      reconstruct_formatting();
      insert_element(t);
      push_marker();
      frameset_ok_ = false;
      return false;
    case Tag::kTable:
      if (doc_.quirks_mode != dom::QuirksMode::kQuirks) close_p_if_in_button_scope();
      insert_element(t);
      frameset_ok_ = false;
      mode_ = Mode::kInTable;
      return false;
    case Tag::kArea:
    case Tag::kBr:
    case Tag::kEmbed:
    case Tag::kImg:
    case Tag::kKeygen:
    case Tag::kWbr:
      reconstruct_formatting();
      insert_element(t);
      pop();
      frameset_ok_ = false;
      return false;
    case Tag::kInput: {
      if (context_ && context_->is_html(Tag::kSelect)) {
        error();
        return false;
      }
      if (in_scope(Tag::kSelect)) {
        error();
        pop_until(Tag::kSelect);
      }
      reconstruct_formatting();
      insert_element(t);
      pop();
      bool hidden = false;
      for (const auto& a : t.attrs)
        if (a.name == "type") hidden = ascii_iequals(a.value, "hidden");
      if (!hidden) frameset_ok_ = false;
      return false;
    }
    case Tag::kParam:
    case Tag::kSource:
    case Tag::kTrack:
      insert_element(t);
      pop();
      return false;
    case Tag::kHr:
      close_p_if_in_button_scope();
      if (in_scope(Tag::kSelect)) {
        generate_implied_end_tags();
        if (in_scope(Tag::kOption) || in_scope(Tag::kOptgroup)) error();
      }
      insert_element(t);
      pop();
      frameset_ok_ = false;
      return false;
    case Tag::kImage:
      error();
      t.tag = Tag::kImg;
      t.name = "img";
      return true;
    case Tag::kTextarea:
      insert_element(t);
      skip_lf_ = true;
      tok_.set_state(TokenizerState::kRcdata);
      end_unclosed_text_at_noscript();
      original_mode_ = mode_;
      frameset_ok_ = false;
      mode_ = Mode::kText;
      return false;
    case Tag::kXmp:
      close_p_if_in_button_scope();
      reconstruct_formatting();
      frameset_ok_ = false;
      generic_text_element(t, TokenizerState::kRawtext);
      return false;
    case Tag::kIframe:
      frameset_ok_ = false;
      generic_text_element(t, TokenizerState::kRawtext);
      return false;
    case Tag::kNoembed:
      generic_text_element(t, TokenizerState::kRawtext);
      return false;
    case Tag::kNoscript:
      if (options_.scripting) {
        generic_text_element(t, TokenizerState::kRawtext);
        return false;
      }
      break;
    case Tag::kSelect:
      if (context_ && context_->is_html(Tag::kSelect)) {
        error();
        return false;
      }
      if (in_scope(Tag::kSelect)) {
        error();
        pop_until(Tag::kSelect);
        return false;
      }
      reconstruct_formatting();
      insert_element(t);
      // Formatting elements opened before the select do not reach into it: the current
      // suite closes none of them from inside (e.g. <font><select><option></font>).
      push_marker();
      frameset_ok_ = false;
      return false;
    case Tag::kOption:
    case Tag::kOptgroup:
      if (in_scope(Tag::kSelect)) {
        generate_implied_end_tags(t.tag == Tag::kOption ? Tag::kOptgroup : Tag::kUnknown);
        if (in_scope(Tag::kOption) || (t.tag == Tag::kOptgroup && in_scope(Tag::kOptgroup)))
          error();
      } else if (current_is(Tag::kOption)) {
        pop();
      }
      reconstruct_formatting();
      insert_element(t);
      return false;
    case Tag::kRb:
    case Tag::kRtc:
      if (in_scope(Tag::kRuby)) {
        generate_implied_end_tags();
        if (!current_is(Tag::kRuby)) error();
      }
      insert_element(t);
      return false;
    case Tag::kRp:
    case Tag::kRt:
      if (in_scope(Tag::kRuby)) {
        generate_implied_end_tags(Tag::kRtc);
        if (!current_is(Tag::kRtc) && !current_is(Tag::kRuby)) error();
      }
      insert_element(t);
      return false;
    case Tag::kMath:
    case Tag::kSvg:
      reconstruct_formatting();
      insert_foreign(t, t.tag == Tag::kMath ? Namespace::kMathMl : Namespace::kSvg);
      if (t.self_closing) pop();
      return false;
    case Tag::kCaption:
    case Tag::kCol:
    case Tag::kColgroup:
    case Tag::kFrame:
    case Tag::kHead:
    case Tag::kTbody:
    case Tag::kTd:
    case Tag::kTfoot:
    case Tag::kTh:
    case Tag::kThead:
    case Tag::kTr:
      error();
      return false;
    default:
      break;
  }
  reconstruct_formatting();
  insert_element(t);
  return false;
}

bool Builder::in_body_end(Token& t) {
  switch (t.tag) {
    case Tag::kTemplate:
      return in_head(t);
    case Tag::kBody:
    case Tag::kHtml:
      if (!in_scope(Tag::kBody)) {
        error();
        return false;
      }
      mode_ = Mode::kAfterBody;
      return t.tag == Tag::kHtml;
    case Tag::kAddress:
    case Tag::kArticle:
    case Tag::kAside:
    case Tag::kBlockquote:
    case Tag::kButton:
    case Tag::kCenter:
    case Tag::kDetails:
    case Tag::kDialog:
    case Tag::kDir:
    case Tag::kDiv:
    case Tag::kDl:
    case Tag::kFieldset:
    case Tag::kFigcaption:
    case Tag::kFigure:
    case Tag::kFooter:
    case Tag::kHeader:
    case Tag::kHgroup:
    case Tag::kListing:
    case Tag::kMain:
    case Tag::kMenu:
    case Tag::kNav:
    case Tag::kOl:
    case Tag::kPre:
    case Tag::kSearch:
    case Tag::kSection:
    case Tag::kSummary:
    case Tag::kUl:
      if (!in_scope(t.tag)) {
        error();
        return false;
      }
      generate_implied_end_tags();
      if (!current_is(t.tag)) error();
      pop_until(t.tag);
      return false;
    case Tag::kSelect:
      if (!in_scope(Tag::kSelect)) {
        error();
        return false;
      }
      generate_implied_end_tags();
      if (!current_is(Tag::kSelect)) error();
      pop_until(Tag::kSelect);
      clear_formatting_to_marker();
      return false;
    case Tag::kForm:
      if (!has_template()) {
        Node* node = form_;
        form_ = nullptr;
        if (!node || !node_in_scope(node)) {
          error();
          return false;
        }
        generate_implied_end_tags();
        if (current() != node) error();
        remove_from_stack(node);
      } else {
        if (!in_scope(Tag::kForm)) {
          error();
          return false;
        }
        generate_implied_end_tags();
        if (!current_is(Tag::kForm)) error();
        pop_until(Tag::kForm);
      }
      return false;
    case Tag::kP:
      if (!in_scope(Tag::kP, Scope::kButton)) {
        error();
        insert_html(Tag::kP);
      }
      close_p();
      return false;
    case Tag::kLi:
      if (!in_scope(Tag::kLi, Scope::kListItem)) {
        error();
        return false;
      }
      generate_implied_end_tags(Tag::kLi);
      if (!current_is(Tag::kLi)) error();
      pop_until(Tag::kLi);
      return false;
    case Tag::kDd:
    case Tag::kDt:
      if (!in_scope(t.tag)) {
        error();
        return false;
      }
      generate_implied_end_tags(t.tag);
      if (!current_is(t.tag)) error();
      pop_until(t.tag);
      return false;
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
      if (!heading_in_scope()) {
        error();
        return false;
      }
      generate_implied_end_tags();
      if (!current_is(t.tag)) error();
      pop_until_heading();
      return false;
    case Tag::kA:
    case Tag::kB:
    case Tag::kBig:
    case Tag::kCode:
    case Tag::kEm:
    case Tag::kFont:
    case Tag::kI:
    case Tag::kNobr:
    case Tag::kS:
    case Tag::kSmall:
    case Tag::kStrike:
    case Tag::kStrong:
    case Tag::kTt:
    case Tag::kU:
      if (!adoption_agency(t)) any_other_end_tag(t);
      return false;
    case Tag::kApplet:
    case Tag::kMarquee:
    case Tag::kObject:
      if (!in_scope(t.tag)) {
        error();
        return false;
      }
      generate_implied_end_tags();
      if (!current_is(t.tag)) error();
      pop_until(t.tag);
      clear_formatting_to_marker();
      return false;
    case Tag::kBr: {
      error();
      Token br;
      br.type = TokenType::kStartTag;
      br.tag = Tag::kBr;
      br.name = "br";
      reconstruct_formatting();
      insert_element(br);
      pop();
      frameset_ok_ = false;
      return false;
    }
    default:
      any_other_end_tag(t);
      return false;
  }
}

bool Builder::text_mode(Token& t) {
  switch (t.type) {
    case TokenType::kCharacter:
      insert_chars(t.data, t.data_stable);
      return false;
    case TokenType::kEof:
      error();
      pop();
      mode_ = original_mode_;
      return true;
    case TokenType::kEndTag:
      pop();
      mode_ = original_mode_;
      return false;
    default:
      return false;
  }
}

bool Builder::in_table(Token& t) {
  switch (t.type) {
    case TokenType::kCharacter: {
      Node* c = current();
      if (c->ns == Namespace::kHtml &&
          (c->tag == Tag::kTable || c->tag == Tag::kTbody || c->tag == Tag::kTemplate ||
           c->tag == Tag::kTfoot || c->tag == Tag::kThead || c->tag == Tag::kTr)) {
        pending_table_text_.clear();
        pending_has_non_ws_ = false;
        original_mode_ = mode_;
        mode_ = Mode::kInTableText;
        return true;
      }
      break;
    }
    case TokenType::kComment:
      insert_comment(t);
      return false;
    case TokenType::kDoctype:
      error();
      return false;
    case TokenType::kStartTag:
      switch (t.tag) {
        case Tag::kCaption:
          clear_to_table_context();
          push_marker();
          insert_element(t);
          mode_ = Mode::kInCaption;
          return false;
        case Tag::kColgroup:
          clear_to_table_context();
          insert_element(t);
          mode_ = Mode::kInColumnGroup;
          return false;
        case Tag::kCol:
          clear_to_table_context();
          insert_html(Tag::kColgroup);
          mode_ = Mode::kInColumnGroup;
          return true;
        case Tag::kTbody:
        case Tag::kTfoot:
        case Tag::kThead:
          clear_to_table_context();
          insert_element(t);
          mode_ = Mode::kInTableBody;
          return false;
        case Tag::kTd:
        case Tag::kTh:
        case Tag::kTr:
          clear_to_table_context();
          insert_html(Tag::kTbody);
          mode_ = Mode::kInTableBody;
          return true;
        case Tag::kTable:
          error();
          if (!in_scope(Tag::kTable, Scope::kTable)) return false;
          pop_until(Tag::kTable);
          reset_insertion_mode();
          return true;
        case Tag::kStyle:
        case Tag::kScript:
        case Tag::kTemplate:
          return in_head(t);
        case Tag::kInput: {
          bool hidden = false;
          for (const auto& a : t.attrs)
            if (a.name == "type") hidden = ascii_iequals(a.value, "hidden");
          if (!hidden) break;
          error();
          insert_element(t);
          pop();
          return false;
        }
        case Tag::kForm:
          error();
          if (has_template() || form_) return false;
          form_ = insert_element(t);
          pop();
          return false;
        default:
          break;
      }
      break;
    case TokenType::kEndTag:
      switch (t.tag) {
        case Tag::kTable:
          if (!in_scope(Tag::kTable, Scope::kTable)) {
            error();
            return false;
          }
          pop_until(Tag::kTable);
          reset_insertion_mode();
          return false;
        case Tag::kBody:
        case Tag::kCaption:
        case Tag::kCol:
        case Tag::kColgroup:
        case Tag::kHtml:
        case Tag::kTbody:
        case Tag::kTd:
        case Tag::kTfoot:
        case Tag::kTh:
        case Tag::kThead:
        case Tag::kTr:
          error();
          return false;
        case Tag::kTemplate:
          return in_head(t);
        default:
          break;
      }
      break;
    case TokenType::kEof:
      return in_body(t);
  }
  // Anything else: foster-parent through the "in body" rules.
  error();
  foster_ = true;
  bool again = in_body(t);
  foster_ = false;
  return again;
}

bool Builder::in_table_text(Token& t) {
  if (t.type == TokenType::kCharacter) {
    if (t.data[0] == '\0') {
      error();
      return false;
    }
    if (!pending_has_non_ws_ && leading_whitespace(t.data) != t.data.size())
      pending_has_non_ws_ = true;
    pending_table_text_.append(t.data);
    return false;
  }
  if (pending_has_non_ws_) {
    error();
    foster_ = true;
    reconstruct_formatting();
    insert_chars(pending_table_text_, false);
    frameset_ok_ = false;
    foster_ = false;
  } else {
    insert_chars(pending_table_text_, false);
  }
  pending_table_text_.clear();
  pending_has_non_ws_ = false;
  mode_ = original_mode_;
  return true;
}

bool Builder::in_caption(Token& t) {
  bool closes = false;
  if (t.type == TokenType::kEndTag) {
    switch (t.tag) {
      case Tag::kCaption:
      case Tag::kTable:
        closes = true;
        break;
      case Tag::kBody:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kHtml:
      case Tag::kTbody:
      case Tag::kTd:
      case Tag::kTfoot:
      case Tag::kTh:
      case Tag::kThead:
      case Tag::kTr:
        error();
        return false;
      default:
        break;
    }
  } else if (t.type == TokenType::kStartTag) {
    switch (t.tag) {
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kTbody:
      case Tag::kTd:
      case Tag::kTfoot:
      case Tag::kTh:
      case Tag::kThead:
      case Tag::kTr:
        closes = true;
        break;
      default:
        break;
    }
  }
  if (!closes) return in_body(t);
  if (!in_scope(Tag::kCaption, Scope::kTable)) {
    error();
    return false;
  }
  generate_implied_end_tags();
  if (!current_is(Tag::kCaption)) error();
  pop_until(Tag::kCaption);
  clear_formatting_to_marker();
  mode_ = Mode::kInTable;
  return !(t.type == TokenType::kEndTag && t.tag == Tag::kCaption);
}

bool Builder::in_column_group(Token& t) {
  switch (t.type) {
    case TokenType::kCharacter: {
      if (insert_leading_whitespace(t)) return false;
      break;
    }
    case TokenType::kComment:
      insert_comment(t);
      return false;
    case TokenType::kDoctype:
      error();
      return false;
    case TokenType::kStartTag:
      if (t.tag == Tag::kHtml) return in_body(t);
      if (t.tag == Tag::kCol) {
        insert_element(t);
        pop();
        return false;
      }
      if (t.tag == Tag::kTemplate) return in_head(t);
      break;
    case TokenType::kEndTag:
      if (t.tag == Tag::kColgroup) {
        if (!current_is(Tag::kColgroup)) {
          error();
          return false;
        }
        pop();
        mode_ = Mode::kInTable;
        return false;
      }
      if (t.tag == Tag::kCol) {
        error();
        return false;
      }
      if (t.tag == Tag::kTemplate) return in_head(t);
      break;
    case TokenType::kEof:
      return in_body(t);
  }
  if (!current_is(Tag::kColgroup)) {
    error();
    return false;
  }
  pop();
  mode_ = Mode::kInTable;
  return true;
}

bool Builder::in_table_body(Token& t) {
  if (t.type == TokenType::kStartTag) {
    switch (t.tag) {
      case Tag::kTr:
        clear_to_table_body_context();
        insert_element(t);
        mode_ = Mode::kInRow;
        return false;
      case Tag::kTh:
      case Tag::kTd:
        error();
        clear_to_table_body_context();
        insert_html(Tag::kTr);
        mode_ = Mode::kInRow;
        return true;
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kTbody:
      case Tag::kTfoot:
      case Tag::kThead:
        if (!in_scope(Tag::kTbody, Scope::kTable) && !in_scope(Tag::kThead, Scope::kTable) &&
            !in_scope(Tag::kTfoot, Scope::kTable)) {
          error();
          return false;
        }
        clear_to_table_body_context();
        pop();
        mode_ = Mode::kInTable;
        return true;
      default:
        break;
    }
  } else if (t.type == TokenType::kEndTag) {
    switch (t.tag) {
      case Tag::kTbody:
      case Tag::kTfoot:
      case Tag::kThead:
        if (!in_scope(t.tag, Scope::kTable)) {
          error();
          return false;
        }
        clear_to_table_body_context();
        pop();
        mode_ = Mode::kInTable;
        return false;
      case Tag::kTable:
        if (!in_scope(Tag::kTbody, Scope::kTable) && !in_scope(Tag::kThead, Scope::kTable) &&
            !in_scope(Tag::kTfoot, Scope::kTable)) {
          error();
          return false;
        }
        clear_to_table_body_context();
        pop();
        mode_ = Mode::kInTable;
        return true;
      case Tag::kBody:
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kHtml:
      case Tag::kTd:
      case Tag::kTh:
      case Tag::kTr:
        error();
        return false;
      default:
        break;
    }
  }
  return in_table(t);
}

bool Builder::in_row(Token& t) {
  if (t.type == TokenType::kStartTag) {
    switch (t.tag) {
      case Tag::kTh:
      case Tag::kTd:
        clear_to_row_context();
        insert_element(t);
        mode_ = Mode::kInCell;
        push_marker();
        return false;
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kTbody:
      case Tag::kTfoot:
      case Tag::kThead:
      case Tag::kTr:
        if (!in_scope(Tag::kTr, Scope::kTable)) {
          error();
          return false;
        }
        clear_to_row_context();
        pop();
        mode_ = Mode::kInTableBody;
        return true;
      default:
        break;
    }
  } else if (t.type == TokenType::kEndTag) {
    switch (t.tag) {
      case Tag::kTr:
        if (!in_scope(Tag::kTr, Scope::kTable)) {
          error();
          return false;
        }
        clear_to_row_context();
        pop();
        mode_ = Mode::kInTableBody;
        return false;
      case Tag::kTable:
        if (!in_scope(Tag::kTr, Scope::kTable)) {
          error();
          return false;
        }
        clear_to_row_context();
        pop();
        mode_ = Mode::kInTableBody;
        return true;
      case Tag::kTbody:
      case Tag::kTfoot:
      case Tag::kThead:
        if (!in_scope(t.tag, Scope::kTable)) {
          error();
          return false;
        }
        if (!in_scope(Tag::kTr, Scope::kTable)) return false;
        clear_to_row_context();
        pop();
        mode_ = Mode::kInTableBody;
        return true;
      case Tag::kBody:
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kHtml:
      case Tag::kTd:
      case Tag::kTh:
        error();
        return false;
      default:
        break;
    }
  }
  return in_table(t);
}

bool Builder::in_cell(Token& t) {
  if (t.type == TokenType::kEndTag) {
    switch (t.tag) {
      case Tag::kTd:
      case Tag::kTh:
        if (!in_scope(t.tag, Scope::kTable)) {
          error();
          return false;
        }
        generate_implied_end_tags();
        if (!current_is(t.tag)) error();
        pop_until(t.tag);
        clear_formatting_to_marker();
        mode_ = Mode::kInRow;
        return false;
      case Tag::kBody:
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kHtml:
        error();
        return false;
      case Tag::kTable:
      case Tag::kTbody:
      case Tag::kTfoot:
      case Tag::kThead:
      case Tag::kTr:
        if (!in_scope(t.tag, Scope::kTable)) {
          error();
          return false;
        }
        close_cell();
        return true;
      default:
        break;
    }
  } else if (t.type == TokenType::kStartTag) {
    switch (t.tag) {
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kTbody:
      case Tag::kTd:
      case Tag::kTfoot:
      case Tag::kTh:
      case Tag::kThead:
      case Tag::kTr:
        if (!in_scope(Tag::kTd, Scope::kTable) && !in_scope(Tag::kTh, Scope::kTable)) {
          error();
          return false;
        }
        close_cell();
        return true;
      default:
        break;
    }
  }
  return in_body(t);
}

bool Builder::in_template(Token& t) {
  switch (t.type) {
    case TokenType::kCharacter:
    case TokenType::kComment:
    case TokenType::kDoctype:
      return in_body(t);
    case TokenType::kStartTag: {
      Mode next = Mode::kInBody;
      switch (t.tag) {
        case Tag::kBase:
        case Tag::kBasefont:
        case Tag::kBgsound:
        case Tag::kLink:
        case Tag::kMeta:
        case Tag::kNoframes:
        case Tag::kScript:
        case Tag::kStyle:
        case Tag::kTemplate:
        case Tag::kTitle:
          return in_head(t);
        case Tag::kCaption:
        case Tag::kColgroup:
        case Tag::kTbody:
        case Tag::kTfoot:
        case Tag::kThead:
          next = Mode::kInTable;
          break;
        case Tag::kCol:
          next = Mode::kInColumnGroup;
          break;
        case Tag::kTr:
          next = Mode::kInTableBody;
          break;
        case Tag::kTd:
        case Tag::kTh:
          next = Mode::kInRow;
          break;
        default:
          break;
      }
      if (!template_modes_.empty()) template_modes_.pop_back();
      template_modes_.push_back(next);
      mode_ = next;
      return true;
    }
    case TokenType::kEndTag:
      if (t.tag == Tag::kTemplate) return in_head(t);
      error();
      return false;
    case TokenType::kEof:
      if (!has_template()) {
        stop();
        return false;
      }
      error();
      pop_until(Tag::kTemplate);
      clear_formatting_to_marker();
      if (!template_modes_.empty()) template_modes_.pop_back();
      reset_insertion_mode();
      return true;
  }
  return false;
}

bool Builder::after_body(Token& t) {
  switch (t.type) {
    case TokenType::kCharacter: {
      size_t ws = leading_whitespace(t.data);
      if (ws == t.data.size()) return in_body(t);
      break;
    }
    case TokenType::kComment:
      insert_comment(t, open_[0]);
      return false;
    case TokenType::kDoctype:
      error();
      return false;
    case TokenType::kStartTag:
      if (t.tag == Tag::kHtml) return in_body(t);
      break;
    case TokenType::kEndTag:
      if (t.tag == Tag::kHtml) {
        if (context_) {
          error();
          return false;
        }
        mode_ = Mode::kAfterAfterBody;
        return false;
      }
      break;
    case TokenType::kEof:
      stop();
      return false;
  }
  error();
  mode_ = Mode::kInBody;
  return true;
}

// Keeps only the whitespace of a character run (frameset modes drop everything else).
std::string whitespace_only(std::string_view s) {
  std::string out;
  for (char c : s)
    if (is_whitespace(c)) out.push_back(c);
  return out;
}

bool Builder::in_frameset(Token& t) {
  switch (t.type) {
    case TokenType::kCharacter: {
      if (leading_whitespace(t.data) == t.data.size()) {
        insert_chars(t.data, t.data_stable);
      } else {
        error();
        insert_chars(whitespace_only(t.data), false);
      }
      return false;
    }
    case TokenType::kComment:
      insert_comment(t);
      return false;
    case TokenType::kDoctype:
      error();
      return false;
    case TokenType::kStartTag:
      switch (t.tag) {
        case Tag::kHtml:
          return in_body(t);
        case Tag::kFrameset:
          insert_element(t);
          return false;
        case Tag::kFrame:
          insert_element(t);
          pop();
          return false;
        case Tag::kNoframes:
          return in_head(t);
        default:
          break;
      }
      break;
    case TokenType::kEndTag:
      if (t.tag == Tag::kFrameset) {
        if (open_.size() == 1) {
          error();
          return false;
        }
        pop();
        if (!context_ && !current_is(Tag::kFrameset)) mode_ = Mode::kAfterFrameset;
        return false;
      }
      break;
    case TokenType::kEof:
      stop();
      return false;
  }
  error();
  return false;
}

bool Builder::after_frameset(Token& t) {
  switch (t.type) {
    case TokenType::kCharacter:
      if (leading_whitespace(t.data) == t.data.size()) {
        insert_chars(t.data, t.data_stable);
      } else {
        error();
        insert_chars(whitespace_only(t.data), false);
      }
      return false;
    case TokenType::kComment:
      insert_comment(t);
      return false;
    case TokenType::kDoctype:
      error();
      return false;
    case TokenType::kStartTag:
      if (t.tag == Tag::kHtml) return in_body(t);
      if (t.tag == Tag::kNoframes) return in_head(t);
      break;
    case TokenType::kEndTag:
      if (t.tag == Tag::kHtml) {
        mode_ = Mode::kAfterAfterFrameset;
        return false;
      }
      break;
    case TokenType::kEof:
      stop();
      return false;
  }
  error();
  return false;
}

bool Builder::after_after_body(Token& t) {
  switch (t.type) {
    case TokenType::kComment:
      insert_comment(t, doc_.root());
      return false;
    case TokenType::kDoctype:
      return in_body(t);
    case TokenType::kCharacter:
      if (leading_whitespace(t.data) == t.data.size()) return in_body(t);
      break;
    case TokenType::kStartTag:
      if (t.tag == Tag::kHtml) return in_body(t);
      break;
    case TokenType::kEof:
      stop();
      return false;
    default:
      break;
  }
  error();
  mode_ = Mode::kInBody;
  return true;
}

bool Builder::after_after_frameset(Token& t) {
  switch (t.type) {
    case TokenType::kComment:
      insert_comment(t, doc_.root());
      return false;
    case TokenType::kDoctype:
      return in_body(t);
    case TokenType::kCharacter: {
      std::string ws = whitespace_only(t.data);
      if (ws.size() != t.data.size()) error();
      if (!ws.empty()) {
        Token w = t;
        w.data = ws;
        w.data_stable = false;
        in_body(w);
      }
      return false;
    }
    case TokenType::kStartTag:
      if (t.tag == Tag::kHtml) return in_body(t);
      if (t.tag == Tag::kNoframes) return in_head(t);
      break;
    case TokenType::kEof:
      stop();
      return false;
    default:
      break;
  }
  error();
  return false;
}

// ---------------------------------------------------------------------------------------------
// Foreign content (§13.2.6.5)

bool breaks_out_of_foreign(const Token& t) {
  switch (t.tag) {
    case Tag::kB:
    case Tag::kBig:
    case Tag::kBlockquote:
    case Tag::kBody:
    case Tag::kBr:
    case Tag::kCenter:
    case Tag::kCode:
    case Tag::kDd:
    case Tag::kDiv:
    case Tag::kDl:
    case Tag::kDt:
    case Tag::kEm:
    case Tag::kEmbed:
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
    case Tag::kHead:
    case Tag::kHr:
    case Tag::kI:
    case Tag::kImg:
    case Tag::kLi:
    case Tag::kListing:
    case Tag::kMenu:
    case Tag::kMeta:
    case Tag::kNobr:
    case Tag::kOl:
    case Tag::kP:
    case Tag::kPre:
    case Tag::kRuby:
    case Tag::kS:
    case Tag::kSmall:
    case Tag::kSpan:
    case Tag::kStrong:
    case Tag::kStrike:
    case Tag::kSub:
    case Tag::kSup:
    case Tag::kTable:
    case Tag::kTt:
    case Tag::kU:
    case Tag::kUl:
    case Tag::kVar:
      return true;
    case Tag::kFont:
      for (const auto& a : t.attrs)
        if (a.name == "color" || a.name == "face" || a.name == "size") return true;
      return false;
    default:
      return false;
  }
}

void Builder::foreign_content(Token& t) {
  switch (t.type) {
    case TokenType::kCharacter:
      if (t.data[0] == '\0') {
        error();
        insert_chars("\xEF\xBF\xBD", false);
        return;
      }
      insert_chars(t.data, t.data_stable);
      if (frameset_ok_ && leading_whitespace(t.data) != t.data.size()) frameset_ok_ = false;
      return;
    case TokenType::kComment:
      insert_comment(t);
      return;
    case TokenType::kDoctype:
      error();
      return;
    case TokenType::kStartTag:
      if (breaks_out_of_foreign(t)) {
        error();
        while (open_.size() > 1 && !is_mathml_text_ip(current()) && !is_html_ip(current()) &&
               current()->ns != Namespace::kHtml)
          pop();
        process_in(mode_, t);
        return;
      }
      {
        Namespace ns = adjusted_current()->ns;
        insert_foreign(t, ns);
        if (t.self_closing) pop();
      }
      return;
    case TokenType::kEndTag: {
      if (t.tag == Tag::kBr || t.tag == Tag::kP) {
        error();
        while (open_.size() > 1 && !is_mathml_text_ip(current()) && !is_html_ip(current()) &&
               current()->ns != Namespace::kHtml)
          pop();
        process_in(mode_, t);
        return;
      }
      size_t i = open_.size() - 1;
      if (!ascii_iequals(open_[i]->name, t.name)) error();
      for (;;) {
        if (i == 0) return;
        Node* n = open_[i];
        if (ascii_iequals(n->name, t.name)) {
          while (open_.size() > i) pop();
          return;
        }
        --i;
        if (open_[i]->ns == Namespace::kHtml) {
          process_in(mode_, t);
          return;
        }
      }
    }
    case TokenType::kEof:
      process_in(mode_, t);
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Fragment setup (§13.4, "parsing HTML fragments")

void Builder::set_fragment(const FragmentContext& ctx) {
  std::string lower(ctx.name);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  Tag tag = dom::lookup_tag(lower);
  context_ = doc_.create_element(tag, doc_.copy_string(ctx.name), ctx.ns);
  if (ctx.ns == Namespace::kHtml) {
    switch (tag) {
      case Tag::kTitle:
      case Tag::kTextarea:
        tok_.set_state(TokenizerState::kRcdata);
        break;
      case Tag::kStyle:
      case Tag::kXmp:
      case Tag::kIframe:
      case Tag::kNoembed:
      case Tag::kNoframes:
        tok_.set_state(TokenizerState::kRawtext);
        break;
      case Tag::kScript:
        tok_.set_state(TokenizerState::kScriptData);
        break;
      case Tag::kNoscript:
        if (options_.scripting) tok_.set_state(TokenizerState::kRawtext);
        break;
      case Tag::kPlaintext:
        tok_.set_state(TokenizerState::kPlaintext);
        break;
      default:
        break;
    }
  }
  Node* html = create_html(Tag::kHtml);
  Document::append_child(doc_.root(), html);
  push(html);
  if (context_->is_html(Tag::kTemplate)) template_modes_.push_back(Mode::kInTemplate);
  reset_insertion_mode();
  // The form pointer is the context's nearest <form> ancestor-or-self; our context element
  // has no ancestors, so only a <form> context sets it.
  if (context_->is_html(Tag::kForm)) form_ = context_;
}

}  // namespace

BuildResult build_document(Document& doc, Tokenizer& tokenizer, std::string_view input,
                           const BuildOptions& options) {
  Builder b(doc, tokenizer, input, options);
  b.run();
  return b.result();
}

BuildResult build_fragment(Document& doc, Tokenizer& tokenizer, std::string_view input,
                           const FragmentContext& context, const BuildOptions& options) {
  Builder b(doc, tokenizer, input, options);
  b.set_fragment(context);
  b.run();
  return b.result();
}

}  // namespace klartext::html
