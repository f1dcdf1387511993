// Tests for src/dedup/minhash.h and src/dedup/lsh.h: collisions of identical and near-identical
// documents, unrelated ones apart, Jaccard estimates, the vectorised kernel against a scalar
// reference, LSH clustering, limits and memory.
#include "dedup/minhash.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <cmath>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "dedup/lsh.h"
#include "dedup/sha1.h"

namespace klartext::dedup {
namespace {

// A document of n words drawn from a large vocabulary of made-up words.
std::string random_doc(int n, uint32_t seed) {
  std::mt19937 rng(seed);
  static const char* kSyl[] = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "du",
                               "fa", "go", "hi", "ja", "ke", "li", "mo", "nu", "pe", "ro"};
  std::string s;
  for (int i = 0; i < n; ++i) {
    if (i) s += (i % 12 == 0) ? ". " : " ";
    int syl = 2 + static_cast<int>(rng() % 3);
    for (int j = 0; j < syl; ++j) s += kSyl[rng() % 20];
  }
  return s + ".";
}

std::vector<uint64_t> sig_of(const MinHasher& m, std::string_view text, MinHashWorkspace& ws) {
  std::vector<uint64_t> sig(m.num_hashes());
  EXPECT_TRUE(m.signature(text, ws, sig.data())) << text.substr(0, 40);
  return sig;
}

TEST(MinHash, DefaultsAreFineWebs) {
  MinHashConfig c;
  EXPECT_EQ(c.n_grams, 5);
  EXPECT_EQ(c.num_buckets, 14);
  EXPECT_EQ(c.hashes_per_bucket, 8);
  EXPECT_EQ(c.num_hashes(), 112);
  Result<MinHasher> m = MinHasher::create(c);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->num_hashes(), 112u);
}

TEST(MinHash, PermutationsAreInRangeAndSeeded) {
  MinHasher m1 = *MinHasher::create({});
  MinHasher m1b = *MinHasher::create({});
  MinHashConfig c2;
  c2.seed = 2;
  MinHasher m2 = *MinHasher::create(c2);
  for (size_t j = 0; j < m1.num_hashes(); ++j) {
    EXPECT_GE(m1.perm_a()[j], 1u);
    EXPECT_LT(m1.perm_a()[j], kMersenne61);
    EXPECT_LT(m1.perm_b()[j], kMersenne61);
  }
  EXPECT_EQ(m1.perm_a(), m1b.perm_a());
  EXPECT_NE(m1.perm_a(), m2.perm_a());
  MinHashConfig bad;
  bad.perm_a = {1, 2, 3};
  EXPECT_FALSE(MinHasher::create(bad).ok());
  bad = {};
  bad.n_grams = 0;
  EXPECT_FALSE(MinHasher::create(bad).ok());
}

TEST(MinHash, KernelMatchesScalarReferenceWithNumpyWrap) {
  MinHashConfig c;
  c.perm_a.resize(112);
  c.perm_b.resize(112);
  std::mt19937_64 rng(7);
  for (int j = 0; j < 112; ++j) {
    c.perm_a[j] = 1 + rng() % (kMersenne61 - 1);
    c.perm_b[j] = rng() % kMersenne61;
  }
  c.perm_a[0] = kMersenne61 - 1;  // extremes
  c.perm_b[0] = kMersenne61 - 1;
  MinHasher m = *MinHasher::create(c);
  std::vector<uint64_t> h(1000);
  for (auto& x : h) x = rng();
  h[0] = ~uint64_t(0);
  h[1] = 0;
  std::vector<uint64_t> sig(112);
  m.signature_from_hashes(h.data(), h.size(), sig.data());
  for (size_t j = 0; j < 112; ++j) {
    uint64_t best = ~uint64_t(0);
    for (uint64_t x : h) {
      uint64_t v = x * c.perm_a[j] + c.perm_b[j];  // wraps mod 2^64 like numpy uint64
      best = std::min(best, v % kMersenne61);
    }
    EXPECT_EQ(sig[j], best) << j;
  }
}

