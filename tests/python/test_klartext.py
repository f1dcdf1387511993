# Tests for the klartext Python module (python/klartext_module.cc): the bindings pass options and
# results through faithfully; extraction quality itself is tested in C++.
import os
import threading
import unittest

import klartext

EXAMPLE = os.path.join(os.environ.get("KLARTEXT_SOURCE_DIR", "../.."), "examples", "press-release.html")


class ExtractTest(unittest.TestCase):
    def setUp(self):
        with open(EXAMPLE, "rb") as f:
            self.page = f.read()

    def test_bytes_give_text_and_metadata(self):
        doc = klartext.extract(self.page, url="https://transport.example.gov/press/1")
        self.assertIn("62 kilometres of new and widened cycle paths", doc["text"])
        self.assertNotIn("Jump to Navigation", doc["text"])
        self.assertNotIn("Accept all", doc["text"])
        self.assertEqual(doc["title"], "New cycle paths for the river valley")
        self.assertEqual(doc["url"], "https://transport.example.gov/press/1")
        self.assertTrue(doc["date"].startswith("2026-11-24"))
        self.assertNotIn("markdown", doc)

    def test_str_input_and_markdown(self):
        doc = klartext.extract(self.page.decode("utf-8"), markdown=True)
        self.assertIn("## What will be built", doc["markdown"])
        self.assertIn("| Phase | Section | Length | Start |", doc["markdown"])

    def test_extract_text_matches_extract(self):
        self.assertEqual(klartext.extract_text(self.page), klartext.extract(self.page)["text"])

    def test_wrong_type_raises(self):
        with self.assertRaises(TypeError):
            klartext.extract(12)

    def test_threads_share_the_module(self):
        results = [None] * 4

        def work(i):
            results[i] = klartext.extract_text(self.page)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertTrue(all(r == results[0] and r for r in results))


if __name__ == "__main__":
    unittest.main()
