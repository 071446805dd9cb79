using System.Text.Json;

namespace AgentMemory.Security;

/// <summary>The model judge's parsed answer.</summary>
internal readonly record struct JudgeAnswer(bool Instruction, bool SpecialCategory, double Confidence)
{
    /// <summary>Parses the judge's JSON (tolerating text or code fences around it).</summary>
    /// <exception cref="ModelOutputException">The answer holds no usable JSON object.</exception>
    public static JudgeAnswer Parse(string? text)
    {
        var start = text?.IndexOf('{', StringComparison.Ordinal) ?? -1;
        var end = text?.LastIndexOf('}') ?? -1;
        if (text is null || start < 0 || end <= start)
        {
            throw new ModelOutputException("The model judge did not answer with a JSON object.");
        }

        using var doc = JsonDocument.Parse(text.AsMemory(start, end - start + 1));
        var root = doc.RootElement;
        if (!root.TryGetProperty("instruction", out var instruction) || instruction.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new ModelOutputException("The model judge's answer has no boolean \"instruction\".");
        }

        var special = root.TryGetProperty("special_category", out var s) && s.ValueKind == JsonValueKind.True;
        var confidence = root.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? Math.Clamp(c.GetDouble(), 0, 1) : 0.5;
        return new JudgeAnswer(instruction.ValueKind == JsonValueKind.True, special, confidence);
    }
}
