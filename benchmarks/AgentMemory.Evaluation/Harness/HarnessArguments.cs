namespace AgentMemory.Evaluation.Harness;

/// <summary>The arguments every dataset command shares: split, store, embeddings and the dataset folder.</summary>
/// <param name="Options">All parsed options, for the command's own (<c>--json</c>, <c>--details</c>, <c>--check</c>).</param>
/// <param name="Split">dev, frozen or all.</param>
/// <param name="Store">The store to run on.</param>
/// <param name="Embeddings">The embedding choice (see <see cref="EmbeddingChoice"/>).</param>
/// <param name="Folder">The dataset's folder.</param>
internal sealed record HarnessArguments(IReadOnlyDictionary<string, string> Options, string Split, string Store, string Embeddings, string Folder)
{
    /// <summary>Parses <paramref name="args"/> for <paramref name="command"/>; null (after printing why) when they are not usable.</summary>
    public static HarnessArguments? Parse(string command, string usage, string[] args)
    {
        var options = CommandLine.Parse(args, ["--split", "--store", "--embeddings", "--data", "--json", "--details"], ["--check"], out var error);
        var split = options?.GetValueOrDefault("--split") ?? DatasetSplit.Dev;
        var store = options?.GetValueOrDefault("--store") ?? HarnessMemory.SqliteStore;
        var embeddings = options?.GetValueOrDefault("--embeddings") ?? EmbeddingChoice.Onnx;
        if (options is null || !DatasetSplit.IsKnown(split) || !HarnessMemory.IsKnownStore(store))
        {
            Console.Error.WriteLine(error is null ? usage : $"{command}: {error}\n{usage}");
            return null;
        }

        var folder = DatasetSplit.FindFolder(command, options.GetValueOrDefault("--data"));
        if (folder is null)
        {
            Console.Error.WriteLine($"{command}: benchmarks/datasets/{command} not found; pass --data DIR");
            return null;
        }

        return new HarnessArguments(options, split, store, embeddings, folder);
    }
}
