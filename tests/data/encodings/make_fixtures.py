#!/usr/bin/env python3
# Writes the decode fixtures: a short page of our own words per language, encoded into each
# encoding klartext decodes. Run once; the outputs are committed. Used by tests/decode/fixtures_test.cc.
#
# For each fixture NAME it writes NAME.html (the encoded page, with <meta charset=LABEL>) and
# NAME.txt (the same page in UTF-8, the expected decoding). The test also strips the <meta> line
# from both to check detection without a label.
import codecs
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# Our own sentences, a few lines per language, long enough for a statistical detector.
TEXTS = {
    "de": "Der kleine Bäcker öffnet früh am Morgen seinen Laden. Über die Straße duftet es nach "
          "frischem Brot, und die Nachbarn grüßen einander freundlich. Später regnet es, doch "
          "die Kinder spielen trotzdem fröhlich im Hof, während die Großmutter Äpfel schält.",
    "fr": "Le vieux pêcheur répare ses filets près du quai. À midi, il déjeune d'une soupe "
          "épaisse et d'un morceau de fromage; ensuite il raconte à ses petits-enfants l'été où "
          "la mer était si calme qu'on voyait les poissons nager sous le bateau. Ça coûte 5 €.",
    "pl": "Wczoraj wieczorem poszliśmy nad jezioro. Woda była zimna, ale dzieci i tak pływały, "
          "a dziadek łowił ryby z małej łódki. Później zjedliśmy pierogi i słuchaliśmy, jak "
          "żaby śpiewają w trzcinach aż do późnej nocy.",
    "cs": "Na náměstí stojí starý kostel s vysokou věží. Každou sobotu tam prodávají zeleninu, "
          "med a čerstvé housky. Děti si kupují perník a běhají kolem kašny, zatímco rodiče "
          "posedávají na lavičkách a povídají si o počasí.",
    "ru": "Утром мы пошли в лес за грибами. Солнце светило сквозь высокие сосны, а под ногами "
          "шуршали сухие листья. Бабушка нашла целую корзину белых грибов, и вечером мы "
          "пили чай с вареньем и слушали её рассказы о деревне.",
    "uk": "Навесні у нашому селі цвітуть вишні, і все подвір'я стає білим. Дідусь лагодить "
          "паркан, а бабуся пече пиріжки з ягодами. Ґанок ми пофарбували в зелений колір, "
          "і тепер їжак щовечора приходить пити молоко.",
    "el": "Το καλοκαίρι πηγαίνουμε στο νησί της γιαγιάς. Το πρωί κολυμπάμε στη θάλασσα και το "
          "μεσημέρι τρώμε ψάρια στην ταβέρνα του λιμανιού. Το βράδυ καθόμαστε στην αυλή και "
          "κοιτάζουμε τα αστέρια μέχρι να νυστάξουμε.",
    "tr": "Sabahları çarşıya gidip taze ekmek ve peynir alıyoruz. Öğleden sonra deniz kenarında "
          "yürüyüş yapıyor, akşamları ise bahçede çay içip komşularla sohbet ediyoruz. Güzel "
          "günlerdi, hâlâ özlüyorum.",
    "he": "בבוקר הלכנו לשוק לקנות פירות וירקות טריים. אחר כך ישבנו בבית קפה קטן ליד הים "
          "ושתינו קפה חזק. בערב חזרנו הביתה ובישלנו ארוחה גדולה לכל המשפחה.",
    "ar": "ذهبنا في الصباح إلى السوق لشراء الخبز والزيتون. بعد الظهر جلسنا في الحديقة وقرأنا "
          "الكتب تحت شجرة كبيرة، وفي المساء شربنا الشاي مع الجيران وتحدثنا عن الأيام الماضية.",
    "lt": "Vasarą važiuojame pas senelius į kaimą. Ryte renkame braškes, o vakare plaukiame "
          "ežere. Senelis pasakoja, kaip jaunystėje žvejodavo, o močiutė kepa skanų pyragą su "
          "obuoliais ir šviežiu sviestu.",
    "ro": "Dimineața mergem la piață să cumpărăm roșii și brânză. După-amiaza ne plimbăm prin "
          "parc, iar seara stăm în grădină și ascultăm greierii. Bunica ne învață să facem "
          "plăcintă cu mere și scorțișoară.",
    "mt": "Il-ħabib tiegħi joqgħod ħdejn il-baħar. Kull filgħodu jimxi mal-kosta u jara "
          "d-dgħajjes tas-sajjieda deħlin lura fil-port. Ġieli nieklu flimkien ħobż biż-żejt "
          "u ngħidu ħafna ċajt.",
    "is": "Á sumrin förum við norður í land og gistum í litlu húsi við fjörðinn. Þar eru "
          "fuglar alls staðar og sólin sest varla. Við göngum á fjöll, veiðum fisk og drekkum "
          "heitt kakó á kvöldin.",
    "cy": "Mae'r ŵyl yn dechrau yfory yn y pentref. Bydd côr yn canu, bydd plant yn dawnsio, "
          "a bydd pawb yn bwyta bara brith a chacennau cri. Mae'r tywydd yn braf ac mae'r "
          "ŷd yn tyfu'n dal.",
    "th": "ตอนเช้าเราไปตลาดเพื่อซื้อผลไม้และผักสด หลังจากนั้นเรานั่งดื่มกาแฟที่ร้านเล็ก ๆ ริมแม่น้ำ "
          "ตอนเย็นเรากลับบ้านและทำอาหารให้ทุกคนในครอบครัว",
    "zh-hans": "今天早上我们去公园散步，天气很好，阳光温暖。湖边有很多人在钓鱼，孩子们在草地上"
               "放风筝。中午我们在一家小饭馆吃了饺子和面条，下午回家以后大家一起喝茶聊天，"
               "说起小时候在乡下生活的故事。",
    "zh-hant": "今天早上我們去公園散步，天氣很好，陽光溫暖。湖邊有很多人在釣魚，孩子們在草地上"
               "放風箏。中午我們在一家小飯館吃了餃子和麵條，下午回家以後大家一起喝茶聊天，"
               "說起小時候在鄉下生活的故事。",
    "ja": "今朝は早く起きて、近くの公園を散歩しました。桜の花がとてもきれいで、たくさんの人が"
          "写真を撮っていました。お昼にはおにぎりとお茶を持って、友だちと川のそばで食べました。"
          "夕方になると少し寒くなったので、家に帰って温かいスープを作りました。カタカナも使います。",
    "ko": "오늘 아침에 우리는 시장에 가서 신선한 과일과 채소를 샀습니다. 점심에는 작은 식당에서 "
          "김치찌개를 먹었고, 오후에는 공원에서 산책을 했습니다. 저녁에는 가족과 함께 "
          "이야기를 나누며 따뜻한 차를 마셨습니다.",
}