TEST(MinHash, EveryKernelVariantMatchesTheScalarReference) {
  std::mt19937_64 rng(9);
  std::vector<uint64_t> a(112), b(112), h(1003);  // 1003: exercises the 4-wide remainder
  for (auto& x : a) x = 1 + rng() % (kMersenne61 - 1);
  for (auto& x : b) x = rng() % kMersenne61;
  for (auto& x : h) x = rng();
  std::vector<uint64_t> expected(112, ~uint64_t(0));
  for (size_t j = 0; j < 112; ++j) {
    for (uint64_t x : h) expected[j] = std::min(expected[j], (x * a[j] + b[j]) % kMersenne61);
  }
  auto kernels = minhash_kernels();
  ASSERT_FALSE(kernels.empty());
  for (const auto& [name, fn] : kernels) {
    std::vector<uint64_t> sig(112, ~uint64_t(0));
    fn(h.data(), h.size(), a.data(), b.data(), sig.data(), sig.size());
    EXPECT_EQ(sig, expected) << name;
  }
}

// Other permutation counts (vector remainders of k) and few or no shingles.
TEST(MinHash, EveryKernelVariantMatchesForAnyPermutationCount) {
  std::mt19937_64 rng(11);
  for (size_t k : {1, 5, 8, 13, 64, 72, 120, 200, 512}) {
    for (size_t n : {0, 1, 3, 77}) {
      std::vector<uint64_t> a(k), b(k), h(n);
      for (auto& x : a) x = 1 + rng() % (kMersenne61 - 1);
      for (auto& x : b) x = rng() % kMersenne61;
      for (auto& x : h) x = rng();
      std::vector<uint64_t> expected(k, ~uint64_t(0));
      for (size_t j = 0; j < k; ++j)
        for (uint64_t x : h) expected[j] = std::min(expected[j], (x * a[j] + b[j]) % kMersenne61);
      for (const auto& [name, fn] : minhash_kernels()) {
        std::vector<uint64_t> sig(k, ~uint64_t(0));
        fn(h.data(), h.size(), a.data(), b.data(), sig.data(), k);
        EXPECT_EQ(sig, expected) << name << " k=" << k << " n=" << n;
      }
    }
  }
}

// Values whose folded form (v & p) + (v >> 61) reaches p or more, where the kernels must still
// subtract p: v = p and v = 2^64 - 1 (= 8p + 7), in every lane of a vector.
TEST(MinHash, EveryKernelVariantReducesFoldedValuesAtOrAboveThePrime) {
  const size_t k = 16;
  std::vector<uint64_t> a(k, 1), b(k, 5), h = {kMersenne61 - 5, ~uint64_t(0)};
  for (const auto& [name, fn] : minhash_kernels()) {
    std::vector<uint64_t> sig(k, ~uint64_t(0));
    fn(h.data(), h.size(), a.data(), b.data(), sig.data(), k);
    // x = p - 5 gives v = p, which is 0; x = 2^64 - 1 wraps to v = 4.
    EXPECT_EQ(sig, std::vector<uint64_t>(k, 0)) << name;
    std::vector<uint64_t> zero_b(k, 0);
    std::vector<uint64_t> only_max = {~uint64_t(0)};
    std::fill(sig.begin(), sig.end(), ~uint64_t(0));
    fn(only_max.data(), 1, a.data(), zero_b.data(), sig.data(), k);
    EXPECT_EQ(sig, std::vector<uint64_t>(k, 7)) << name;  // (2^64 - 1) mod p
  }
}

std::string hex(const std::array<uint8_t, 20>& d) {
  std::string s;
  for (uint8_t b : d) {
    static const char* kHex = "0123456789abcdef";
    s += kHex[b >> 4];
    s += kHex[b & 15];
  }
  return s;
}

