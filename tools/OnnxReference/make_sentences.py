# Writes sentences.json: the fixture's inputs (plain Python so escapes are exact).
import json

long_story = " ".join(
    "On day %d of the trip the user walked along the river, photographed herons, bought bread at a small bakery "
    "and wrote in a notebook about the weather, the trains and the people met on the way." % i
    for i in range(1, 16))
very_long = " ".join("Item %d: the quarterly budget review, travel receipts and the onboarding checklist." % i for i in range(1, 80))

sentences = [
    # plain English, incl. the paraphrase pairs the tests use
    "I'm allergic to peanuts.",
    "Any food restrictions I should know about?",
    "The user is vegetarian.",
    "What should I cook when my sister comes over?",
    "I drive a 2015 Honda Civic.",
    "What car do I have?",
    "The quarterly report is due next Friday at 5 p.m.",
    "Please answer in bullet points, and keep it short!",
    "McDonald's, iPhone, eBay and YouTube are brand names.",
    "SHOUTING IN ALL CAPS DOESN'T CHANGE THE MEANING.",
    # punctuation and symbols
    "Wait... what?! (Really?) [Yes] {No} <maybe>",
    "Prices: $10, €5, £3, ¥200, 3.14%, 1,000,000 and ±2.",
    "Math: ∑ x² ≤ 10 × y ÷ 2 ≠ ∞; a→b, α+β=γ.",
    "Quotes “curly” and ‘single’, dashes — and –, an ellipsis… and «guillemets».",
    "a+b=c; x^2 | y & z ~ w `code` @user #hashtag",
    # accents and Latin-script languages
    "Café au lait, naïve coöperation, résumé, façade and jalapeño.",
    "¿Dónde está la biblioteca? ¡Muy bien!",
    "Zürich, São Paulo, Kraków, Ærøskøbing, Łódź and Reykjavík.",
    "Tiếng Việt có nhiều dấu thanh.",
    "Straße, STRASSE, Maße and ẞ are German.",
    "Precomposed é versus decomposed e\u0301 should match.",
    "İstanbul'da IŞIK ve ılık çay.",
    # other scripts
    "ΟΔΟΣ and ΣΟΦΟΣ ΛΟΓΟΣ are Greek words; Σ alone.",
    "Москва — столица России.",
    "مرحبا بالعالم، كيف حالك؟",
    "שלום עולם, מה שלומך?",
    "नमस्ते, आप कैसे हैं?",
    "สวัสดีครับ ยินดีที่ได้รู้จัก",
    "안녕하세요, 만나서 반갑습니다.",
    "東京は日本の首都です。ひらがなとカタカナ。",
    "我喜欢吃饺子和喝茶。",
    "Mixed 中文 and English in one sentence.",
    "Ꭰ Cherokee and 𐐀 Deseret capitals, fullwidth ＡＢＣ１２３, ligature ﬁne.",
    # emoji
    "I love pizza 🍕😀!",
    "Thumbs up 👍🏽 and a family 👨‍👩‍👧 and a flag 🇫🇷.",
    "Keycap 1️⃣, hearts ♥️❤️ and stars ★☆.",
    "helloworld😀goodbye",
    # code
    "public static async Task<int> RunAsync(CancellationToken ct) => await Task.FromResult(42);",
    "def snake_case_name(x): return {'key': [1, 2, 3]}",
    "SELECT id, name FROM users WHERE email LIKE '%@example.com' ORDER BY created_at DESC;",
    "{\"user_id\": 42, \"tags\": [\"a\", \"b\"], \"active\": true}",
    "See https://example.com/path?q=1&lang=en#section or mail me at first.last+tag@example.org",
    "C:\\Users\\Admin\\AppData\\Local\\Temp\\file_name.txt and /usr/local/bin/dotnet",
    "Regex: ^[a-z0-9_-]{3,16}$ and camelCaseIdentifier, PascalCaseType, kebab-case-name.",
    "if (a != b && c >= d || !e) { x += 1; } // comment",
    # whitespace, control and format characters
    "tabs\tbetween\twords",
    "line one\nline two\r\nline three",
    "non\u00a0breaking\u2003em space\u2028line separator",
    "zero\u200bwidth and soft\u00adhyphen",
    "bell\u0007char and null\u0000char",
    "   leading and trailing spaces   ",
    "",
    "   ",
    # special tokens written as text, unknown and over-long words
    "[CLS] this is not a special token [SEP] nor is [UNK] or [MASK] or [PAD]",
    "supercalifragilisticexpialidocious antidisestablishmentarianism",
    "a" * 150 + " word after a 150-character word",
    "x" * 99 + " and " + "y" * 100 + " and " + "z" * 101,
    "ᚠᚢᚦᚨᚱᚲ runes and 𝐁𝐨𝐥𝐝 math letters",
    # over-long texts
    long_story,
    very_long,
]

with open("sentences.json", "w", encoding="utf-8") as f:
    json.dump(sentences, f, ensure_ascii=True, indent=1)
print(len(sentences), "sentences")
