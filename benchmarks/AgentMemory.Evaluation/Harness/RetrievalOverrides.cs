using System.Globalization;
using AgentMemory.Retrieval;

namespace AgentMemory.Evaluation.Harness;

/// <summary>
/// For tuning runs only: <c>AGENTMEMORY_EVAL_RETRIEVAL="VectorWeight=0.7;LexicalCoverageWeight=1"</c> sets numeric
/// <see cref="RetrievalOptions"/> properties without a rebuild. Unset (every published figure), the library's defaults apply.
/// </summary>
internal static class RetrievalOverrides
{
    public const string Variable = "AGENTMEMORY_EVAL_RETRIEVAL";

    public static void Apply(RetrievalOptions options)
    {
        var spec = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(spec))
        {
            return;
        }

        foreach (var pair in spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            var property = typeof(RetrievalOptions).GetProperty(parts[0]) ?? throw new ArgumentException($"{Variable}: no retrieval option '{parts[0]}'.");
            property.SetValue(options, property.PropertyType.IsEnum
                ? Enum.Parse(property.PropertyType, parts[1], ignoreCase: true)
                : Convert.ChangeType(parts[1], property.PropertyType, CultureInfo.InvariantCulture));
        }

        Console.Error.WriteLine($"{Variable}: {spec}");
    }
}