TEST(Sha1, StandardVectors) {
  // FIPS 180 examples and the empty string.
  EXPECT_EQ(hex(sha1("")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(hex(sha1("abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(hex(sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  EXPECT_EQ(hex(sha1(std::string(1000000, 'a'))), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  // datatrove's sha1_hash64: the first 8 digest bytes, little-endian.
  EXPECT_EQ(sha1_hash64("abc"), 0x6a810647363e99a9ULL);
}

TEST(MinHash, Sha1ShinglesAreConfigurable) {
  MinHashConfig c;
  c.shingle_hash = ShingleHash::kSha1;
  MinHasher m = *MinHasher::create(c);
  MinHasher x = *MinHasher::create({});
  EXPECT_EQ(m.hash_shingle("a b c d e"), sha1_hash64("a b c d e"));
  MinHashWorkspace ws;
  std::string doc = random_doc(100, 4);
  auto s1 = sig_of(m, doc, ws);
  EXPECT_EQ(s1, sig_of(m, doc, ws));
  EXPECT_NE(s1, sig_of(x, doc, ws));
}

TEST(MinHash, IdenticalAndNormalisedVariantsCollide) {
  MinHasher m = *MinHasher::create({});
  MinHashWorkspace ws;
  std::string doc = random_doc(300, 1);
  auto a = sig_of(m, doc, ws);
  EXPECT_EQ(a, sig_of(m, doc, ws));
  std::string shouty = doc;
  for (char& ch : shouty) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  EXPECT_EQ(a, sig_of(m, "  " + shouty + "!!", ws));
}

TEST(MinHash, ShortTextsHaveNoSignature) {
  MinHasher m = *MinHasher::create({});
  MinHashWorkspace ws;
  std::vector<uint64_t> sig(112);
  EXPECT_FALSE(m.signature("only four words here", ws, sig.data()));
  EXPECT_FALSE(m.signature("", ws, sig.data()));
  EXPECT_TRUE(m.signature("now there are five words", ws, sig.data()));
}

// The corpus job normalises once for the exact hash and the signature: the signature of the
// normalised text must equal the signature of the raw text, spaced and dictionary scripts alike.
TEST(MinHash, SignatureOfNormalizedTextMatchesSignature) {
  MinHasher m = *MinHasher::create({});
  MinHashWorkspace ws;
  std::string norm;
  for (std::string text : {std::string("The QUICK brown fox, 42.5 times, jumps over Café dogs!"),
                           std::string("我们今天去图书馆看书，然后在公园里散步，晚上一起吃饭。"),
                           std::string("only four words here")}) {
    std::vector<uint64_t> a(112, 7), b(112, 7);
    bool ha = m.signature(text, ws, a.data());
    normalize_for_dedup(text, &norm, m.config().normalize);
    bool hb = m.signature_of_normalized(norm, ws, b.data());
    EXPECT_EQ(ha, hb) << text;
    EXPECT_EQ(a, b) << text;
  }
}

// The words of a normalised text are found 16 bytes a step: words of every length from 1 to
// 40 bytes, so that spaces fall at every offset of a step and words cross steps, give the
// signature of the shingles joined by hand, with and without a trailing space.
TEST(MinHash, SpacedWordsAcrossVectorStepsAreShingled) {
  MinHasher m = *MinHasher::create({});
  MinHashWorkspace ws;
  std::vector<std::string> words;
  std::string norm;
  for (int len = 1; len <= 40; ++len) {
    words.push_back(std::string(size_t(len), char('a' + len % 26)));
    if (!norm.empty()) norm += ' ';
    norm += words.back();
  }
  std::vector<uint64_t> hashes;
  for (size_t i = 0; i + 5 <= words.size(); ++i)
    hashes.push_back(m.hash_shingle(words[i] + " " + words[i + 1] + " " + words[i + 2] + " " +
                                    words[i + 3] + " " + words[i + 4]));
  std::vector<uint64_t> want(m.num_hashes(), ~uint64_t(0)), got(m.num_hashes());
  m.signature_from_hashes(hashes.data(), hashes.size(), want.data());
  ASSERT_TRUE(m.signature_of_normalized(norm, ws, got.data()));
  EXPECT_EQ(want, got);
  ASSERT_TRUE(m.signature_of_normalized(norm + " ", ws, got.data()));
  EXPECT_EQ(want, got);
}

// Shingles of 19 to 204 bytes give the signature of their hashes computed one by one.
TEST(MinHash, ShinglesOfEveryLengthHashAsXxh64) {
  MinHasher m = *MinHasher::create({});
  MinHashWorkspace ws;
  std::mt19937 rng(11);
  for (int round = 0; round < 40; ++round) {
    std::vector<std::string> words;
    std::string norm;
    for (int i = 0; i < 12; ++i) {
      words.push_back(std::string(1 + rng() % 14, char('a' + rng() % 26)));
      if (!norm.empty()) norm += ' ';
      norm += words.back();
    }
    std::vector<uint64_t> hashes;
    for (size_t i = 0; i + 5 <= words.size(); ++i) {
      std::string sh = words[i] + " " + words[i + 1] + " " + words[i + 2] + " " + words[i + 3] +
                       " " + words[i + 4];
      hashes.push_back(XXH64(sh.data(), sh.size(), 0));
    }
    std::vector<uint64_t> want(m.num_hashes(), ~uint64_t(0)), got(m.num_hashes());
    m.signature_from_hashes(hashes.data(), hashes.size(), want.data());
    ASSERT_TRUE(m.signature_of_normalized(norm, ws, got.data()));
    EXPECT_EQ(want, got) << norm;
  }
}

TEST(MinHash, ChineseTextIsShingledByWords) {
  MinHasher m = *MinHasher::create({});
  MinHashWorkspace ws;
  std::vector<uint64_t> a(112), b(112);
  std::string zh = "我们今天去图书馆看书，然后在公园里散步，晚上一起吃饭。";
  ASSERT_TRUE(m.signature(zh, ws, a.data()));
  ASSERT_TRUE(m.signature(zh + "明天我们还要去博物馆参观新的展览。", ws, b.data()));
  double j = estimate_jaccard(a.data(), b.data(), 112);
  EXPECT_GT(j, 0.2);
  EXPECT_LT(j, 1.0);
}

TEST(MinHash, JaccardEstimateIsClose) {
  // 1024 permutations: the estimate's standard deviation is at most 0.5/sqrt(1024) = 0.016.
  MinHashConfig c;
  c.num_buckets = 128;
  MinHasher m = *MinHasher::create(c);
  std::mt19937_64 rng(3);
  for (double target : {0.1, 0.33, 0.5, 0.8, 1.0}) {
    // |A| = |B| = 1000 with overlap k: J = k / (2000 - k).
    int k = static_cast<int>(std::lround(2000 * target / (1 + target)));
    std::vector<uint64_t> a, b;
    for (int i = 0; i < k; ++i) {
      uint64_t x = rng();
      a.push_back(x);
      b.push_back(x);
    }
    for (int i = k; i < 1000; ++i) {
      a.push_back(rng());
      b.push_back(rng());
    }
    std::vector<uint64_t> sa(m.num_hashes()), sb(m.num_hashes());
    m.signature_from_hashes(a.data(), a.size(), sa.data());
    m.signature_from_hashes(b.data(), b.size(), sb.data());
    double truth = static_cast<double>(k) / (2000 - k);
    EXPECT_NEAR(estimate_jaccard(sa.data(), sb.data(), sa.size()), truth, 0.06) << target;
  }
}

TEST(Lsh, FindsNearDuplicatesAndNotUnrelated) {
  MinHasher m = *MinHasher::create({});
  MinHashWorkspace ws;
  LshIndex index(m.config());
  std::string doc = random_doc(200, 11);
  auto r0 = index.add(sig_of(m, doc, ws).data());
  ASSERT_TRUE(r0.ok());
  EXPECT_FALSE(r0->duplicate);
  EXPECT_EQ(r0->doc, 0u);
  // Identical.
  auto r1 = index.add(sig_of(m, doc, ws).data());
  EXPECT_TRUE(r1->duplicate);
  EXPECT_EQ(r1->doc, 0u);
  // One word in 200 changed: about 5 of 196 shingles differ (Jaccard ~0.95).
  std::string near = doc;
  size_t mid = near.find(' ', near.size() / 2);
  near.insert(mid, " zzqxv");
  auto r2 = index.add(sig_of(m, near, ws).data());
  EXPECT_TRUE(r2->duplicate);
  EXPECT_EQ(r2->doc, 0u);
  // Unrelated documents are new, with fresh ids.
  for (uint32_t s = 100; s < 150; ++s) {
    auto r = index.add(sig_of(m, random_doc(200, s), ws).data());
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->duplicate) << s;
  }
  EXPECT_EQ(index.doc_count(), 51u);
}

TEST(Lsh, ChainsJoinTheFirstCluster) {
  // Signatures built by hand: B shares band 0 with A, C shares band 1 with B only.
  MinHashConfig c;
  c.num_buckets = 3;
  c.hashes_per_bucket = 2;
  LshIndex index(c);
  uint64_t a[6] = {1, 2, 3, 4, 5, 6}, b[6] = {1, 2, 9, 9, 8, 8}, cc[6] = {7, 7, 9, 9, 0, 0};
  EXPECT_EQ(index.add(a)->doc, 0u);
  EXPECT_TRUE(index.add(b)->duplicate);
  auto rc = index.add(cc);
  EXPECT_TRUE(rc->duplicate);
  EXPECT_EQ(rc->doc, 0u);  // via B, which pointed its bands at A
  uint64_t unseen[6] = {11, 12, 13, 14, 15, 16};
  EXPECT_FALSE(index.query(unseen).duplicate);
  EXPECT_EQ(index.doc_count(), 1u);  // query does not index
  EXPECT_TRUE(index.query(cc).duplicate);
  LshOptions o;
  o.index_duplicates = false;
  LshIndex strict(c, o);
  strict.add(a);
  strict.add(b);
  EXPECT_FALSE(strict.add(cc)->duplicate);
}

TEST(Lsh, RejectsConfigsOutOfBounds) {
  MinHashConfig c;
  c.num_buckets = 5000;
  LshIndex index(c);
  std::vector<uint64_t> sig(5000 * 8, 1);
  EXPECT_EQ(index.add(sig.data()).status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(index.query(sig.data()).duplicate);
}

TEST(Lsh, EnforcesMaxDocsAndBoundsMemory) {
  MinHashConfig c;
  LshOptions o;
  o.max_docs = 20000;
  LshIndex index(c, o);
  std::mt19937_64 rng(5);
  std::vector<uint64_t> sig(112);
  for (int d = 0; d < 20000; ++d) {
    for (auto& v : sig) v = rng() & (kMersenne61 - 1);
    ASSERT_TRUE(index.add(sig.data()).ok());
  }
  for (auto& v : sig) v = rng();
  Result<LshMatch> over = index.add(sig.data());
  EXPECT_EQ(over.status().code(), StatusCode::kLimitExceeded);
  // Documented bound: <= 14 bands x 12 bytes / 0.35 load per document.
  EXPECT_LE(index.memory_bytes(), 20000u * 14 * 12 * 100 / 35 + 14 * 1024 * 12);
}

TEST(Lsh, SharedAcrossThreads) {
  MinHasher m = *MinHasher::create({});
  LshIndex index(m.config());
  std::vector<std::string> docs;
  for (uint32_t s = 0; s < 40; ++s) docs.push_back(random_doc(150, 1000 + s));
  std::vector<std::thread> threads;
  std::atomic<int> dups{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      MinHashWorkspace ws;
      std::vector<uint64_t> sig(m.num_hashes());
      for (const std::string& d : docs) {
        ASSERT_TRUE(m.signature(d, ws, sig.data()));
        if (index.add(sig.data())->duplicate) ++dups;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(index.doc_count(), 40u);  // each document is new exactly once
  EXPECT_EQ(dups.load(), 120);
}

}  // namespace
}  // namespace klartext::dedup

namespace klartext::dedup {
namespace {

TEST(MinHash, ArbitraryBytesDoNotCrash) {
  MinHasher m = *MinHasher::create({});
  MinHashWorkspace ws;
  std::vector<uint64_t> sig(112);
  std::string alphabet = "ab 1.,\n\xe4\xb8\xad\xe6\x96\x87\xcc\x81\xff\xc3\xa9\xea\xb0\x80";
  std::mt19937 rng(2);
  for (int i = 0; i < 300; ++i) {
    std::string s;
    size_t len = rng() % 300;
    for (size_t j = 0; j < len; ++j) s.push_back(alphabet[rng() % alphabet.size()]);
    if (m.signature(s, ws, sig.data())) {
      for (uint64_t v : sig) EXPECT_LT(v, kMersenne61);
    }
    std::string norm;
    normalize_for_dedup(s, &norm);
    EXPECT_TRUE(norm.empty() || (norm.front() != ' ' && norm.back() != ' '));
  }
}

}  // namespace
}  // namespace klartext::dedup
