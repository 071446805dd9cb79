using AgentMemory.Benchmarks;
using BenchmarkDotNet.Running;

// Console commands by first argument; anything else goes to BenchmarkDotNet (e.g. `--filter *Kernel*`).
// To add a command, add one line here and a class with a `static int Run(string[] args)`.
var commands = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["scan"] = ScanCommand.Run,
    ["gen"] = GenCommand.Run,
    ["kernels"] = KernelsCommand.Run,
    ["sqlite-recall"] = SqliteRecallBenchmark.Run,
    ["sqlite-concurrency"] = SqliteConcurrencyCommand.Run,
    ["sqlite-cold"] = SqliteColdCommand.Run,
    ["sqlite-profile"] = SqliteProfileCommand.Run,
    ["pg-recall"] = PostgresRecallBenchmark.Run,
    ["store-recall"] = StoreRecallCommand.Run,
    ["onnx"] = OnnxEmbeddingCommand.Run,
    ["memory-growth"] = MemoryGrowthCommand.Run,
    ["save-cost"] = SaveCostCommand.Run,
};

if (args.Length > 0 && commands.TryGetValue(args[0], out var command))
{
    return command(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(ScanCommand).Assembly).Run(args);
return 0;