# (fixture name, python codec, meta label, languages)
FIXTURES = [
    ("utf-8", "utf-8", "utf-8", ["de", "fr", "ru", "el", "zh-hans", "ja", "ko", "ar"]),
    ("windows-1252", "cp1252", "windows-1252", ["de", "fr"]),
    ("iso-8859-1", "cp1252", "iso-8859-1", ["de"]),
    ("iso-8859-15", "iso8859_15", "iso-8859-15", ["fr"]),
    ("iso-8859-2", "iso8859_2", "iso-8859-2", ["pl", "cs"]),
    ("windows-1250", "cp1250", "windows-1250", ["pl", "cs"]),
    ("iso-8859-3", "iso8859_3", "iso-8859-3", ["mt"]),
    ("iso-8859-4", "iso8859_4", "iso-8859-4", ["lt"]),
    ("iso-8859-5", "iso8859_5", "iso-8859-5", ["ru"]),
    ("windows-1251", "cp1251", "windows-1251", ["ru"]),
    ("koi8-r", "koi8_r", "koi8-r", ["ru"]),
    ("koi8-u", "koi8_u", "koi8-u", ["uk"]),
    ("ibm866", "cp866", "ibm866", ["ru"]),
    ("x-mac-cyrillic", "mac_cyrillic", "x-mac-cyrillic", ["ru"]),
    ("iso-8859-6", "iso8859_6", "iso-8859-6", ["ar"]),
    ("windows-1256", "cp1256", "windows-1256", ["ar"]),
    ("iso-8859-7", "iso8859_7", "iso-8859-7", ["el"]),
    ("windows-1253", "cp1253", "windows-1253", ["el"]),
    ("iso-8859-8", "iso8859_8", "iso-8859-8", ["he"]),
    ("windows-1255", "cp1255", "windows-1255", ["he"]),
    ("windows-1254", "cp1254", "windows-1254", ["tr"]),
    ("iso-8859-9", "iso8859_9", "iso-8859-9", ["tr"]),
    ("iso-8859-10", "iso8859_10", "iso-8859-10", ["is"]),
    ("iso-8859-13", "iso8859_13", "iso-8859-13", ["lt"]),
    ("windows-1257", "cp1257", "windows-1257", ["lt"]),
    ("iso-8859-14", "iso8859_14", "iso-8859-14", ["cy"]),
    ("iso-8859-16", "iso8859_16", "iso-8859-16", ["ro"]),
    ("windows-874", "cp874", "windows-874", ["th"]),
    ("macintosh", "mac_roman", "macintosh", ["fr", "de"]),
    ("gbk", "gbk", "gbk", ["zh-hans"]),
    ("gb2312", "gb2312", "gb2312", ["zh-hans"]),
    ("gb18030", "gb18030", "gb18030", ["zh-hans"]),
    ("big5", "big5", "big5", ["zh-hant"]),
    ("shift_jis", "cp932", "shift_jis", ["ja"]),
    ("euc-jp", "euc_jp", "euc-jp", ["ja"]),
    ("iso-2022-jp", "iso2022_jp", "iso-2022-jp", ["ja"]),
    ("euc-kr", "cp949", "euc-kr", ["ko"]),
    ("utf-16le", "utf-16-le", None, ["de", "ru", "zh-hans", "ja"]),
    ("utf-16be", "utf-16-be", None, ["el", "ko", "ar"]),
]


def page(label, langs):
    head = "<!DOCTYPE html>\n<html>\n<head>\n"
    if label:
        head += '<meta charset="%s">\n' % label
    head += "<title>klartext fixture</title>\n</head>\n<body>\n"
    body = "".join('<p lang="%s">%s</p>\n' % (l, TEXTS[l]) for l in langs)
    return head + body + "</body>\n</html>\n"


def main():
    for name, codec, label, langs in FIXTURES:
        text = page(label, langs)
        if codec.startswith("utf-16"):
            bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
            data = bom + text.encode(codec)
        else:
            data = text.encode(codec)
        with open(os.path.join(HERE, name + ".html"), "wb") as f:
            f.write(data)
        with open(os.path.join(HERE, name + ".txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


if __name__ == "__main__":
    main()
