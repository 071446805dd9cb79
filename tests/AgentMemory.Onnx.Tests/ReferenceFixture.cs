using System.Text.Json;

namespace AgentMemory.Onnx.Tests;

/// <summary>
/// Fixtures/minilm-reference.json (made by tools/OnnxReference): per sentence, BERT's reference token ids and the
/// weights package's own vectors.
/// </summary>
internal static class ReferenceFixture
{
    private static readonly Lazy<IReadOnlyList<Entry>> LazyEntries = new(Load);

    public static IReadOnlyList<Entry> Entries => LazyEntries.Value;

    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Entries.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static IReadOnlyList<Entry> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "minilm-reference.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("sentences").EnumerateArray().Select(e => new Entry(
            e.GetProperty("text").GetString()!,
            e.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!).ToArray(),
            e.GetProperty("ids").EnumerateArray().Select(t => t.GetInt32()).ToArray(),
            e.GetProperty("wrapperIds").EnumerateArray().Select(t => t.GetInt32()).ToArray(),
            Decode(e.GetProperty("vector").GetString()!),
            Decode(e.GetProperty("wrapperVector").GetString()!))).ToArray();
    }

    private static float[] Decode(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        var vector = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, vector, 0, bytes.Length);
        return vector;
    }

    internal sealed record Entry(string Text, string[] Tokens, int[] Ids, int[] WrapperIds, float[] Vector, float[] WrapperVector);
}
