# Reference token ids for sentences.json, from BERT's reference tokenizer: google-research/bert's tokenization.py
# (FullTokenizer, do_lower_case=True), which Hugging Face's BertTokenizer reproduces.
# Usage: python3 bert_reference_tokenize.py PATH/TO/tokenization.py vocab.txt sentences.json reference-tokens.json
# tokenization.py is not copied here: take it from the google-research/bert repository. It imports tensorflow only to
# open the vocabulary file; a stub stands in. WordPiece's per-word limit is set to 100 characters, as in Hugging Face's
# tokenizer (tokenization.py defaults to 200), and sequences are cut to 256 tokens like sentence-transformers does
# (254 word pieces between [CLS] and [SEP]).
import importlib.util, json, sys, types

tf = types.ModuleType("tensorflow")
tf.gfile = types.SimpleNamespace(GFile=lambda path, mode: open(path, mode, encoding="utf-8"))
sys.modules["tensorflow"] = tf

spec = importlib.util.spec_from_file_location("tokenization", sys.argv[1])
tokenization = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tokenization)

tokenizer = tokenization.FullTokenizer(vocab_file=sys.argv[2], do_lower_case=True)
tokenizer.wordpiece_tokenizer.max_input_chars_per_word = 100
sentences = json.load(open(sys.argv[3], encoding="utf-8"))
out = []
for s in sentences:
    pieces = tokenizer.tokenize(s)[:254]
    tokens = ["[CLS]"] + pieces + ["[SEP]"]
    out.append({"tokens": tokens, "ids": tokenizer.convert_tokens_to_ids(tokens)})
json.dump(out, open(sys.argv[4], "w", encoding="utf-8"), ensure_ascii=False)
print(len(out), "tokenized;", sum(len(o["ids"]) for o in out), "ids")
