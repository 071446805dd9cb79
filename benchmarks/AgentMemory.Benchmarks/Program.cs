// Benchmark commands: dotnet run -c Release --project benchmarks/AgentMemory.Benchmarks -- <command> [options]
return args.FirstOrDefault() switch
{
    "sqlite-recall" => await AgentMemory.Benchmarks.SqliteRecallBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("commands: sqlite-recall [--quick] [--total N] [--users N]");
    return 1;
}
