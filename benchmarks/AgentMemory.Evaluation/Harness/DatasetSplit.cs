namespace AgentMemory.Evaluation.Harness;

/// <summary>
/// Which part of an evaluation set a run reads. <c>dev</c> is for tuning; <c>frozen</c> is read only to report figures
/// (never while tuning); <c>all</c> reads both. Files are <c>dev.jsonl</c> and <c>frozen.jsonl</c> in the set's folder.
/// </summary>
internal static class DatasetSplit
{
    public const string Dev = "dev";
    public const string Frozen = "frozen";
    public const string All = "all";

    public static bool IsKnown(string? split) => split is Dev or Frozen or All;

    /// <summary>The splits a choice covers, in report order.</summary>
    public static IReadOnlyList<string> Parts(string split) => split == All ? [Dev, Frozen] : [split];

    /// <summary>
    /// The set's folder: <paramref name="explicitPath"/> if given, else <c>benchmarks/datasets/&lt;name&gt;</c> found by walking up from
    /// the working directory and then from the program's own directory.
    /// </summary>
    public static string? FindFolder(string name, string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return Directory.Exists(explicitPath) ? explicitPath : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "benchmarks", "datasets", name);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
